package acs_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// The expected values below are written out by hand from the algorithm in the
// reference (B.1); the hex digests were computed outside Go, with Python's hashlib and
// hmac. Nothing here is derived from the code under test.

var (
	fixedTime  = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	fixedNonce = "0123456789abcdef0123456789abcdef"
	fixedSign  = acs.Signer{Now: func() time.Time { return fixedTime }, Nonce: func() string { return fixedNonce }}
)

// hmacHex and sha256Hex recompute the last steps independently of acs.
func hmacHex(secret, s string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil))
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestSignPublishedExample reproduces the worked example of Alibaba's "V3 request
// structure and signature" page: RunInstances on ecs.cn-shanghai.aliyuncs.com, whose
// published Authorization header ends in Signature=06563a9e….
func TestSignPublishedExample(t *testing.T) {
	req, err := http.NewRequest(http.MethodPost,
		"https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai", nil)
	require.NoError(t, err)
	req.Header.Set("x-acs-action", "RunInstances")
	req.Header.Set("x-acs-version", "2014-05-26")
	s := acs.Signer{
		Now:   func() time.Time { return time.Date(2023, 10, 26, 10, 22, 32, 0, time.UTC) },
		Nonce: func() string { return "3156853299f313e23d1673dc12e1703d" },
	}
	sig := s.Sign(req, nil, acs.Credential{AccessKeyID: "YourAccessKeyId", AccessKeySecret: "YourAccessKeySecret"})

	assert.Equal(t, "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", sig.StringToSign)
	assert.Equal(t, "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"+
		"SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"+
		"Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", req.Header.Get("Authorization"))
}

func TestSignRPCCanonicalRequest(t *testing.T) {
	// The query is deliberately unsorted and uses "+" for a space: the canonical form
	// is sorted and uses %20.
	req, err := http.NewRequest(http.MethodPost,
		"https://apigateway.cn-hangzhou.aliyuncs.com/?StageName=TEST&PluginId=p1&ApiIds=a%2Cb&Note=hello+world", nil)
	require.NoError(t, err)
	req.Header.Set("x-acs-action", "AttachPlugin")
	req.Header.Set("x-acs-version", "2016-07-14")
	req.Header.Set("User-Agent", "not-signed")
	req.Header.Set("Accept", "application/json")

	sig := fixedSign.Sign(req, nil, acs.Credential{AccessKeyID: testKeyID, AccessKeySecret: testSecret})

	const wantCanonical = "POST\n" +
		"/\n" +
		"ApiIds=a%2Cb&Note=hello%20world&PluginId=p1&StageName=TEST\n" +
		"host:apigateway.cn-hangzhou.aliyuncs.com\n" +
		"x-acs-action:AttachPlugin\n" +
		"x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n" +
		"x-acs-date:2026-01-02T03:04:05Z\n" +
		"x-acs-signature-nonce:0123456789abcdef0123456789abcdef\n" +
		"x-acs-version:2016-07-14\n" +
		"\n" +
		"host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" +
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	require.Equal(t, wantCanonical, sig.CanonicalRequest)

	const wantStringToSign = "ACS3-HMAC-SHA256\n19e07bc8b84223144a1f47eb402de492cf4735c849f8d032a04486f4eace9d1c"
	assert.Equal(t, "ACS3-HMAC-SHA256\n"+sha256Hex(wantCanonical), wantStringToSign, "hand-computed digest")
	assert.Equal(t, wantStringToSign, sig.StringToSign)

	const wantSignature = "dd92a78bec9bcce5b6c8cc7ecc30e9c9fbf5488866fee7b4cea08c372d319590"
	assert.Equal(t, wantSignature, hmacHex(testSecret, wantStringToSign), "hand-computed signature")
	assert.Equal(t, "ACS3-HMAC-SHA256 Credential="+testKeyID+
		",SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"+
		",Signature="+wantSignature, req.Header.Get("Authorization"))
	assert.Equal(t, sig.Authorization, req.Header.Get("Authorization"))

	assert.Equal(t, "2026-01-02T03:04:05Z", req.Header.Get("x-acs-date"))
	assert.Equal(t, fixedNonce, req.Header.Get("x-acs-signature-nonce"))
	assert.Equal(t, acs.EmptyBodySHA256, req.Header.Get("x-acs-content-sha256"))
	assert.Empty(t, req.Header.Get("x-acs-security-token"), "no token without STS credentials")
}

