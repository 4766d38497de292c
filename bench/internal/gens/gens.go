// Package gens holds the two generators the generation benchmarks compare: each
// turns one spec file into Go source the whole way (read, load, generate, format),
// models and a client (and acsgen its contract check package).
package gens

import (
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"

	"github.com/acsgen/acsgen/generator"
)

// AcsgenConfig is how the benchmarks run acsgen on spec: with an import path,
// without which the contract check package would not be generated (and timed).
func AcsgenConfig(spec string) generator.Config {
	return generator.Config{Spec: spec, ImportPath: "example.com/bench/generated"}
}

// Names are the generators, acsgen first.
var Names = []string{"acsgen", "oapi-codegen"}

// ByName are the generators by name; each returns the number of bytes of Go
// source it made.
var ByName = map[string]func(spec string) (int, error){
	"acsgen": func(spec string) (int, error) {
		files, _, err := generator.Generate(AcsgenConfig(spec))
		n := 0
		for _, f := range files {
			n += len(f.Src)
		}
		return n, err
	},
	"oapi-codegen": func(spec string) (int, error) {
		doc, err := openapi3.NewLoader().LoadFromFile(spec)
		if err != nil {
			return 0, err
		}
		code, err := codegen.Generate(doc, codegen.Configuration{
			PackageName:   "ref",
			Generate:      codegen.GenerateOptions{Models: true, Client: true},
			OutputOptions: codegen.OutputOptions{ResponseTypeSuffix: "HTTPResponse"},
		})
		return len(code), err
	},
}
