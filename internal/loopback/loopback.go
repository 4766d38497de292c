// Package loopback is a real HTTP server on 127.0.0.1 for tests: it records every
// request it receives and answers with a fixed status and body, so a test can check
// what a client put on the wire.
package loopback

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
)

// Request is one request as the server received it.
type Request struct {
	Method string
	Path   string // escaped, as sent: r.URL.EscapedPath()
	Query  url.Values
	// RawQuery is the query as sent, for tests of how values are escaped.
	RawQuery string
	Header   http.Header
	Host     string
	Body     []byte
	Request  *http.Request // the request itself, body already read into Body
}

// Server answers every request with Status, Header and Body.
type Server struct {
	URL string

	mu      sync.Mutex
	status  int
	header  http.Header
	body    string
	history []Request
}

// New starts a server that answers status and body as application/json; it stops
// when the test ends.
func New(t testing.TB, status int, body string) *Server {
	t.Helper()
	s := &Server{status: status, body: body, header: http.Header{"Content-Type": {"application/json;charset=utf-8"}}}
	srv := httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// Reply changes the answer to later requests.
func (s *Server) Reply(status int, header http.Header, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.status, s.body = status, body
	if header != nil {
		s.header = header
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.history = append(s.history, Request{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.Query(), RawQuery: r.URL.RawQuery,
		Header: r.Header.Clone(), Host: r.Host, Body: body, Request: r})
	status, header, reply := s.status, s.header, s.body
	s.mu.Unlock()
	for k, vs := range header {
		w.Header()[k] = vs
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, reply)
}

// Requests returns every request received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.history...)
}

// Last returns the latest request; it fails the test when there was none.
func (s *Server) Last(t testing.TB) Request {
	t.Helper()
	reqs := s.Requests()
	if len(reqs) == 0 {
		t.Fatal("loopback: no request received")
	}
	return reqs[len(reqs)-1]
}
