package acs

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var pinnedSigner = Signer{
	Now:   func() time.Time { return time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC) },
	Nonce: func() string { return "3156853299f313e23d1673dc12e1703d" },
}

// signCases are requests of every shape the signer meets, built afresh per use.
func signCases(t *testing.T) map[string]func() (*http.Request, []byte) {
	mk := func(method, target string, body []byte, header ...string) func() (*http.Request, []byte) {
		return func() (*http.Request, []byte) {
			req, err := http.NewRequest(method, target, nil)
			require.NoError(t, err)
			for i := 0; i+1 < len(header); i += 2 {
				req.Header.Add(header[i], header[i+1])
			}
			return req, body
		}
	}
	return map[string]func() (*http.Request, []byte){
		"RPC":            mk(http.MethodPost, "https://apigateway.cn-hangzhou.aliyuncs.com/?ApiIds=a%2Cb&PluginId=p&StageName=TEST", nil, "X-Acs-Action", "AttachPlugin", "X-Acs-Version", "2016-07-14"),
		"ROA with body":  mk(http.MethodPut, "https://apig.cn-hangzhou.aliyuncs.com/v1/x/%E4%B8%AD", []byte(`{"a":1}`), "Content-Type", "application/json", "x-acs-action", "Put"),
		"unsorted query": mk(http.MethodGet, "http://127.0.0.1:9/?b=2&a=1+2", nil, "X-Acs-Meta", " spaced ", "X-Acs-Meta", "second"),
		"no headers":     mk(http.MethodDelete, "http://h/", nil),
	}
}

// The client's sign, which keeps no intermediate strings, signs exactly as Sign
// does, and both agree with Compute and SignatureOf, which the verifier uses.
func TestSignWithoutDetailSignsAlike(t *testing.T) {
	for _, cred := range []Credential{
		{AccessKeyID: "LTAIkey1", AccessKeySecret: "secret-one"},
		{AccessKeyID: "LTAIkey2", AccessKeySecret: "secret-two", SecurityToken: "sts-token"},
	} {
		for name, mk := range signCases(t) {
			lean, body := mk()
			pinnedSigner.sign(lean, body, cred, "", nil, nil)
			full, _ := mk()
			sig := pinnedSigner.Sign(full, body, cred)
			assert.Equal(t, full.Header, lean.Header, name)

			recomputed := Compute(full, SignedHeaderNames(full), full.Header.Get(headerContentSHA256))
			assert.Equal(t, recomputed.CanonicalRequest, sig.CanonicalRequest, name)
			assert.Equal(t, recomputed.StringToSign, sig.StringToSign, name)
			assert.Equal(t, Algorithm+" Credential="+cred.AccessKeyID+",SignedHeaders="+recomputed.SignedHeaders+
				",Signature="+SignatureOf(sig.StringToSign, cred.AccessKeySecret), lean.Header.Get("Authorization"), name)
			assert.Equal(t, sig.Authorization, lean.Header.Get("Authorization"), name)
		}
	}
}

// A nonce the signer makes itself (it shares an allocation with the Authorization
// value) is 32 hex digits, signed like any other, and new on every request; a
// canonical query the caller passes signs as the one derived from the URL.
func TestOwnNonceAndKnownQuerySignAlike(t *testing.T) {
	signer := Signer{Now: pinnedSigner.Now}
	cred := Credential{AccessKeyID: "LTAIkey1", AccessKeySecret: "secret-one", SecurityToken: "sts"}
	seen := map[string]bool{}
	for name, mk := range signCases(t) {
		for _, known := range []bool{false, true} {
			req, body := mk()
			query := ""
			if known {
				query = CanonicalQuery(req.URL.RawQuery)
			}
			signer.sign(req, body, cred, query, nil, nil)
			nonce := req.Header.Get(headerNonce)
			assert.Regexp(t, "^[0-9a-f]{32}$", nonce, name)
			assert.False(t, seen[nonce], "nonce %s repeated", nonce)
			seen[nonce] = true

			want := Compute(req, SignedHeaderNames(req), req.Header.Get(headerContentSHA256))
			assert.Contains(t, want.SignedHeaders, "x-acs-signature-nonce", name)
			assert.Equal(t, Algorithm+" Credential="+cred.AccessKeyID+",SignedHeaders="+want.SignedHeaders+
				",Signature="+SignatureOf(want.StringToSign, cred.AccessKeySecret), req.Header.Get("Authorization"), name)
			assert.Equal(t, []string{nonce}, req.Header.Values(headerNonce), name)
		}
	}
}

