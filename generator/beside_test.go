package generator

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/load"
)

// Generate builds beside the spec's validation (load.FileThen); what it gives is
// what loading first and then building gives, for the specs that generate and
// for those that fail. Under -race (make race) this also shows that validation,
// the examples' check and build only read the doc they share.
func TestGenerateConcurrently(t *testing.T) {
	var specs []string
	for _, pattern := range []string{"../spec/*.yaml", "internal/cases/*/spec.yaml", "testdata/adversarial/*.yaml", "testdata/errors/*.yaml"} {
		found, err := filepath.Glob(pattern)
		require.NoError(t, err)
		require.NotEmpty(t, found, pattern)
		specs = append(specs, found...)
	}
	for _, spec := range specs {
		cfg := Config{Spec: spec}
		files, api, err := Generate(cfg)
		loaded, loadErr := load.File(spec)
		if loadErr != nil {
			require.Error(t, err, spec)
			assert.Equal(t, loadErr.Error(), err.Error(), spec)
			continue
		}
		wantFiles, wantAPI, wantErr := FromSpec(loaded, cfg)
		if wantErr != nil {
			require.Error(t, err, spec)
			assert.Equal(t, wantErr.Error(), err.Error(), spec)
			continue
		}
		require.NoError(t, err, spec)
		assert.Equal(t, wantAPI.Warnings, api.Warnings, spec)
		require.Len(t, files, len(wantFiles), spec)
		for i := range files {
			assert.Equal(t, wantFiles[i].Name, files[i].Name, spec)
			assert.Equal(t, string(wantFiles[i].Src), string(files[i].Src), spec)
		}
	}
}
