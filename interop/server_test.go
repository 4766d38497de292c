package interop_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/acsgen/acsgen/acs"
	"github.com/stretchr/testify/require"
)

// Access keys the loopback server knows. They are test values, not real keys.
const (
	akID      = "LTAI5tInteropTestKey01"
	akSecret  = "interop-test-secret-0123456789"
	stsID     = "STS.InteropTestKey02"
	stsSecret = "interop-sts-secret-9876543210"
	stsToken  = "CAIS+interop/test-token=="
)

// verifier checks signatures as the service would, knowing the two test keys.
var verifier = acs.Verifier{
	Secret: func(id string) (string, bool) {
		switch id {
		case akID:
			return akSecret, true
		case stsID:
			return stsSecret, true
		}
		return "", false
	},
	MaxSkew: 15 * time.Minute,
}

// captured is one request as the server received it.
type captured struct {
	Method    string
	Path      string // escaped, as on the wire
	RawQuery  string
	Query     url.Values
	Host      string
	Header    http.Header
	Body      []byte
	VerifyErr error // acs.Verifier's verdict on the request
}

// signedHeaders is the SignedHeaders list of the ACS3 Authorization header.
func (c captured) signedHeaders() []string {
	_, rest, _ := strings.Cut(c.Header.Get("Authorization"), " ")
	for part := range strings.SplitSeq(rest, ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(part), "SignedHeaders="); ok {
			return strings.Split(v, ";")
		}
	}
	return nil
}

// server is a loopback server that records every request, checks its signature and
// answers with a fixed status and body.
type server struct {
	*httptest.Server
	mu          sync.Mutex
	reqs        []captured
	status      int
	body        []byte
	contentType string
}

func newServer(t *testing.T) *server {
	t.Helper()
	s := &server{status: http.StatusOK, body: []byte("{}"), contentType: "application/json;charset=utf-8"}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	q, _ := url.ParseQuery(r.URL.RawQuery)
	c := captured{Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery, Query: q, Host: r.Host,
		Header: r.Header.Clone(), Body: body, VerifyErr: verifier.Verify(r, body)}
	s.mu.Lock()
	s.reqs = append(s.reqs, c)
	status, respBody, ct := s.status, s.body, s.contentType
	s.mu.Unlock()
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(status)
	_, _ = w.Write(respBody)
}

// respond sets the answer to every following request.
func (s *server) respond(status int, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.body = status, body
}

// host is the server's host:port, as a client configured with it sends in Host.
func (s *server) host() string { return strings.TrimPrefix(s.URL, "http://") }

// take returns the one request received since the last take, and forgets it.
func (s *server) take(t *testing.T) captured {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	require.Len(t, s.reqs, 1, "the server must have received exactly one request")
	c := s.reqs[0]
	s.reqs = nil
	return c
}

// takeAny returns the one request received since the last take, false if none, and
// forgets it. More than one is a failure of the caller's test.
func (s *server) takeAny() (captured, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	reqs := s.reqs
	s.reqs = nil
	if len(reqs) != 1 {
		return captured{}, false
	}
	return reqs[0], true
}
