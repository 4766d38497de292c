package contract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzReadCassette feeds arbitrary bytes to the go-vcr cassette reader and checks
// every interaction it returns against the test specs: reading gives interactions or
// an error naming the file, checking gives findings, and neither panics.
func FuzzReadCassette(f *testing.F) {
	set, err := Load([]string{rpcSpec, roaSpec})
	require.NoError(f, err)
	seeds, _ := filepath.Glob("../contracttests/testdata/*/*.yaml")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte("version: 2\ninteractions:\n- ~\n"))
	f.Add([]byte("version: 2\ninteractions:\n- request: {method: GET, url: 'http://a/%zz'}\n  response: {code: 99999}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "c.yaml")
		require.NoError(t, os.WriteFile(path, data, 0o600))
		findings, n, err := set.CheckFile(path, Options{Strict: true})
		if err != nil {
			require.Contains(t, err.Error(), path)
			return
		}
		for _, f := range findings {
			require.Equal(t, path, f.Recording)
			require.True(t, f.Entry >= 0 && f.Entry < n, "finding names entry %d of %d", f.Entry, n)
		}
	})
}
