package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	syncMetadata = "../../specsync/testdata/gadgets.json"
	syncSpec     = "../../specsync/testdata/gadgets.yaml"
)

func TestSyncReportsAndSuggests(t *testing.T) {
	overlay := filepath.Join(t.TempDir(), "sync.yaml")
	code, stdout, stderr := acsgen(t, "sync", "--metadata", syncMetadata, "--spec", syncSpec, "--suggest", overlay)
	assert.Equal(t, exitOK, code, "drift alone does not fail without --fail-on: %s", stderr)
	assert.Contains(t, stdout, "gadgets.yaml:16:7: paths./v1/gadgets/{gadgetId}.get.parameters: the metadata has header parameter x-trace, which the spec lacks [missing-parameter]\n")
	assert.Contains(t, stderr, "6 difference(s) from "+syncMetadata+" in 1 spec(s)")
	data, err := os.ReadFile(overlay)
	require.NoError(t, err)
	assert.Contains(t, string(data), "overlay: 1.0.0\n")

	code, stdout, _ = acsgen(t, "sync", "--metadata", syncMetadata, "--spec", syncSpec, "--fail-on", "drift", "--format", "json")
	assert.Equal(t, exitFindings, code)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(stdout), &rows))
	require.Len(t, rows, 6)
	assert.Equal(t, "missing-operation", rows[0]["kind"])
	assert.Contains(t, rows[0]["position"], "gadgets.yaml:28:5")
}

func TestSyncUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sync", "--spec", syncSpec}, "--metadata is required"},
		{[]string{"sync", "--metadata", syncMetadata, "--spec", syncSpec, "--format", "xml"}, `unknown --format "xml"`},
		{[]string{"sync", "--metadata", syncMetadata, "--spec", syncSpec, "--fail-on", "warning"}, `unknown --fail-on "warning"`},
		{[]string{"sync", "--metadata", "missing.json", "--spec", syncSpec}, "no such file or directory"},
	} {
		code, _, stderr := acsgen(t, c.args...)
		assert.Equal(t, exitUsage, code, "%v", c.args)
		assert.Contains(t, stderr, c.want, "%v", c.args)
	}
}
