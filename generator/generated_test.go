package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedUpToDate regenerates every spec/*.yaml in memory and compares the
// result with the committed generated/<package> files, byte for byte, extra files
// included. It runs from the repository root so headers name spec/… as `make
// generate` writes them.
func TestGeneratedUpToDate(t *testing.T) {
	t.Chdir("..")
	specs, err := filepath.Glob("spec/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, specs)
	pkgs, err := Packages(specs, Options{
		ImportPath:  func(pkg string) string { return "github.com/acsgen/acsgen/generated/" + pkg },
		HandWritten: func(pkg string) ([]string, error) { return HandWrittenExamples(filepath.Join("generated", pkg)) },
	})
	require.NoError(t, err)
	for _, pkg := range pkgs {
		files, err := pkg.Emit()
		require.NoError(t, err)
		dir := filepath.Join("generated", pkg.API.Package)
		for _, f := range files {
			path := filepath.Join(dir, filepath.FromSlash(f.Name))
			got, err := os.ReadFile(path)
			require.NoError(t, err, "%s is missing; run make generate", path)
			assert.Equal(t, string(f.Src), string(got), "%s is stale; run make generate", path)
		}
		extra, err := NoLongerGenerated(dir, files)
		require.NoError(t, err)
		assert.Empty(t, extra, "no longer generated; run make generate")
	}
}
