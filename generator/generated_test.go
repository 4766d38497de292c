package generator

import (
	"os"
	"path/filepath"
	"slices"
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
		var names []string
		for _, f := range files {
			names = append(names, f.Name)
			got, err := os.ReadFile(filepath.Join(dir, f.Name))
			require.NoError(t, err, "%s is missing; run make generate", filepath.Join(dir, f.Name))
			assert.Equal(t, string(f.Src), string(got), "%s is stale; run make generate", filepath.Join(dir, f.Name))
		}
		onDisk, err := GeneratedFiles(dir)
		require.NoError(t, err)
		for _, path := range onDisk {
			assert.True(t, slices.Contains(names, filepath.Base(path)), "%s is no longer generated; run make generate", path)
		}
	}
}