func TestSignROACanonicalRequest(t *testing.T) {
	body := []byte(`{"enable":true}`)
	req, err := http.NewRequest(http.MethodPost,
		"https://apig.cn-hangzhou.aliyuncs.com/v1/plugin-attachments/pa%2F1%20x?tag=a*b&name=~x", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("x-acs-action", "UpdatePluginAttachment")
	req.Header.Set("x-acs-version", "2024-03-27")

	sig := fixedSign.Sign(req, body, acs.Credential{AccessKeyID: testKeyID, AccessKeySecret: testSecret, SecurityToken: "sts-token-value"})

	const bodyHash = "3147c875520439e1c9eda06339e533dbee86e1b532146069523b0489597f8675" // sha256 of {"enable":true}
	assert.Equal(t, bodyHash, sha256Hex(string(body)))
	const wantCanonical = "POST\n" +
		"/v1/plugin-attachments/pa%2F1%20x\n" +
		"name=~x&tag=a%2Ab\n" +
		"content-type:application/json; charset=utf-8\n" +
		"host:apig.cn-hangzhou.aliyuncs.com\n" +
		"x-acs-action:UpdatePluginAttachment\n" +
		"x-acs-content-sha256:" + bodyHash + "\n" +
		"x-acs-date:2026-01-02T03:04:05Z\n" +
		"x-acs-security-token:sts-token-value\n" +
		"x-acs-signature-nonce:0123456789abcdef0123456789abcdef\n" +
		"x-acs-version:2024-03-27\n" +
		"\n" +
		"content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version\n" +
		bodyHash
	require.Equal(t, wantCanonical, sig.CanonicalRequest)
	assert.Equal(t, "ACS3-HMAC-SHA256\n21e01798e9f4362c424077737de0b5cb69f64fff2bea9f7a2513d720e86909d0", sig.StringToSign)

	const wantSignature = "4f4f49d049f77cafb497227d784ea83184c95d483f8915210a5478f424605042"
	assert.Equal(t, wantSignature, hmacHex(testSecret, sig.StringToSign))
	assert.Equal(t, "ACS3-HMAC-SHA256 Credential="+testKeyID+
		",SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version"+
		",Signature="+wantSignature, req.Header.Get("Authorization"))
	assert.Equal(t, "sts-token-value", req.Header.Get("x-acs-security-token"))
	assert.Equal(t, bodyHash, req.Header.Get("x-acs-content-sha256"))
}

func TestSignKeepsPinnedDateAndNonce(t *testing.T) {
	req, err := http.NewRequest(http.MethodGet, "https://apig.cn-hangzhou.aliyuncs.com/v1/x", nil)
	require.NoError(t, err)
	req.Header.Set("x-acs-date", "2025-05-05T05:05:05Z")
	req.Header.Set("x-acs-signature-nonce", "pinned")
	fixedSign.Sign(req, nil, acs.Credential{AccessKeyID: testKeyID, AccessKeySecret: testSecret})
	assert.Equal(t, "2025-05-05T05:05:05Z", req.Header.Get("x-acs-date"))
	assert.Equal(t, "pinned", req.Header.Get("x-acs-signature-nonce"))
}

func TestSignedHeaderNames(t *testing.T) {
	req, err := http.NewRequest(http.MethodPut, "https://apig.cn-hangzhou.aliyuncs.com/v1/x", nil)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Acs-Version", "2024-03-27")
	req.Header.Set("x-acs-action", "Put")
	req.Header.Set("X-ACS-Custom", "1")
	req.Header.Set("User-Agent", "ua")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "old")
	req.Header.Set("X-Ca-Key", "not an acs header")
	assert.Equal(t, []string{"content-type", "host", "x-acs-action", "x-acs-custom", "x-acs-version"}, acs.SignedHeaderNames(req))
}

