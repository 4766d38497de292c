package contracttests

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contracttests/internal/recordgen"
)

// TestRecordingsAreCurrent re-records every scenario in memory and requires the
// committed cassettes to be byte-identical: a change to a spec example, the generated
// clients or the signer that alters what goes on the wire shows up here. With
// -record it rewrites testdata instead and removes cassettes no scenario produces.
func TestRecordingsAreCurrent(t *testing.T) {
	fresh, err := recordgen.Generate(specDir)
	require.NoError(t, err)
	require.NotEmpty(t, fresh)

	// Recording twice gives the same bytes: nothing machine- or time-dependent leaks in.
	again, err := recordgen.Generate(specDir)
	require.NoError(t, err)
	for name, data := range fresh {
		require.Equal(t, string(data), string(again[name]), "%s differs between two recordings", name)
	}

	committed := map[string]bool{}
	for _, p := range allCassettesOrNone(t) {
		committed[strings.TrimPrefix(p, testdataDir+"/")] = true
	}
	if *record {
		require.NoError(t, recordgen.Write(testdataDir, fresh))
		for name := range committed {
			if _, ok := fresh[name]; !ok {
				require.NoError(t, os.Remove(filepath.Join(testdataDir, filepath.FromSlash(name))))
			}
		}
		return
	}
	for _, name := range slices.Sorted(maps.Keys(fresh)) {
		data, err := os.ReadFile(filepath.Join(testdataDir, filepath.FromSlash(name)))
		if !assert.NoError(t, err, "missing cassette; run %s", recordCmd) {
			continue
		}
		assert.Equal(t, string(fresh[name]), string(data), "%s is stale; run %s", name, recordCmd)
	}
	for name := range committed {
		_, ok := fresh[name]
		assert.True(t, ok, "%s is produced by no scenario; run %s to remove it", name, recordCmd)
	}
}

// allCassettesOrNone is allCassettes, tolerating a missing testdata directory (the
// first -record run).
func allCassettesOrNone(t *testing.T) []string {
	t.Helper()
	if _, err := os.Stat(testdataDir); os.IsNotExist(err) {
		return nil
	}
	return allCassettes(t)
}
