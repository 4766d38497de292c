// Package project reads what acsgen needs to know about the user's project: the Go
// module that will hold the generated packages (so that examples and docs name
// their import paths) and the acsgen.yaml configuration file.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// ErrNoModule is returned when no go.mod is found at or above a directory.
var ErrNoModule = errors.New("no go.mod found")

// Module is the Go module whose go.mod is in Dir.
type Module struct {
	Path string // module path, e.g. "example.com/userproj"
	Dir  string // absolute directory of go.mod
}

// FindModule returns the module holding dir: the nearest go.mod at or above it.
// dir need not exist yet (an output directory about to be written).
func FindModule(dir string) (Module, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Module{}, err
	}
	for d := abs; ; d = filepath.Dir(d) {
		gomod := filepath.Join(d, "go.mod")
		data, err := os.ReadFile(gomod)
		switch {
		case err == nil:
			path := modfile.ModulePath(data)
			if path == "" {
				return Module{}, fmt.Errorf("%s: no module directive", gomod)
			}
			return Module{Path: path, Dir: d}, nil
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission):
			return Module{}, err
		}
		if filepath.Dir(d) == d {
			return Module{}, fmt.Errorf("%w in %s or any directory above it; run go mod init there first", ErrNoModule, abs)
		}
	}
}

// ImportPath returns the import path of the package in dir, which must lie inside
// the module.
func (m Module) ImportPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(m.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside module %s (%s)", dir, m.Path, m.Dir)
	}
	if rel == "." {
		return m.Path, nil
	}
	return path.Join(m.Path, filepath.ToSlash(rel)), nil
}

// ImportPathOf returns the import path of the package in dir, from the module that
// holds it.
func ImportPathOf(dir string) (string, error) {
	m, err := FindModule(dir)
	if err != nil {
		return "", err
	}
	return m.ImportPath(dir)
}
