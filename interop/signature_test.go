package interop_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/acsgen/acsgen/acs"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// call makes one request through one client against srv.
type call struct {
	name string
	key  creds
	do   func(t *testing.T, srv *server, key creds) error
}

func calls() []call {
	var cs []call
	for _, key := range []creds{plainKey, stsKey} {
		for _, id := range awkwardIDs {
			cs = append(cs,
				call{"acsgen ROA " + id, key, func(t *testing.T, srv *server, key creds) error {
					_, err := acsgenGetPluginAttachment(t, srv, key, id)
					return err
				}},
				call{"darabonba ROA " + id, key, func(t *testing.T, srv *server, key creds) error {
					_, err := daraGetPluginAttachment(t, srv, key, id)
					return err
				}})
		}
		for name, in := range attachInputs {
			cs = append(cs,
				call{"acsgen RPC " + name, key, func(t *testing.T, srv *server, key creds) error {
					_, err := acsgenAttachPlugin(t, srv, key, in)
					return err
				}},
				call{"darabonba RPC " + name, key, func(t *testing.T, srv *server, key creds) error {
					_, err := daraAttachPlugin(t, srv, key, in)
					return err
				}})
		}
	}
	return cs
}

// Every request of both clients passes acs.Verifier: acsgen's verifier accepts what
// Alibaba's signer produces (so the two agree on the algorithm), and acsgen's signer
// produces what that verifier accepts.
func TestVerifierAcceptsDarabonbaAndGeneratedClients(t *testing.T) {
	for _, c := range calls() {
		t.Run(c.key.id+"/"+c.name, func(t *testing.T) {
			srv := newServer(t)
			require.NoError(t, c.do(t, srv, c.key))
			got := srv.take(t)
			require.NoError(t, got.VerifyErr)
			assert.Contains(t, got.Header.Get("Authorization"), "Credential="+c.key.id+",")
			if c.key.token != "" {
				assert.Equal(t, c.key.token, got.Header.Get("X-Acs-Security-Token"))
				assert.Contains(t, got.signedHeaders(), "x-acs-security-token")
			} else {
				assert.Empty(t, got.Header.Get("X-Acs-Security-Token"))
			}
		})
	}
}

// replay sends c again to srv after mutate has changed it, and returns the
// verifier's verdict. An unchanged replay must pass: it proves the replay is faithful.
func replay(t *testing.T, srv *server, c captured, mutate func(r *http.Request, body *[]byte)) error {
	t.Helper()
	u := srv.URL + c.Path
	if c.RawQuery != "" {
		u += "?" + c.RawQuery
	}
	body := bytes.Clone(c.Body)
	r, err := http.NewRequest(c.Method, u, nil)
	require.NoError(t, err)
	r.Host = c.Host
	for k, vs := range c.Header {
		if k != "Content-Length" && k != "Accept-Encoding" {
			r.Header[k] = vs
		}
	}
	if mutate != nil {
		mutate(r, &body)
	}
	r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	resp, err := http.DefaultClient.Do(r)
	require.NoError(t, err)
	_ = resp.Body.Close()
	return srv.take(t).VerifyErr
}

func setQuery(r *http.Request, k, v string) {
	q := r.URL.Query()
	q.Set(k, v)
	r.URL.RawQuery = q.Encode()
}

// tampers change one thing a signature must cover; code is the verdict expected.
var tampers = []struct {
	name   string
	code   string
	mutate func(r *http.Request, body *[]byte)
}{
	{"changed query value", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) {
		setQuery(r, "StageName", r.URL.Query().Get("StageName")+"x") // ROA calls gain a parameter
	}},
	{"added query parameter", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) { setQuery(r, "GroupId", "other") }},
	{"changed path", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) { r.URL.Path += "x"; r.URL.RawPath = "" }},
	{"changed method", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) {
		r.Method = map[string]string{"GET": "DELETE", "POST": "PUT"}[r.Method]
	}},
	{"changed host", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) { r.Host = "apig.cn-hangzhou.aliyuncs.com" }},
	{"changed action", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) { r.Header.Set("x-acs-action", "DeletePluginAttachment") }},
	{"changed version", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) { r.Header.Set("x-acs-version", "2099-01-01") }},
	{"changed date", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) {
		r.Header.Set("x-acs-date", time.Now().UTC().Add(time.Minute).Format("2006-01-02T15:04:05Z"))
	}},
	{"changed nonce", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) {
		r.Header.Set("x-acs-signature-nonce", strings.Repeat("0", 32))
	}},
	{"added body", "SignatureDoesNotMatch", func(_ *http.Request, body *[]byte) { *body = []byte(`{"a":1}`) }},
	{"added body and its hash", "SignatureDoesNotMatch", func(r *http.Request, body *[]byte) {
		*body = []byte(`{"a":1}`)
		r.Header.Set("x-acs-content-sha256", "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862")
	}},
	{"unsigned x-acs header", "IncompleteSignature", func(r *http.Request, _ *[]byte) { r.Header.Set("x-acs-extra", "1") }},
	{"changed signature", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) {
		a := r.Header.Get("Authorization")
		last := a[len(a)-1]
		r.Header.Set("Authorization", a[:len(a)-1]+map[bool]string{true: "1", false: "0"}[last == '0'])
	}},
	{"other access key", "InvalidAccessKeyId.NotFound", func(r *http.Request, _ *[]byte) {
		r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "Credential=", "Credential=X", 1))
	}},
	{"V2 Authorization", "IncompleteSignature", func(r *http.Request, _ *[]byte) { r.Header.Set("Authorization", "acs "+akID+":abc=") }},
	{"security token swapped", "SignatureDoesNotMatch", func(r *http.Request, _ *[]byte) {
		if r.Header.Get("x-acs-security-token") != "" {
			r.Header.Set("x-acs-security-token", "CAIS+stolen")
		} else {
			r.Header.Set("x-acs-version", "tampered") // plain keys carry no token
		}
	}},
}

