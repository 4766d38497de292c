package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// userProject copies testdata/userproj (acsgen.yaml, two spec files of one
// product) to a temporary directory with a go.mod and makes it the current one.
func userProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("testdata/userproj")))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/userproj\n\ngo 1.26\n"), 0o644))
	t.Chdir(dir)
	return dir
}

func TestConfigSuppliesWhatFlagsDoNot(t *testing.T) {
	userProject(t)
	code, stdout, stderr := acsgen(t, "generate")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "spec/things-get.yaml, spec/things-list.yaml → internal/acsapi/things (9 files)\n", stdout)
	assert.FileExists(t, "internal/acsapi/things/examples_gen_test.go")
	src, err := os.ReadFile("internal/acsapi/things/examples_gen_test.go")
	require.NoError(t, err)
	assert.Contains(t, string(src), `"example.com/userproj/internal/acsapi/things"`, "examples import the package by the user's module path")

	// A flag wins over the file.
	code, stdout, stderr = acsgen(t, "generate", "--out", "elsewhere")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "→ elsewhere/things")

	code, _, stderr = acsgen(t, "docs")
	require.Equal(t, exitOK, code, stderr)
	page, err := os.ReadFile("docs/api/things/GetThing.md")
	require.NoError(t, err)
	assert.Contains(t, string(page), "func ExampleClient_GetThing()")
	index, err := os.ReadFile("docs/api/things/README.md")
	require.NoError(t, err)
	assert.Contains(t, string(index), "Go package `example.com/userproj/internal/acsapi/things`")
	assert.NotContains(t, string(index), "github.com/acsgen/acsgen/generated")

	code, _, stderr = acsgen(t, "lint")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "2 spec(s) OK")
}

func TestConfigPackagesRenameAPackage(t *testing.T) {
	userProject(t)
	require.NoError(t, os.WriteFile("acsgen.yaml", []byte("specs: [spec]\nout: gen\npackages:\n  spec/things-get.yaml: stuff\n  spec/things-list.yaml: stuff\n"), 0o644))
	code, stdout, stderr := acsgen(t, "generate")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "→ gen/stuff (9 files)")
}

func TestBadConfigStopsTheCommand(t *testing.T) {
	userProject(t)
	require.NoError(t, os.WriteFile("acsgen.yaml", []byte("specs: [spec]\noutput: gen\n"), 0o644))
	for _, cmd := range []string{"generate", "lint", "docs", "contract", "mock"} {
		code, _, stderr := acsgen(t, cmd, "x.yaml")
		if cmd == "generate" || cmd == "lint" || cmd == "docs" || cmd == "mock" {
			code, _, stderr = acsgen(t, cmd)
		}
		assert.Equal(t, exitUsage, code, cmd)
		assert.Equal(t, "acsgen "+cmd+": acsgen.yaml:2:1: unknown key \"output\"; want one of specs, out, docs, packages\n", stderr, cmd)
	}
	code, _, stderr := acsgen(t, "generate", "--config", "missing.yaml")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "acsgen generate: missing.yaml: no such file or directory\n", stderr)
}

// Two spec files aimed at one package that are not one product and version are
// refused, naming both files, and nothing is written.
func TestOnePackageFromTwoProductsIsRefused(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := acsgen(t, "generate", "--spec", caseSpec, "--spec", "../../generator/internal/cases/plainroa/spec.yaml", "--package", "x", "--out", out)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, `rpcmulti/spec.yaml:7:1: version: product "Things" version "2020-01-01" differs from "" "1.0.0" of ../../generator/internal/cases/plainroa/spec.yaml:4:3`)
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	assert.Empty(t, entries)
}
