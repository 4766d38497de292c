package generator

import (
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/acsgen/acsgen/generator/build"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/emit"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
)

// Options say how spec files become packages.
type Options struct {
	// Package names the one package every spec goes to; "" lets each spec name its
	// own (x-go-package, x-acs-product, file name).
	Package string
	// SpecPackages names the package of individual spec files (by path as given),
	// over what the spec itself says; Package, when set, wins over both.
	SpecPackages map[string]string
	// ImportPath returns the import path of the package named pkg, "" when unknown
	// (no examples are generated then); nil for unknown everywhere.
	ImportPath func(pkg string) string
	// HandWritten returns the names of the example functions a package already has in
	// hand-written files (ExampleClient_GetPluginAttachment, ...): the generator
	// writes no example of its own for those. nil for none.
	HandWritten func(pkg string) ([]string, error)
}

// Package is one Go package: the spec files it is made from and its API.
type Package struct {
	API   *ir.API
	Specs map[string]*load.Spec // the loaded spec files, by path
}

// Packages loads and builds the spec files, placing each in its package and merging
// the files of one package (build.Merge). Spec problems come back together as a
// diag.List, alongside the packages that had none; another error (an unreadable
// file) stops it, the first such in the order of paths.
func Packages(paths []string, opts Options) ([]*Package, error) {
	var problems diag.List
	byPkg := map[string][]builtSpec{}
	for _, r := range buildAll(paths, opts) {
		if r.err == nil {
			byPkg[r.api.Package] = append(byPkg[r.api.Package], r)
			continue
		}
		var dl diag.List
		if !errors.As(r.err, &dl) {
			return nil, r.err
		}
		problems = append(problems, dl...)
	}
	var pkgs []*Package
	for name, group := range byPkg {
		p := &Package{API: group[0].api, Specs: map[string]*load.Spec{}}
		apis := make([]*ir.API, len(group))
		for i, g := range group {
			apis[i] = g.api
			p.Specs[g.api.Specs[0].Path] = g.spec
		}
		if len(apis) > 1 {
			api, err := build.Merge(apis)
			var dl diag.List
			if errors.As(err, &dl) {
				problems = append(problems, dl...)
				continue
			}
			p.API = api
		}
		if opts.ImportPath != nil {
			p.API.ImportPath = opts.ImportPath(name)
		}
		if opts.HandWritten != nil && p.API.ImportPath != "" {
			names, err := opts.HandWritten(name)
			if err != nil {
				return nil, err
			}
			dropExamples(p.API, names)
		}
		pkgs = append(pkgs, p)
	}
	slices.SortFunc(pkgs, func(x, y *Package) int { return cmp.Compare(x.API.Package, y.API.Package) })
	if len(problems) > 0 {
		return pkgs, problems.Sort().Err()
	}
	return pkgs, nil
}

// dropExamples removes the generated example of every operation whose
// ExampleClient_<Op> is among handWritten.
func dropExamples(api *ir.API, handWritten []string) {
	for _, op := range api.Operations {
		if slices.Contains(handWritten, "ExampleClient_"+op.GoName) {
			op.Example = nil
		}
	}
}

// Emit renders a package's Go files.
func (p *Package) Emit() ([]File, error) { return emit.Emit(p.API) }

// builtSpec is one spec file loaded and built, or why not.
type builtSpec struct {
	api  *ir.API
	spec *load.Spec
	err  error
}

// buildAll loads and builds each spec file on its own, one worker per core taking
// them in turn (a file's loading is the part of generating that uses one core
// only); the results are in the order of paths.
func buildAll(paths []string, opts Options) []builtSpec {
	results := make([]builtSpec, len(paths))
	panics := make([]any, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(paths))) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < len(paths); i = int(next.Add(1)) - 1 {
				func() {
					// A panic (a bug) is raised again in the caller's goroutine.
					defer func() { panics[i] = recover() }()
					results[i] = buildOne(paths[i], opts)
				}()
			}
		})
	}
	wg.Wait()
	for i, p := range panics {
		if p != nil {
			panic(fmt.Sprintf("%s: %v", paths[i], p))
		}
	}
	return results
}

func buildOne(path string, opts Options) builtSpec {
	spec, err := load.File(path)
	if err != nil {
		return builtSpec{err: err}
	}
	pkg := opts.Package
	if pkg == "" {
		pkg = opts.SpecPackages[path]
	}
	api, err := build.Build(spec, build.Options{Package: pkg})
	return builtSpec{api: api, spec: spec, err: err}
}