// A tampered request fails verification, whoever signed it.
func TestVerifierRefusesTamperedRequests(t *testing.T) {
	for _, c := range calls() {
		t.Run(c.key.id+"/"+c.name, func(t *testing.T) {
			srv := newServer(t)
			require.NoError(t, c.do(t, srv, c.key))
			orig := srv.take(t)
			require.NoError(t, orig.VerifyErr)
			require.NoError(t, replay(t, srv, orig, nil), "an unchanged replay passes")
			for _, tc := range tampers {
				err := replay(t, srv, orig, tc.mutate)
				var ve *acs.VerifyError
				if assert.True(t, errors.As(err, &ve), "%s: got %v", tc.name, err) {
					assert.Equal(t, tc.code, ve.Code, "%s: %v", tc.name, err)
				}
			}
		})
	}
}

// acs.Signer and darabonba's GetAuthorization give the same Authorization, byte for
// byte, for the same request, clock and nonce.
func TestSignerMatchesDarabonbaGetAuthorization(t *testing.T) {
	const date, nonce = "2026-03-16T08:30:00Z", "3a1f7c0e9b2d4c6e8f00112233445566"
	cases := []struct {
		name, method, path string
		query              url.Values
		header             map[string]string
		body               string
		key                creds
	}{
		{name: "ROA GET", method: "GET", path: "/v1/plugin-attachments/pa-cvl541em1hkk7n8vq810",
			header: map[string]string{"x-acs-action": "GetPluginAttachment", "x-acs-version": "2024-03-27"}, key: plainKey},
		{name: "ROA GET awkward id, STS", method: "GET", path: "/v1/plugin-attachments/" + acs.PathSegment("插件 a/b*~+%"),
			header: map[string]string{"x-acs-action": "GetPluginAttachment", "x-acs-version": "2024-03-27"}, key: stsKey},
		{name: "RPC POST awkward query", method: "POST", path: "/",
			query:  url.Values{"PluginId": {"p 1*~ü+/&=?%"}, "ApiIds": {"a,b c,z/ü"}, "StageName": {"TEST"}, "GroupId": {""}},
			header: map[string]string{"x-acs-action": "AttachPlugin", "x-acs-version": "2016-07-14"}, key: plainKey},
		{name: "ROA PUT JSON body", method: "PUT", path: "/v1/plugin-attachments/pa-1",
			header: map[string]string{"x-acs-action": "UpdatePluginAttachment", "x-acs-version": "2024-03-27",
				"content-type": "application/json; charset=utf-8"},
			body: `{"enable":true,"pluginConfig":"eA=="}`, key: stsKey},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			host := "apig.cn-hangzhou.aliyuncs.com"
			u := &url.URL{Scheme: "https", Host: host, RawQuery: acs.EncodeQuery(tc.query)}
			u.RawPath = tc.path
			var err error
			u.Path, err = url.PathUnescape(tc.path)
			require.NoError(t, err)
			r, err := http.NewRequest(tc.method, u.String(), nil)
			require.NoError(t, err)
			daraHeaders := map[string]*string{"host": dara.String(host)}
			for k, v := range tc.header {
				r.Header.Set(k, v)
				daraHeaders[k] = dara.String(v)
			}
			signer := acs.Signer{Now: func() time.Time { return time.Date(2026, 3, 16, 8, 30, 0, 0, time.UTC) }, Nonce: func() string { return nonce }}
			sig := signer.Sign(r, []byte(tc.body), acs.Credential{AccessKeyID: tc.key.id, AccessKeySecret: tc.key.secret, SecurityToken: tc.key.token})

			// darabonba's DoRequest fills these before it calls GetAuthorization.
			daraHeaders["x-acs-date"] = dara.String(date)
			daraHeaders["x-acs-signature-nonce"] = dara.String(nonce)
			payload := openapiutil.Hash([]byte(tc.body), dara.String(acs.Algorithm))
			daraHeaders["x-acs-content-sha256"] = dara.String(hexString(payload))
			if tc.key.token != "" {
				daraHeaders["x-acs-security-token"] = dara.String(tc.key.token)
			}
			daraQuery := map[string]*string{}
			for k, vs := range tc.query {
				daraQuery[k] = dara.String(vs[0])
			}
			dreq := &dara.Request{Method: dara.String(tc.method), Pathname: dara.String(tc.path), Query: daraQuery, Headers: daraHeaders}
			want := openapiutil.GetAuthorization(dreq, dara.String(acs.Algorithm), daraHeaders["x-acs-content-sha256"],
				dara.String(tc.key.id), dara.String(tc.key.secret))

			assert.Equal(t, dara.StringValue(want), sig.Authorization)
			assert.Equal(t, dara.StringValue(want), r.Header.Get("Authorization"))
			assert.Equal(t, date, r.Header.Get("x-acs-date"))
			assert.Equal(t, nonce, r.Header.Get("x-acs-signature-nonce"))
		})
	}
}

func hexString(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}
