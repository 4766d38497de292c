package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hiddenLintSpec holds a raw right-to-left override in a description (line 7,
// column 27): a warning, which lint prints with its position while the spec
// still counts as fine, and which generate prints without stopping.
const hiddenLintSpec = "openapi: 3.0.3\n" +
	"info: {title: t, version: \"1\"}\n" +
	"paths: {}\n" +
	"components:\n" +
	"  schemas:\n" +
	"    Pet:\n" +
	"      description: \"A pet \u202eyrev\"\n" +
	"      type: object\n" +
	"      properties:\n" +
	"        name: {type: string}\n"

func TestLintPrintsWarningsAndPasses(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "pets.yaml")
	require.NoError(t, os.WriteFile(spec, []byte(hiddenLintSpec), 0o644))
	code, stdout, stderr := acsgen(t, "lint", "--spec", spec)
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, filepath.ToSlash(spec)+":7:27: warning: components.schemas.Pet.description: U+202E RIGHT-TO-LEFT OVERRIDE in description: it changes how the text reads without showing itself; remove it (generated comments and docs write it as <U+202E>)\n", stdout)
	assert.Equal(t, "1 spec(s) OK, 1 warning(s)\n", stderr)
	assert.False(t, strings.ContainsRune(stdout, '\u202e'), "the diagnostic shows the character escaped")

	code, _, stderr = acsgen(t, "generate", "--spec", spec, "--out", t.TempDir())
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "pets.yaml:7:27: warning: components.schemas.Pet.description: U+202E")
}

// With errors as well, lint counts both and fails.
func TestLintCountsErrorsAndWarnings(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "pets.yaml")
	require.NoError(t, os.WriteFile(spec, []byte(hiddenLintSpec+"      x-go-name: lower\n"), 0o644))
	code, stdout, stderr := acsgen(t, "lint", "--spec", spec)
	assert.Equal(t, exitFindings, code, stderr)
	assert.Equal(t, 2, strings.Count(stdout, "\n"), stdout)
	assert.Contains(t, stdout, ":7:27: warning: ")
	assert.Contains(t, stdout, `:6:5: components.schemas.Pet: x-go-name "lower" is not an exported Go identifier`)
	assert.Equal(t, "1 problem(s) and 1 warning(s) in 1 spec(s)\n", stderr)
}
