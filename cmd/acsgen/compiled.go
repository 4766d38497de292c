//go:build !acsgen_nocompiled

package main

import (
	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig/apigcheck"
	"github.com/acsgen/acsgen/generated/cloudapi/cloudapicheck"
)

// compiledSpecs are the check packages of the generated clients, built into
// acsgen. `acsgen contract` checks responses with their code while spec/ is what
// they were generated from. Should generated/ ever fail to compile, build with
// -tags acsgen_nocompiled (compiled_none.go) to run `acsgen generate` and repair it.
var compiledSpecs = []acs.CompiledSpec{apigcheck.CompiledSpec, cloudapicheck.CompiledSpec}
