package contract

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlainURL(t *testing.T) {
	for _, raw := range []string{
		"https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments/pa-cvl541em1hkk7n8vq810",
		"https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments?gatewayId=gw-1&pageSize=10",
		"http://127.0.0.1:8080/?Action=AttachPlugin&Signature=abc%2Fdef%3D&Timestamp=2026-03-16T08%3A00%3A00Z",
		"http://host_1.example",
		"https://a?",
	} {
		assert.True(t, plainURL(raw), raw)
	}
	for _, raw := range []string{
		"", "https://", "http://:80/", "ftp://host/", "HTTPS://host/", "https://host:/", "https://host:80:80/",
		"https://[::1]/", "https://user@host/", "https://host/a%zz", "https://host/a%20b", "https://host/#frag",
		"https://host/a b", "https://host/\x7f", "https://host/é", "https://host\\x/", "https://host?q=\x01",
	} {
		assert.False(t, plainURL(raw), raw)
	}
}

// Every URL of the committed recordings takes the fast path.
func TestRecordingURLsArePlain(t *testing.T) {
	files, err := RecordingFiles([]string{"../contracttests/testdata/apig", "../contracttests/testdata/cloudapi"})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		ixs, err := ReadRecording(f)
		require.NoError(t, err)
		for _, ix := range ixs {
			assert.True(t, plainURL(ix.URL), "%s: %s", f, ix.URL)
		}
	}
}

// A URL plainURL accepts is one url.Parse accepts: its answer only ever saves
// the parse.
func FuzzPlainURL(f *testing.F) {
	for _, s := range []string{"https://a.b/c?d=e", "http://a:1", "http://a:1:2/", "https://a/%41", "https://a?%zz", "http://a/b?c#d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if !plainURL(raw) {
			return
		}
		if _, err := url.Parse(raw); err != nil {
			t.Fatalf("plainURL(%q) but url.Parse: %v", raw, err)
		}
	})
}
