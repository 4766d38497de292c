package specdiff

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/exp/apidiff"
	"golang.org/x/tools/go/packages"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/load"
)

// GoChange is one change to the exported API of the generated client package.
type GoChange struct {
	Identifier string `json:"identifier"` // e.g. "HTTPAPIAPIInfo.EnabelAuth"
	Kind       string `json:"kind"`       // added, removed or changed
	Compatible bool   `json:"compatible"`
	Message    string `json:"message"` // apidiff's wording
}

// Change kinds.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// goChanges generates both specs with the project's generator, type-checks the
// two packages and compares them with golang.org/x/exp/apidiff. dir is where
// dependencies (the acs runtime) are resolved: any directory inside this module.
func goChanges(old, new *load.Spec, oldName, newName, dir string) (pkg string, _ []GoChange, _ error) {
	oldFiles, _, err := generator.FromSpec(old, generator.Config{Spec: oldName})
	if err != nil {
		return "", nil, fmt.Errorf("generate %s: %w", oldName, err)
	}
	newFiles, newAPI, err := generator.FromSpec(new, generator.Config{Spec: newName})
	if err != nil {
		return "", nil, fmt.Errorf("generate %s: %w", newName, err)
	}
	// Both sides get the same import path so that apidiff sees one package
	// changing, not two unrelated ones.
	path := "github.com/acsgen/acsgen/generated/" + newAPI.Package
	fset := token.NewFileSet()
	oldAST, err := parseFiles(fset, "old", oldFiles)
	if err != nil {
		return "", nil, err
	}
	newAST, err := parseFiles(fset, "new", newFiles)
	if err != nil {
		return "", nil, err
	}
	imp, err := newImporter(dir, importsOf(oldAST), importsOf(newAST))
	if err != nil {
		return "", nil, err
	}
	oldPkg, err := check(fset, path, oldAST, imp)
	if err != nil {
		return "", nil, fmt.Errorf("type-check code generated from %s: %w", oldName, err)
	}
	newPkg, err := check(fset, path, newAST, imp)
	if err != nil {
		return "", nil, fmt.Errorf("type-check code generated from %s: %w", newName, err)
	}
	report := apidiff.Changes(oldPkg, newPkg)
	out := make([]GoChange, 0, len(report.Changes))
	for _, c := range report.Changes {
		id, rest, _ := strings.Cut(c.Message, ": ")
		kind := Changed
		switch rest {
		case "added":
			kind = Added
		case "removed":
			kind = Removed
		}
		out = append(out, GoChange{Identifier: id, Kind: kind, Compatible: c.Compatible, Message: c.Message})
	}
	slices.SortFunc(out, func(a, b GoChange) int {
		return cmp.Or(compareBool(a.Compatible, b.Compatible), cmp.Compare(a.Identifier, b.Identifier), cmp.Compare(a.Message, b.Message))
	})
	return newAPI.Package, out, nil
}

// compareBool orders false (incompatible) first.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

func parseFiles(fset *token.FileSet, side string, files []generator.File) ([]*ast.File, error) {
	out := make([]*ast.File, 0, len(files))
	for _, f := range files {
		file, err := parser.ParseFile(fset, side+"/"+f.Name, f.Src, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parse generated %s: %w", f.Name, err)
		}
		out = append(out, file)
	}
	return out, nil
}

func importsOf(files []*ast.File) []string {
	var out []string
	for _, f := range files {
		for _, spec := range f.Imports {
			if p, err := strconv.Unquote(spec.Path.Value); err == nil {
				out = append(out, p)
			}
		}
	}
	return out
}

func check(fset *token.FileSet, path string, files []*ast.File, imp types.Importer) (*types.Package, error) {
	var errs []error
	conf := types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err) }}
	pkg, _ := conf.Check(path, fset, files, nil)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return pkg, nil
}

// importer hands out the packages loaded once by go/packages, from export data.
type importer map[string]*types.Package

func (m importer) Import(path string) (*types.Package, error) {
	if p, ok := m[path]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("package %s was not loaded", path)
}

// importers caches loaded importers by directory and import set: loading runs
// `go list -export`, which dominates the time of a diff.
var importers sync.Map // string → importer

func newImporter(dir string, imports ...[]string) (importer, error) {
	var paths []string
	for _, list := range imports {
		paths = append(paths, list...)
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	key := dir + "\x00" + strings.Join(paths, "\x00")
	if m, ok := importers.Load(key); ok {
		return m.(importer), nil
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		return nil, fmt.Errorf("load packages the generated code imports: %w", err)
	}
	m := importer{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("load %s (run acsgen diff inside a Go module that requires github.com/acsgen/acsgen): %v", p.PkgPath, p.Errors[0])
		}
		m[p.PkgPath] = p.Types
	}
	importers.Store(key, m)
	return m, nil
}
