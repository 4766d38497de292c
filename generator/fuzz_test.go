package generator

import (
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/load"
)

// FuzzGenerate runs load → build → emit on arbitrary bytes. A spec is either refused
// with positioned diagnostics (a diag.List) or yields files that parse as Go; any
// other error means emit rendered broken code, and a panic is a bug. Seeds: every
// spec in the repository; testdata/fuzz/FuzzGenerate holds inputs that once failed.
func FuzzGenerate(f *testing.F) {
	for _, pattern := range []string{"internal/cases/*/spec.yaml", "testdata/errors/*.yaml", "testdata/adversarial/*.yaml", "../spec/*.yaml"} {
		paths, err := filepath.Glob(pattern)
		require.NoError(f, err)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			require.NoError(f, err)
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		spec, err := load.Data("fuzz.yaml", data)
		if err != nil {
			requireDiagnostics(t, err)
			return
		}
		files, _, err := FromSpec(spec, Config{Spec: "fuzz.yaml", Package: "fuzz"})
		if err != nil {
			requireDiagnostics(t, err)
			return
		}
		for _, file := range files {
			_, err := parser.ParseFile(token.NewFileSet(), file.Name, file.Src, parser.AllErrors)
			require.NoError(t, err, "%s:\n%s", file.Name, file.Src)
		}
	})
}

func requireDiagnostics(t *testing.T, err error) {
	t.Helper()
	var list diag.List
	require.True(t, errors.As(err, &list), "not a diagnostic: %v", err)
	require.NotEmpty(t, list)
	for _, d := range list {
		require.NotEmpty(t, d.Pos.File, "diagnostic without a file: %s", d)
	}
}
