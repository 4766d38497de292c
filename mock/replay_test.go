package mock_test

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

const attachQuery = "/?Action=AttachPlugin&Version=2016-07-14&PluginId=p&StageName=TEST"

// signedHeaders signs an AttachPlugin call once with ACS3 and returns its headers.
func signedHeaders(t *testing.T, base, secret string) http.Header {
	t.Helper()
	req, err := http.NewRequest("POST", base+attachQuery, nil)
	require.NoError(t, err)
	req.Header.Set("x-acs-action", "AttachPlugin")
	req.Header.Set("x-acs-version", "2016-07-14")
	acs.Signer{}.Sign(req, nil, acs.Credential{AccessKeyID: keyID, AccessKeySecret: secret})
	return req.Header
}

func send(t *testing.T, url string, h http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", url, nil)
	require.NoError(t, err)
	req.Header = h.Clone()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var body struct{ Code string }
	_ = json.Unmarshal(b, &body)
	return resp.StatusCode, body.Code
}

func TestReplayedACS3RequestRefused(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	h := signedHeaders(t, srv.URL, keySecret)
	status, code := send(t, srv.URL+attachQuery, h)
	assert.Equal(t, 200, status, code)
	status, code = send(t, srv.URL+attachQuery, h)
	assert.Equal(t, 400, status)
	assert.Equal(t, "SignatureNonceUsed", code)

	// A request that does not verify uses up no nonce.
	good := signedHeaders(t, srv.URL, keySecret)
	forged := good.Clone()
	forged.Set("Authorization", strings.Replace(forged.Get("Authorization"), "Signature=", "Signature=00", 1))
	_, code = send(t, srv.URL+attachQuery, forged)
	assert.Equal(t, "SignatureDoesNotMatch", code)
	status, code = send(t, srv.URL+attachQuery, good)
	assert.Equal(t, 200, status, code)
}

func TestTwoAuthorizationHeadersRefused(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	for _, second := range []string{"ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=00", "Bearer whatever"} {
		h := signedHeaders(t, srv.URL, keySecret)
		h.Add("Authorization", second)
		status, code := send(t, srv.URL+attachQuery, h)
		assert.Equal(t, 400, status)
		assert.Equal(t, "IncompleteSignature", code)
	}
}

// v1Query signs q the way the older RPC core does (and the mock checks).
func v1Query(q url.Values, secret string) string {
	enc := func(s string) string {
		return strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~").Replace(url.QueryEscape(s))
	}
	var pairs []string
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range q {
			if !yield(k) {
				return
			}
		}
	}) {
		for _, v := range q[k] {
			pairs = append(pairs, enc(k)+"="+enc(v))
		}
	}
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte("POST&%2F&" + enc(strings.Join(pairs, "&"))))
	q.Set("Signature", base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	return q.Encode()
}

func TestReplayedV1RequestRefused(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	q := url.Values{"Action": {"AttachPlugin"}, "Version": {"2016-07-14"}, "PluginId": {"p"}, "StageName": {"TEST"},
		"AccessKeyId": {keyID}, "SignatureMethod": {"HMAC-SHA1"}, "SignatureVersion": {"1.0"}, "SignatureNonce": {"v1-nonce-once"},
		"Timestamp": {"2026-01-01T00:00:00Z"}, "Format": {"JSON"}}
	u := srv.URL + "/?" + v1Query(q, keySecret)
	status, code := send(t, u, http.Header{})
	require.Equal(t, 200, status, code)
	status, code = send(t, u, http.Header{})
	assert.Equal(t, 400, status)
	assert.Equal(t, "SignatureNonceUsed", code)

	status, code = send(t, u+"&Signature=another", http.Header{})
	assert.Equal(t, 400, status)
	assert.Equal(t, "IncompleteSignature", code, "two Signature parameters")
}
