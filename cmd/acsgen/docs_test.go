package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDocsThenCheckCatchesHandEdit(t *testing.T) {
	out := t.TempDir()
	spec := "../../spec/apig-2024-03-27.yaml"
	gen := "../../generated"
	code, _, stderr := acsgen(t, "docs", "--spec", spec, "--generated", gen, "--out", out, "--check")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, filepath.Join(out, "apig", "GetPluginAttachment.md")+": missing")
	assert.NoFileExists(t, filepath.Join(out, "README.md"), "--check must not write")

	code, stdout, stderr := acsgen(t, "docs", "--spec", spec, "--generated", gen, "--out", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "(7 files)", "the index, the product's index and one page per operation (5)")
	code, _, stderr = acsgen(t, "docs", "--spec", spec, "--generated", gen, "--out", out, "--check")
	require.Equal(t, exitOK, code, stderr)

	page := filepath.Join(out, "apig", "GetPluginAttachment.md")
	require.NoError(t, os.WriteFile(page, []byte("edited\n"), 0o644))
	extra := filepath.Join(out, "apig", "Removed.md")
	require.NoError(t, os.WriteFile(extra, []byte("old\n"), 0o644))
	code, _, stderr = acsgen(t, "docs", "--spec", spec, "--generated", gen, "--out", out, "--check")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, page+": stale")
	assert.Contains(t, stderr, extra+": no longer generated")

	code, _, stderr = acsgen(t, "docs", "--spec", spec, "--generated", gen, "--out", out)
	require.Equal(t, exitOK, code, stderr)
	assert.NoFileExists(t, extra)
}

func TestDocsMissingExampleIsAFinding(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := acsgen(t, "docs", "--spec", "../../spec/apig-2024-03-27.yaml", "--generated", t.TempDir(), "--out", out)
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, "apig: no func ExampleClient_GetPluginAttachment, and acsgen generate writes none there because no go.mod holds that directory")
}
