package contract

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const updateCmd = "go test ./contract -update"

// golden compares got with testdata/golden/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run %s", updateCmd)
	assert.Equal(t, string(want), string(got), "%s differs; run %s after checking the change", path, updateCmd)
}

// fixtureResults checks both HAR fixtures strictly against the real specs.
func fixtureResults(t *testing.T, set *Set) []Result {
	t.Helper()
	var all []Result
	for _, p := range []string{browserHAR, mitmproxyHAR} {
		rs, err := set.CheckRecording(p, Options{Strict: true})
		require.NoError(t, err)
		all = append(all, rs...)
	}
	return all
}
