package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/golden"
)

// interopCopies are golden cases whose package the interop module imports: it
// cannot import generator/internal/cases, so it holds a copy of each, generated
// without examples and without the check package (both need an import path,
// and the interop tests use neither).
var interopCopies = map[string]string{
	"internal/cases/styles/spec.yaml": "../interop/internal/styles",
}

// TestGoldenInteropCopies generates each case copied into the interop module and compares
// the output with the files there.
func TestGoldenInteropCopies(t *testing.T) {
	for spec, dir := range interopCopies {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			files, _, err := Generate(Config{Spec: spec, Package: filepath.Base(dir)})
			require.NoError(t, err)
			for _, f := range files {
				golden.Compare(t, filepath.Join(dir, f.Name), f.Src, *update, rerun)
			}
			extra, err := NoLongerGenerated(dir, files)
			require.NoError(t, err)
			for _, path := range extra {
				if *update {
					require.NoError(t, os.Remove(path))
					continue
				}
				t.Errorf("%s is no longer generated; rerun: %s", path, rerun)
			}
		})
	}
}
