package contract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A URL that does not parse is reported without its query, where a V2 client
// puts Signature and SecurityToken.
func TestUnparseableURLHidesItsQuery(t *testing.T) {
	const sig, token = "PlantedUrlSignature0001", "PlantedUrlToken0002"
	bad := "https://h.example.com/%zz?AccessKeyId=LTAIx&Signature=" + sig + "&SecurityToken=" + token
	dir := t.TempDir()
	cassette := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(cassette, []byte("---\nversion: 2\ninteractions:\n  - id: 0\n    request:\n      method: GET\n      url: '"+bad+
		"'\n    response:\n      code: 200\n      body: '{}'\n"), 0o644))
	har := filepath.Join(dir, "bad.har")
	require.NoError(t, os.WriteFile(har, []byte(`{"log":{"entries":[{"request":{"method":"GET","url":"`+bad+`"},"response":{"status":200}}]}}`), 0o644))

	set := loadReal(t)
	for _, file := range []string{cassette, har} {
		_, err := ReadRecording(file)
		require.Error(t, err, file)
		assert.Contains(t, err.Error(), file)
		assert.Contains(t, err.Error(), "https://h.example.com/%zz?…")
		_, checkErr := set.CheckRecording(file, Options{})
		require.Error(t, checkErr, file)
		for _, s := range []string{sig, token} {
			assert.NotContains(t, err.Error(), s)
			assert.NotContains(t, checkErr.Error(), s)
		}
	}
}
