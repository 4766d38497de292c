package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/internal/boundedfile"
)

// ConfigFile is the name acsgen looks for in the current directory.
const ConfigFile = "acsgen.yaml"

// maxConfigSize bounds what is read of a configuration file; a real one is a few
// hundred bytes.
const maxConfigSize = 1 << 20

// Config is a project's acsgen.yaml: which specs it has and where their packages
// and docs go. Paths are relative to the file's directory, as written, and come
// back joined to it. Flags given on the command line win over every field.
//
//	specs: [spec/apig.yaml, spec/cloudapi]   # files or directories; default spec
//	out: internal/acsapi                     # packages go to <out>/<package>; default generated
//	docs: docs/api                           # where acsgen docs writes; default docs
//	packages:                                # Go package of a spec file that names none
//	  spec/apig.yaml: gateway
type Config struct {
	File     string            // the file read, as given
	Specs    []string          // spec files or directories
	Out      string            // root of the generated packages
	Docs     string            // root of the docs
	Packages map[string]string // spec file → Go package name
}

var configKeys = []string{"specs", "out", "docs", "packages"}

// FindConfig reads acsgen.yaml in dir, or returns nil when there is none.
func FindConfig(dir string) (*Config, error) {
	path := filepath.Join(dir, ConfigFile)
	if dir == "." || dir == "" {
		path = ConfigFile
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return LoadConfig(path)
}

// LoadConfig reads and checks a configuration file. Every problem names the file
// and line.
func LoadConfig(path string) (*Config, error) {
	data, err := readSmallFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	c := &Config{File: path}
	if len(doc.Content) == 0 {
		return c, nil // an empty file: every default
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d:%d: want a mapping with keys %s", path, root.Line, root.Column, strings.Join(configKeys, ", "))
	}
	base := filepath.Dir(path)
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		at := fmt.Sprintf("%s:%d:%d", path, k.Line, k.Column)
		if !slices.Contains(configKeys, k.Value) {
			return nil, fmt.Errorf("%s: unknown key %q; want one of %s", at, k.Value, strings.Join(configKeys, ", "))
		}
		if seen[k.Value] {
			return nil, fmt.Errorf("%s: key %q appears twice", at, k.Value)
		}
		seen[k.Value] = true
		if err := c.set(k.Value, v, base); err != nil {
			return nil, fmt.Errorf("%s:%d:%d: %s: %w", path, v.Line, v.Column, k.Value, err)
		}
	}
	return c, nil
}

func (c *Config) set(key string, v *yaml.Node, base string) error {
	switch key {
	case "specs":
		var specs []string
		if v.Kind == yaml.ScalarNode {
			specs = []string{v.Value}
		} else if err := v.Decode(&specs); err != nil {
			return errors.New("want a list of spec files or directories")
		}
		for _, s := range specs {
			if s == "" {
				return errors.New("empty path")
			}
			c.Specs = append(c.Specs, join(base, s))
		}
	case "out", "docs":
		if v.Kind != yaml.ScalarNode || v.Value == "" {
			return errors.New("want a directory")
		}
		if key == "out" {
			c.Out = join(base, v.Value)
		} else {
			c.Docs = join(base, v.Value)
		}
	case "packages":
		var pkgs map[string]string
		if err := v.Decode(&pkgs); err != nil {
			return errors.New("want a mapping of spec file to Go package name")
		}
		c.Packages = map[string]string{}
		for spec, pkg := range pkgs {
			c.Packages[join(base, spec)] = pkg
		}
	}
	return nil
}

// join resolves a path of the file against its directory, keeping it relative when
// the file's is (so generated headers name spec/x.yaml, not an absolute path).
func join(base, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.ToSlash(filepath.Join(base, p))
}

// readSmallFile reads a regular file of at most maxConfigSize bytes.
func readSmallFile(path string) ([]byte, error) {
	data, err := boundedfile.Read(path, maxConfigSize, "configuration")
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("%s: %w", path, pe.Err) // "acsgen.yaml: no such file or directory"
	}
	return data, err
}
