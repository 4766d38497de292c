package acs_test

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// FuzzSignVerify signs an arbitrary request, sends it through the HTTP/1.1 wire
// format (Request.Write, then http.ReadRequest as a server would), and requires the
// verifier to accept what arrives: the canonical request must survive the wire for
// every method, path, query, header and body. Requests the wire cannot carry (an
// invalid method or header) are skipped, since no server would see them.
func FuzzSignVerify(f *testing.F) {
	f.Add("GET", "/v1/plugin-attachments/pa-1", "a=1&b=2", "x-acs-extra", "v", []byte(nil), "")
	f.Add("POST", "/", "Action=AttachPlugin&ApiIds=1,2", "Content-Type", "application/json", []byte(`{"a":1}`), "STS.token")
	f.Add("PUT", "/a b/ü/%2F/..//x", "q=%zz&=&&k=v+w&k=u", "X-Acs-Weird", " spaced  value ", []byte{0, 1, 2}, "")
	f.Add("DELETE", "", "a=1;b=2", "x-acs-security-token", "planted", []byte("x"), "tok")
	f.Fuzz(func(t *testing.T, method, path, query, hname, hval string, body []byte, token string) {
		u := &url.URL{Scheme: "https", Host: "apig.cn-hangzhou.aliyuncs.com", Path: path, RawQuery: query}
		req, err := http.NewRequest(method, u.String(), bytes.NewReader(body))
		if err != nil {
			return
		}
		req.Header.Set("x-acs-action", "Fuzz")
		req.Header.Set("x-acs-version", "2024-03-27")
		req.Header.Add(hname, hval)
		cred := acs.Credential{AccessKeyID: testKeyID, AccessKeySecret: testSecret, SecurityToken: token}
		acs.Signer{}.Sign(req, body, cred)

		var wire bytes.Buffer
		if err := req.Write(&wire); err != nil {
			return
		}
		got, err := http.ReadRequest(bufio.NewReader(&wire))
		if err != nil {
			return
		}
		gotBody, err := io.ReadAll(got.Body)
		if err != nil {
			return
		}
		require.NoError(t, testVerifier().Verify(got, gotBody), "wire form:\n%s", wire.String())
	})
}

// FuzzVerify hands the verifier arbitrary bytes parsed as an HTTP request: it must
// answer with an error or nil, never panic, and never accept a request without a
// valid signature of the test key.
func FuzzVerify(f *testing.F) {
	f.Add([]byte("GET / HTTP/1.1\r\nHost: a\r\nAuthorization: ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=x\r\n\r\n"))
	f.Add([]byte("POST /x?a=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nx-acs-date: 2026-01-02T03:04:05Z\r\nAuthorization: ACS3-HMAC-SHA256 ,,,=\r\n\r\n{}"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		req, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
		if err != nil {
			return
		}
		body, _ := io.ReadAll(req.Body)
		err = acs.Verifier{Secret: func(string) (string, bool) { return "", false }}.Verify(req, body)
		require.Error(t, err, "a verifier that knows no key accepted a request")
		_ = testVerifier().Verify(req, body)
	})
}
