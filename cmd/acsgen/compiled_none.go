//go:build acsgen_nocompiled

package main

import "github.com/acsgen/acsgen/acs"

// compiledSpecs is empty in a build that leaves the generated packages out: every
// response is then checked by kin-openapi.
var compiledSpecs []acs.CompiledSpec