// signedExchange signs a request with Signer, sends it to a loopback server and
// returns what the server received, and what the signer computed.
func signedExchange(t *testing.T, method, target string, body []byte, cred acs.Credential) (captured, acs.Signature) {
	t.Helper()
	rec := newRecorder(reply(http.StatusOK, okBody))
	srv := startServer(t, rec)
	req, err := http.NewRequest(method, srv.URL+target, bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("x-acs-action", "DoThing")
	req.Header.Set("x-acs-version", "2020-01-01")
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	sig := fixedSign.Sign(req, body, cred)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	return rec.Last(t), sig
}

// fresh copies a captured request so that a case can tamper with it alone.
func fresh(c captured) (*http.Request, []byte) {
	r := c.Req.Clone(context.Background())
	return r, bytes.Clone(c.Body)
}

func TestVerifierAcceptsWhatSignerProduces(t *testing.T) {
	for _, tc := range []struct {
		name, method, target string
		body                 []byte
		token                string
	}{
		{"RPC", http.MethodPost, "/?PluginId=p1&StageName=TEST&ApiIds=a%2Cb", nil, ""},
		{"ROA escaped path", http.MethodGet, "/v1/plugin-attachments/a%2Fb%20c", nil, ""},
		{"ROA body and STS", http.MethodPut, "/v1/items/1?q=a+b&q=%2A", []byte(`{"name":"x y"}`), "sts-token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, sig := signedExchange(t, tc.method, tc.target, tc.body,
				acs.Credential{AccessKeyID: testKeyID, AccessKeySecret: testSecret, SecurityToken: tc.token})
			r, body := fresh(got)
			require.NoError(t, testVerifier().Verify(r, body))
			if tc.token != "" {
				assert.Equal(t, tc.token, got.Req.Header.Get("x-acs-security-token"))
				assert.Contains(t, strings.Split(sig.SignedHeaders, ";"), "x-acs-security-token", "the token is signed")
			}
		})
	}
}

