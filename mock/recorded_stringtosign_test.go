package mock_test

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/record"
)

// The mock's V1 SignatureDoesNotMatch quotes its string to sign, as the service
// does, and so the SecurityToken the client sent, percent-encoded twice. A
// recording of that answer must not keep it.
func TestRecordedV1StringToSignKeepsNoToken(t *testing.T) {
	const token = "CAIS/planted+v1/token=="
	srv := start(t, specSet(t), verifying())
	dir := t.TempDir()
	client := &http.Client{Transport: record.Transport(dir, nil)}
	q := url.Values{
		"Action": {"AttachPlugin"}, "Version": {"2016-07-14"}, "PluginId": {"p"}, "StageName": {"TEST"},
		"AccessKeyId": {keyID}, "SignatureMethod": {"HMAC-SHA1"}, "SignatureVersion": {"1.0"},
		"SignatureNonce": {"planted-v1-nonce"}, "SecurityToken": {token}, "Signature": {"d3Jvbmc="},
	}
	resp, err := client.Post(srv.URL+"/?"+q.Encode(), "", nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 400, resp.StatusCode)
	require.Contains(t, string(body), "server string to sign is:POST&%2F&", "the answer quotes the string to sign")

	entries, err := os.ReadDir(filepath.Join(dir, "unrouted"))
	require.NoError(t, err)
	require.Len(t, entries, 1)
	data, err := os.ReadFile(filepath.Join(dir, "unrouted", entries[0].Name()))
	require.NoError(t, err)
	once := url.QueryEscape(token)
	twice := strings.ReplaceAll(url.QueryEscape(once), "+", "%20")
	for _, s := range []string{token, once, twice, "CAIS", "planted-v1-nonce"} {
		assert.False(t, bytes.Contains(data, []byte(s)), "the cassette holds %q:\n%s", s, data)
	}
	assert.Contains(t, string(data), "SecurityToken%3DREDACTED")
	assert.Contains(t, string(data), "SignatureMethod%3DHMAC-SHA1", "the rest of the string to sign stays")
}
