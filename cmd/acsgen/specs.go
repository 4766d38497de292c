package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/generator/load"
)

const defaultSpecDir = "spec"

// errNoSpecDir is specFiles' error when no --spec was given and the current
// directory has no spec/ to default to.
var errNoSpecDir = errors.New("no spec/ directory in the current directory; pass --spec, or run from the project root")

// specFiles expands files and directories into the spec files they hold
// (*.yaml, *.yml, *.json directly inside a directory, but for the parts other
// specs $ref), sorted and de-duplicated.
// Without any, it reads spec/ in the current directory.
func specFiles(args []string) ([]string, error) {
	if len(args) == 0 {
		if _, err := os.Stat(defaultSpecDir); errors.Is(err, fs.ErrNotExist) {
			return nil, errNoSpecDir
		}
		args = []string{defaultSpecDir}
	}
	var out []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is already in the message
			}
			return nil, fmt.Errorf("spec %s: %w", arg, err)
		}
		if !info.IsDir() {
			out = append(out, filepath.ToSlash(filepath.Clean(arg)))
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, fmt.Errorf("spec directory %s: %w", arg, err)
		}
		n := 0
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if e.Type().IsRegular() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
				out = append(out, filepath.ToSlash(filepath.Join(arg, e.Name())))
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("spec directory %s holds no .yaml, .yml or .json files", arg)
		}
	}
	slices.Sort(out)
	return withoutParts(slices.Compact(out)), nil
}

// withoutParts drops from specs the files another of them $refs: those are parts of a
// multi-file spec (common.yaml beside the specs that share it), not specs.
func withoutParts(specs []string) []string {
	if len(specs) < 2 {
		return specs
	}
	referenced := map[string]bool{}
	for _, s := range specs {
		for _, ref := range load.References(s) {
			if ref != s {
				referenced[ref] = true
			}
		}
	}
	return slices.DeleteFunc(specs, func(s string) bool { return referenced[s] })
}