func TestVerifierRejectsTampering(t *testing.T) {
	body := []byte(`{"enable":true}`)
	orig, sig := signedExchange(t, http.MethodPost, "/v1/items/pa-1?a=1&b=2", body,
		acs.Credential{AccessKeyID: testKeyID, AccessKeySecret: testSecret})
	v := testVerifier()

	for _, tc := range []struct {
		name        string
		tamper      func(r *http.Request, body []byte) []byte
		verifier    acs.Verifier
		code        string
		sameSTS     bool // the server's string to sign equals the client's
		carriesSTS  bool // a SignatureDoesNotMatch with the server string to sign
		reasonMatch string
	}{
		{name: "changed query", code: "SignatureDoesNotMatch", carriesSTS: true,
			tamper: func(r *http.Request, b []byte) []byte { r.URL.RawQuery = "a=1&b=3"; return b }},
		{name: "added query parameter", code: "SignatureDoesNotMatch", carriesSTS: true,
			tamper: func(r *http.Request, b []byte) []byte { r.URL.RawQuery += "&c=1"; return b }},
		{name: "changed path", code: "SignatureDoesNotMatch", carriesSTS: true,
			tamper: func(r *http.Request, b []byte) []byte { r.URL.Path = "/v1/items/pa-2"; r.URL.RawPath = ""; return b }},
		{name: "changed method", code: "SignatureDoesNotMatch", carriesSTS: true,
			tamper: func(r *http.Request, b []byte) []byte { r.Method = http.MethodPut; return b }},
		{name: "changed body", code: "SignatureDoesNotMatch", reasonMatch: "x-acs-content-sha256",
			tamper: func(r *http.Request, b []byte) []byte { return []byte(`{"enable":false}`) }},
		{name: "changed body and its hash", code: "SignatureDoesNotMatch", carriesSTS: true,
			tamper: func(r *http.Request, b []byte) []byte {
				nb := []byte(`{"enable":false}`)
				r.Header.Set("x-acs-content-sha256", sha256Hex(string(nb)))
				return nb
			}},
		{name: "changed signed header", code: "SignatureDoesNotMatch", carriesSTS: true,
			tamper: func(r *http.Request, b []byte) []byte { r.Header.Set("x-acs-action", "DeleteThing"); return b }},
		{name: "changed host", code: "SignatureDoesNotMatch", carriesSTS: true,
			tamper: func(r *http.Request, b []byte) []byte { r.Host = "evil.example.com"; return b }},
		{name: "changed content-type", code: "SignatureDoesNotMatch", carriesSTS: true,
			tamper: func(r *http.Request, b []byte) []byte { r.Header.Set("Content-Type", "text/plain"); return b }},
		{name: "wrong secret", code: "SignatureDoesNotMatch", carriesSTS: true, sameSTS: true,
			verifier: acs.Verifier{Secret: func(string) (string, bool) { return "another-secret", true }}},
		{name: "unknown access key", code: "InvalidAccessKeyId.NotFound",
			verifier: acs.Verifier{Secret: func(string) (string, bool) { return "", false }}},
		{name: "unsigned x-acs header", code: "IncompleteSignature", reasonMatch: "x-acs-extra",
			tamper: func(r *http.Request, b []byte) []byte { r.Header.Set("X-Acs-Extra", "1"); return b }},
		{name: "required header left out of SignedHeaders", code: "IncompleteSignature", reasonMatch: "x-acs-date",
			tamper: func(r *http.Request, b []byte) []byte {
				r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "x-acs-date;", "", 1))
				return b
			}},
		{name: "no Authorization", code: "IncompleteSignature",
			tamper: func(r *http.Request, b []byte) []byte { r.Header.Del("Authorization"); return b }},
		{name: "other algorithm", code: "IncompleteSignature",
			tamper: func(r *http.Request, b []byte) []byte {
				r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "ACS3-HMAC-SHA256", "ACS3-HMAC-SM3", 1))
				return b
			}},
		{name: "malformed date", code: "IllegalTimestamp",
			tamper: func(r *http.Request, b []byte) []byte { r.Header.Set("x-acs-date", "yesterday"); return b }},
		{name: "stale date", code: "IllegalTimestamp",
			verifier: acs.Verifier{Secret: v.Secret, MaxSkew: 15 * time.Minute, Now: func() time.Time { return fixedTime.Add(16 * time.Minute) }}},
		{name: "date from the future", code: "IllegalTimestamp",
			verifier: acs.Verifier{Secret: v.Secret, MaxSkew: 15 * time.Minute, Now: func() time.Time { return fixedTime.Add(-16 * time.Minute) }}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, b := fresh(orig)
			if tc.tamper != nil {
				b = tc.tamper(r, b)
			}
			ver := v
			if tc.verifier.Secret != nil {
				ver = tc.verifier
			}
			err := ver.Verify(r, b)
			var ve *acs.VerifyError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tc.code, ve.Code, "%v", err)
			if tc.reasonMatch != "" {
				assert.Contains(t, ve.Reason, tc.reasonMatch)
			}
			if tc.carriesSTS {
				assert.True(t, strings.HasPrefix(ve.StringToSign, "ACS3-HMAC-SHA256\n"), "%q", ve.StringToSign)
				assert.NotEmpty(t, ve.CanonicalRequest)
				assert.Contains(t, err.Error(), "server string to sign is:")
				if tc.sameSTS {
					assert.Equal(t, sig.StringToSign, ve.StringToSign)
					assert.Equal(t, sig.CanonicalRequest, ve.CanonicalRequest)
				} else {
					assert.NotEqual(t, sig.StringToSign, ve.StringToSign)
				}
			}
		})
	}

	t.Run("within MaxSkew", func(t *testing.T) {
		r, b := fresh(orig)
		ver := acs.Verifier{Secret: v.Secret, MaxSkew: 15 * time.Minute, Now: func() time.Time { return fixedTime.Add(14 * time.Minute) }}
		assert.NoError(t, ver.Verify(r, b))
	})
}

// TestClientSendsSTSToken: STS credentials travel as x-acs-security-token, signed, and
// the request verifies.
func TestClientSendsSTSToken(t *testing.T) {
	rec := newRecorder(verifying(t, testVerifier(), reply(http.StatusOK, okBody)))
	c := newClient(t, rec, acs.WithCredentials(acs.StaticCredentials(testKeyID, testSecret, "sts-token-value")))
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet, Path: "/v1/things/1"}, nil))

	got := rec.Last(t).Req
	assert.Equal(t, "sts-token-value", got.Header.Get("x-acs-security-token"))
	assert.Contains(t, got.Header.Get("Authorization"), "x-acs-security-token;")
}
