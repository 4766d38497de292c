package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const caseSpec = "../../generator/internal/cases/rpcmulti/spec.yaml"

func acsgen(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestGenerateThenCheckCatchesHandEdit(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := acsgen(t, "generate", "--spec", caseSpec, "--out", out)
	require.Equal(t, exitOK, code, stderr)
	dir := filepath.Join(out, "rpcmulti")
	require.FileExists(t, filepath.Join(dir, "client_gen.go"))

	code, _, stderr = acsgen(t, "generate", "--spec", caseSpec, "--out", out, "--check")
	require.Equal(t, exitOK, code, stderr)

	path := filepath.Join(dir, "models_gen.go")
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, append(src, []byte("\n// hand edit\n")...), 0o644))
	extra := filepath.Join(dir, "old_gen.go")
	require.NoError(t, os.WriteFile(extra, []byte("package rpcmulti\n"), 0o644))
	require.NoError(t, os.Remove(filepath.Join(dir, "enums_gen.go")))

	code, _, stderr = acsgen(t, "generate", "--spec", caseSpec, "--out", out, "--check")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, path+": stale")
	assert.Contains(t, stderr, filepath.Join(dir, "enums_gen.go")+": missing")
	assert.Contains(t, stderr, extra+": no longer generated")
	edited, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(edited), "hand edit", "--check must not write")

	// A real run repairs all three and keeps hand-written files.
	handWritten := filepath.Join(dir, "doc.go")
	require.NoError(t, os.WriteFile(handWritten, []byte("package rpcmulti\n"), 0o644))
	code, _, stderr = acsgen(t, "generate", "--spec", caseSpec, "--out", out)
	require.Equal(t, exitOK, code, stderr)
	assert.NoFileExists(t, extra)
	assert.FileExists(t, handWritten)
	code, _, _ = acsgen(t, "generate", "--spec", caseSpec, "--out", out, "--check")
	assert.Equal(t, exitOK, code)
}

func TestGenerateReportsSpecProblemsWithPositions(t *testing.T) {
	code, _, stderr := acsgen(t, "generate", "--spec", "../../generator/testdata/errors/invalid.yaml", "--out", t.TempDir())
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, "../../generator/testdata/errors/invalid.yaml:5:5: paths./x/{id}.get: path parameter \"id\" must be required")
	assert.Contains(t, stderr, "invalid.yaml:18:25:")
}

func TestLint(t *testing.T) {
	code, stdout, _ := acsgen(t, "lint", "--spec", "../../generator/testdata/errors/collisions.yaml", "--spec", caseSpec)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stdout, "collisions.yaml:25:9: components.schemas.Thing.properties.apiId:")
	code, _, stderr := acsgen(t, "lint", "--spec", caseSpec)
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "1 spec(s) OK")
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"generate", "--no-such-flag"},
		{"generate", "--spec", "does/not/exist.yaml"},
		{"generate", "stray"},
		{"lint", "--spec", "does/not/exist.yaml"},
		{"lint", caseSpec},
		{"contract"},
		{"contract", "--spec", caseSpec, "does/not/exist.yaml"},
	} {
		code, _, stderr := acsgen(t, args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, stderr)
		assert.NotEmpty(t, stderr, "%v must say what is wrong", args)
	}
}
