package record

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"

	"github.com/acsgen/acsgen/acs"
)

// Proxy is a reverse proxy to upstream that records every interaction through rec.
// The request goes out as it came in (method, path, query, headers, body) but with
// the upstream's host; no X-Forwarded-* headers are added. When the interaction
// cannot be recorded, the caller gets 502 with the reason as text.
//
// ACS3 signatures cover the host header, which the proxy changes: with resign set,
// a request with an ACS3 Authorization header is signed again for the upstream host
// with those credentials (keeping its x-acs-date and nonce). V2 (HMAC-SHA1)
// signatures do not cover the host and pass unchanged.
func Proxy(upstream *url.URL, rec *Recorder, resign *acs.Credential) http.Handler {
	var transport http.RoundTripper = rec
	if resign != nil {
		transport = &resignTransport{next: rec, cred: *resign, max: rec.maxBody}
	}
	return &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(upstream) // keeps the request's path escaping, which ACS3 signs
		},
		Transport: transport,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprintf(w, "acsgen record: %v\n", err)
		},
	}
}

// resignTransport signs ACS3 requests again for the host they now go to.
type resignTransport struct {
	next http.RoundTripper
	cred acs.Credential
	max  int64
}

func (t *resignTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if !strings.HasPrefix(req.Header.Get("Authorization"), acs.Algorithm+" ") {
		return t.next.RoundTrip(req)
	}
	var body []byte
	if req.Body != nil && req.Body != http.NoBody {
		b, err := readBounded(req.Body, t.max)
		_ = req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("record: request body: %w", err)
		}
		body = b
	}
	out := req.Clone(req.Context())
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.ContentLength = int64(len(body))
	out.Header.Del("Authorization")
	out.Header.Del("x-acs-security-token")
	acs.Signer{}.Sign(out, body, t.cred)
	return t.next.RoundTrip(out)
}
