package generator

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
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

// The client packages under generated/ import no check package and hold no
// contract check, so that a program using a client compiles none of them.
func TestClientsLeaveChecksToTheirCheckPackage(t *testing.T) {
	files, err := filepath.Glob("../generated/*/*.go")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, imp := range f.Imports {
			assert.NotContains(t, imp.Path.Value, "check\"", "%s imports a check package", path)
		}
		for _, name := range topLevelNames(f) {
			assert.False(t, name == "CompiledSpec" || strings.HasPrefix(name, "walk"), "%s declares %s", path, name)
		}
	}
	for _, pkg := range []string{"apig", "cloudapi"} {
		assert.FileExists(t, filepath.Join("../generated", pkg, pkg+"check", "compiled_gen.go"))
	}
}

// topLevelNames are the functions and variables a file declares.
func topLevelNames(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				out = append(out, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				if v, ok := spec.(*ast.ValueSpec); ok {
					for _, n := range v.Names {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}
