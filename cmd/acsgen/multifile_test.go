package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/gomodtest"
)

// multiFileProject copies testdata/multifile (a spec whose pets.yaml $refs
// schemas/pet.yaml and common.yaml, the latter beside it) into a module of its
// own and makes it the current directory.
func multiFileProject(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs("testdata/multifile")
	require.NoError(t, err)
	repo, err := filepath.Abs("../..")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(src)))
	require.NoError(t, gomodtest.Write(dir, "example.com/pets", repo)) // diff type-checks the generated code
	t.Chdir(dir)
	return dir
}

// editPart changes schemas/pet.yaml, a file the spec only $refs.
func editPart(t *testing.T, spec string) {
	t.Helper()
	path := filepath.Join(spec, "schemas", "pet.yaml")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	edited := strings.Replace(string(data), "  age:", "  color: {type: string}\n  age:", 1)
	require.NotEqual(t, string(data), edited)
	require.NoError(t, os.WriteFile(path, []byte(edited), 0o644))
}

// Every command reads a spec split into files: common.yaml beside pets.yaml is a
// part of it, not a spec of its own, and a change in a part is a change of the spec.
func TestMultiFileSpecInEveryCommand(t *testing.T) {
	multiFileProject(t)

	code, _, stderr := acsgen(t, "lint")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "1 spec(s) OK\n", stderr)

	code, stdout, stderr := acsgen(t, "generate", "--out", "gen")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "spec/pets.yaml → gen/pets (9 files)\n", stdout)
	code, _, stderr = acsgen(t, "generate", "--out", "gen", "--check")
	require.Equal(t, exitOK, code, stderr)

	code, _, stderr = acsgen(t, "docs", "--generated", "gen", "--out", "docs")
	require.Equal(t, exitOK, code, stderr)
	page, err := os.ReadFile("docs/pets/GetPet.md")
	require.NoError(t, err)
	assert.Contains(t, string(page), "- `age` *int64* (Go `Age`)", "the response type comes from schemas/pet.yaml")

	// The mock answers with the example schemas/pet.yaml gives.
	ctx, cancel := context.WithCancel(context.Background())
	url, done := started(t, func(stdout, stderr io.Writer) error {
		return exitError(runContext(ctx, []string{"mock", "--addr", "127.0.0.1:0"}, stdout, stderr))
	})
	resp, err := http.Get(url + "/pets/p1")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, string(body), `"name":"Rex"`)
	cancel()
	assert.NoError(t, wait(t, done))

	// A finding names the schema where it is written, in the part.
	code, stdout, _ = acsgen(t, "contract", "rec.har")
	assert.Equal(t, exitFindings, code)
	assert.Equal(t, "rec.har#0 GetPet response /age: number must be at least 0 [minimum at spec/schemas/pet.yaml:5:3]\n", stdout)

	// diff compares the spec as a whole, parts included.
	require.NoError(t, os.CopyFS("old", os.DirFS("spec")))
	editPart(t, "spec")
	code, stdout, stderr = acsgen(t, "diff", "old/pets.yaml", "spec/pets.yaml")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "Pet.Color")

	code, _, stderr = acsgen(t, "generate", "--out", "gen", "--check")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, "gen/pets/models_gen.go: stale")
	code, _, stderr = acsgen(t, "docs", "--generated", "gen", "--out", "docs", "--check")
	assert.Equal(t, exitFindings, code)
	assert.Contains(t, stderr, "docs/pets/GetPet.md: stale")
}

// A problem in a part is reported at its line in that file.
func TestMultiFileProblemsNameTheirFile(t *testing.T) {
	dir := multiFileProject(t)
	path := filepath.Join(dir, "spec", "schemas", "pet.yaml")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(data), "age: 3", "age: -3", 1)), 0o644))
	code, stdout, _ := acsgen(t, "lint")
	assert.Equal(t, exitOK, code, "an example that does not match is a warning")
	assert.Equal(t, "spec/schemas/pet.yaml:6:22: warning: components.schemas.pet.example: example value at /age: number must be at least 0; the example is left out of generated examples and docs\n", stdout)
}
