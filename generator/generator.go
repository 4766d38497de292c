// Package generator turns an OpenAPI 3.0 spec into Go source: load (kin-openapi) →
// build (IR) → emit (jennifer). Generate is the only place the stages meet; it does no
// IO beyond reading the spec, so callers decide where files go.
package generator

import (
	"github.com/acsgen/acsgen/generator/build"
	"github.com/acsgen/acsgen/generator/emit"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
)

// Config says what to generate.
type Config struct {
	Spec    string // spec file path; also named in the generated file headers
	Package string // Go package name; empty: from the spec (x-go-package, x-acs-product, file name)
	// ImportPath is the generated package's import path, which its example file
	// imports; empty generates no examples.
	ImportPath string
}

// File is one generated Go file.
type File = emit.File

// Generate loads, builds and emits one spec file as a package of its own (Packages
// places several). A spec problem comes back as a
// diag.List with every problem found.
func Generate(cfg Config) ([]File, *ir.API, error) {
	// build starts beside the spec's validation (load.FileThen), on the other core.
	_, b, err := load.FileThen(load.Options{}, cfg.Spec, func(spec *load.Spec) built {
		api, err := build.Build(spec, buildOptions(cfg))
		return built{api, err}
	})
	if err != nil {
		return nil, nil, err
	}
	return emitBuilt(b.api, b.err)
}

// built is what build.Build returns.
type built struct {
	api *ir.API
	err error
}

func buildOptions(cfg Config) build.Options {
	return build.Options{Package: cfg.Package, ImportPath: cfg.ImportPath}
}

// FromSpec builds and emits an already loaded spec.
func FromSpec(spec *load.Spec, cfg Config) ([]File, *ir.API, error) {
	return emitBuilt(build.Build(spec, buildOptions(cfg)))
}

// emitBuilt emits what build.Build returned.
func emitBuilt(api *ir.API, err error) ([]File, *ir.API, error) {
	if err != nil {
		return nil, nil, err
	}
	files, err := emit.Emit(api)
	if err != nil {
		return nil, nil, err
	}
	return files, api, nil
}

// CheckPackage names the package of a client package's contract checks, which
// Emit places in the client's directory under that name ("apig" → "apigcheck").
func CheckPackage(pkg string) string { return emit.CheckPackage(pkg) }
