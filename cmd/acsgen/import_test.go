package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	roaMetadata = "../../metadata/testdata/roa.json"
	rpcMetadata = "../../metadata/testdata/rpc.json"
)

// An imported spec is one acsgen takes as it is: lint passes and generate writes
// a package.
func TestImportThenLintAndGenerate(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "gadgets.yaml")
	code, stdout, stderr := acsgen(t, "import", roaMetadata, "--out", spec)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout, "the spec goes to --out")
	assert.Contains(t, stderr, "→ "+spec+": 0 problem(s), 0 warning(s)")

	code, _, stderr = acsgen(t, "lint", "--spec", spec)
	require.Equal(t, exitOK, code, stderr)
	code, stdout, stderr = acsgen(t, "generate", "--spec", spec, "--out", t.TempDir())
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "/gadgets (")
}

func TestImportToStdoutAndNamedOperations(t *testing.T) {
	code, stdout, stderr := acsgen(t, "import", "--operation", "GetGadget", roaMetadata)
	require.Equal(t, exitOK, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "openapi: 3.0.3\n"))
	assert.Contains(t, stdout, "operationId: GetGadget")
	assert.NotContains(t, stdout, "CreateGadget")
}

// Problems go to stderr naming the API and field, the spec is still written, and
// the exit status says there were some.
func TestImportReportsProblems(t *testing.T) {
	spec := filepath.Join(t.TempDir(), "widgets.yaml")
	code, _, stderr := acsgen(t, "import", "--out", spec, rpcMetadata)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, "rpc.json: apis.TagWidgets.parameters[5] (Zone).in: host parameters reach the wire only through a product gateway (darabonba's HostMap), which CallApi and acsgen clients do not use; not imported\n")
	data, err := os.ReadFile(spec)
	require.NoError(t, err)
	assert.Contains(t, string(data), "x-acs-param-style: repeatList")
}

func TestImportBadInput(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte("{\"info\": [}"), 0o644))
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import"}, exitUsage, "acsgen import: want one METADATA file, got 0\nrun 'acsgen help import' for usage\n"},
		{[]string{"import", roaMetadata, rpcMetadata}, exitUsage, "want one METADATA file, got 2"},
		{[]string{"import", filepath.Join(dir, "missing.json")}, exitUsage, "no such file or directory"},
		{[]string{"import", broken}, exitUsage, "broken.json:1:11: invalid character '}' looking for beginning of value"},
		{[]string{"import", dir}, exitUsage, "not a regular file"},
		{[]string{"import", "--out", filepath.Join(dir, "no", "such", "dir.yaml"), roaMetadata}, exitUsage, "no such file or directory"},
	} {
		code, _, stderr := acsgen(t, c.args...)
		assert.Equal(t, c.code, code, "%v", c.args)
		assert.Contains(t, stderr, c.want, "%v", c.args)
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "nothing but the broken input: no partial spec is left behind")
}