// Pooled HMACs are keyed per secret: signing with secrets in turn never uses one
// keyed with another.
func TestPooledHMACKeepsSecretsApart(t *testing.T) {
	secrets := []string{"first-secret", "second-secret", "first-secret", "", "a-much-longer-secret-than-one-sha256-block-of-sixty-four-bytes-xx"}
	sum := sha256.Sum256([]byte("canonical request"))
	var hashed [64]byte
	hex.Encode(hashed[:], sum[:])
	for range 3 {
		for _, secret := range secrets {
			var got [64]byte
			sumHMAC(got[:], secret, &hashed)
			assert.Equal(t, SignatureOf(Algorithm+"\n"+string(hashed[:]), secret), string(got[:]), "secret %q", secret)
		}
	}
}

// Values signing adds share one array but cannot grow into each other.
func TestSignedHeaderValuesStayApart(t *testing.T) {
	req, _ := signCases(t)["RPC"]()
	pinnedSigner.sign(req, nil, Credential{AccessKeyID: "id", AccessKeySecret: "s", SecurityToken: "tok"}, "", nil, nil)
	date := req.Header.Get(headerDate)
	req.Header.Add(headerDate, "appended")
	assert.Equal(t, []string{date, "appended"}, req.Header.Values(headerDate))
	assert.Equal(t, "3156853299f313e23d1673dc12e1703d", req.Header.Get(headerNonce), "the append did not overwrite the nonce")
}

// A request without a header map is signed, not a panic.
func TestSignRequestWithNilHeader(t *testing.T) {
	req, _ := signCases(t)["no headers"]()
	req.Header = nil
	pinnedSigner.sign(req, nil, Credential{AccessKeyID: "id", AccessKeySecret: "s"}, "", nil, nil)
	assert.NotEmpty(t, req.Header.Get("Authorization"))
}

// BenchmarkClientSign is the client's signing of an RPC request, request excluded.
func BenchmarkClientSign(b *testing.B) {
	cred := Credential{AccessKeyID: "LTAI5tBenchTestKey0001", AccessKeySecret: "bench-test-secret-0123456789"}
	req, err := http.NewRequest(http.MethodPost, "https://apigateway.cn-hangzhou.aliyuncs.com/?ApiIds=a%2Cb&PluginId=p&StageName=TEST", nil)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		req.Header = http.Header{"X-Acs-Action": {"AttachPlugin"}, "X-Acs-Version": {"2016-07-14"}, "Accept": {"application/json"}}
		Signer{}.sign(req, nil, cred, req.URL.RawQuery, nil, nil)
	}
}

// formatDate renders what Format renders, for times in any zone, before and after
// the epoch, with and without fractions, repeated within a second or not.
func TestFormatDateMatchesFormat(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	rng := rand.New(rand.NewPCG(3, 5))
	base := time.Date(2026, 11, 23, 23, 59, 58, 0, shanghai)
	for i := range 5000 {
		var at time.Time
		switch i % 4 {
		case 0:
			at = base.Add(time.Duration(rng.Int64N(int64(3 * time.Second))))
		case 1:
			at = time.Unix(rng.Int64N(1<<34)-1<<33, rng.Int64N(1e9))
		case 2:
			at = time.Unix(-1, rng.Int64N(1e9)).In(shanghai)
		default:
			at = base.Add(-time.Duration(rng.Int64N(int64(2 * time.Second))))
		}
		require.Equal(t, at.UTC().Format(dateLayout), formatDate(at), "%v", at)
	}
}
