package acs_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// Distinctive values: if either shows up in text, it leaked.
const (
	plantedSecret = "SeCrEt-7f3a9c1e-do-not-leak"
	plantedToken  = "ToKeN-b82d04aa-do-not-leak"
)

// assertNoSecret fails if v, printed every usual way, shows the secret or the token.
func assertNoSecret(t *testing.T, what string, v any) {
	t.Helper()
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		text := fmt.Sprintf(verb, v)
		assert.NotContains(t, text, plantedSecret, "%s printed with %s: %s", what, verb, text)
		assert.NotContains(t, text, plantedToken, "%s printed with %s: %s", what, verb, text)
	}
	if err, ok := v.(error); ok && err != nil {
		assert.NotContains(t, err.Error(), plantedSecret, "%s.Error()", what)
		assert.NotContains(t, err.Error(), plantedToken, "%s.Error()", what)
	}
}

func TestSecretsNeverPrinted(t *testing.T) {
	cred := acs.Credential{AccessKeyID: testKeyID, AccessKeySecret: plantedSecret, SecurityToken: plantedToken}
	assertNoSecret(t, "Credential", cred)
	assertNoSecret(t, "*Credential", &cred)
	assertNoSecret(t, "[]Credential", []acs.Credential{cred})
	assertNoSecret(t, "struct holding a Credential", struct{ C acs.Credential }{cred})
	assert.Contains(t, fmt.Sprint(cred), testKeyID, "the key ID is fine to show")

	static := acs.StaticCredentials(testKeyID, plantedSecret, plantedToken)
	assertNoSecret(t, "StaticCredentials", static)

	rec := newRecorder(reply(http.StatusOK, okBody))
	c := newClient(t, rec, acs.WithCredentials(static))
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil))
	assertNoSecret(t, "Client", c)
	assertNoSecret(t, "*Client deref", *c)

	// The wire: the token travels (it must), the secret never does.
	got := rec.Last(t).Req
	assert.NotContains(t, got.Header.Get("Authorization"), plantedSecret)
	assert.NotContains(t, got.Header.Get("Authorization"), plantedToken)
	for k, vs := range got.Header {
		for _, v := range vs {
			assert.NotContains(t, v, plantedSecret, "header %s", k)
		}
	}
	assert.NotContains(t, got.URL.String(), plantedSecret)
	assert.NotContains(t, got.URL.String(), plantedToken)

	// What the signer returns for debugging holds no secret either. (It does hold the
	// token: x-acs-security-token is a signed header, so its line is part of the
	// canonical request, as on the wire.)
	req, err := http.NewRequest(http.MethodGet, "https://demo.example.com/x", nil)
	require.NoError(t, err)
	sig := fixedSign.Sign(req, nil, cred)
	for _, verb := range []string{"%v", "%+v", "%#v"} {
		assert.NotContains(t, fmt.Sprintf(verb, sig), plantedSecret)
	}
	assert.NotContains(t, req.Header.Get("Authorization"), plantedSecret)
}

func TestDefaultCredentialsNeverPrinted(t *testing.T) {
	isolateCredentials(t)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", testKeyID)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", plantedSecret)
	t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", plantedToken)

	p := acs.DefaultCredentials()
	cred, err := p.Credential(context.Background())
	require.NoError(t, err)
	require.Equal(t, plantedSecret, cred.AccessKeySecret)
	assertNoSecret(t, "resolved DefaultCredentials", p)

	srv := startServer(t, reply(http.StatusOK, okBody))
	c, err := acs.NewClient(testService, acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil))
	assertNoSecret(t, "Client with resolved default credentials", c)
}

func TestSecretsNotInErrors(t *testing.T) {
	creds := acs.WithCredentials(acs.StaticCredentials(testKeyID, plantedSecret, plantedToken))
	do := func(c *acs.Client, method string, out any) error {
		return c.Do(context.Background(), &acs.Request{Action: "Op", Method: method, Path: "/v1/x", Query: map[string][]string{"q": {"1"}}}, out)
	}

	cases := map[string]func(t *testing.T) error{
		"4xx": func(t *testing.T) error {
			return do(newClient(t, reply(http.StatusForbidden, `{"Code":"SignatureDoesNotMatch","Message":"server string to sign is: ACS3-HMAC-SHA256\nabc"}`), creds), http.MethodPost, nil)
		},
		"5xx HTML after retries": func(t *testing.T) error {
			return do(newClient(t, reply(http.StatusBadGateway, "<html>bad gateway</html>", "Content-Type", "text/html"), creds), http.MethodGet, nil)
		},
		"throttled": func(t *testing.T) error {
			return do(newClient(t, reply(http.StatusBadRequest, `{"Code":"Throttling.User"}`, "Retry-After", "3600"), creds), http.MethodPost, nil)
		},
		"malformed 200": func(t *testing.T) error {
			var out struct{ A int }
			return do(newClient(t, reply(http.StatusOK, `{"A":`), creds), http.MethodGet, &out)
		},
		"too large": func(t *testing.T) error {
			return do(newClient(t, reply(http.StatusOK, okBody), creds, acs.WithMaxResponseBytes(4)), http.MethodGet, nil)
		},
		"connection reset": func(t *testing.T) error {
			return do(newClient(t, http.HandlerFunc(resetConnection), creds), http.MethodPost, nil)
		},
		"connection refused": func(t *testing.T) error {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			addr := l.Addr().String()
			require.NoError(t, l.Close())
			c, err := acs.NewClient(testService, acs.WithEndpoint("http://"+addr), creds, acs.WithRetry(fastRetry))
			require.NoError(t, err)
			return do(c, http.MethodGet, nil)
		},
		"canceled": func(t *testing.T) error {
			c := newClient(t, reply(http.StatusOK, okBody), creds)
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return c.Do(ctx, &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil)
		},
		"nested too deeply": func(t *testing.T) error {
			var out any
			deep := strings.Repeat("[", acs.MaxResponseDepth+1) + strings.Repeat("]", acs.MaxResponseDepth+1)
			return do(newClient(t, reply(http.StatusOK, deep), creds), http.MethodGet, &out)
		},
		"verifier refuses a signed request": func(t *testing.T) error {
			r, err := http.NewRequest(http.MethodPost, "https://apig.cn-hangzhou.aliyuncs.com/v1/x?q=1", nil)
			require.NoError(t, err)
			r.Header.Set("x-acs-action", "Op")
			r.Header.Set("x-acs-version", "2024-03-27")
			acs.Signer{}.Sign(r, nil, acs.Credential{AccessKeyID: testKeyID, AccessKeySecret: plantedSecret, SecurityToken: plantedToken})
			return testVerifier().Verify(r, nil) // testVerifier knows another secret: a mismatch
		},
		"secret without key ID": func(t *testing.T) error {
			c := newClient(t, reply(http.StatusOK, okBody), acs.WithCredentials(acs.StaticCredentials("", plantedSecret, plantedToken)))
			return do(c, http.MethodGet, nil)
		},
		"no credentials in the chain": func(t *testing.T) error {
			isolateCredentials(t)
			t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", plantedToken) // a token alone is not enough
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", plantedSecret)
			srv := startServer(t, reply(http.StatusOK, okBody))
			c, err := acs.NewClient(testService, acs.WithEndpoint(srv.URL))
			require.NoError(t, err)
			return do(c, http.MethodGet, nil)
		},
	}
	for name, run := range cases {
		t.Run(name, func(t *testing.T) {
			err := run(t)
			require.Error(t, err)
			assertNoSecret(t, "error", err)
			assert.False(t, strings.Contains(fmt.Sprintf("%+v", err), plantedSecret))
		})
	}
}
