package acs_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// Test credentials. The secret is distinctive so that a leak is easy to spot.
const (
	testKeyID  = "LTAItestkeyid"
	testSecret = "test-secret-value"
)

// testService is a signed ROA-style service that only tests reach, through WithEndpoint.
var testService = acs.Service{Product: "Demo", Version: "2020-01-01", Style: acs.StyleROA}

// fastRetry retries at once: tests never wait on a real backoff.
var fastRetry = acs.RetryPolicy{MaxAttempts: 3, BaseDelay: time.Microsecond, MaxDelay: time.Microsecond, MaxServerWait: time.Second}

// testVerifier knows the test key only.
func testVerifier() acs.Verifier {
	return acs.Verifier{Secret: func(id string) (string, bool) {
		if id == testKeyID {
			return testSecret, true
		}
		return "", false
	}}
}

// startServer runs h on a loopback server that lives as long as the test.
func startServer(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// newClient points a client of testService at a loopback server running h, with the
// static test credentials and fastRetry; opts come last and so win.
func newClient(t *testing.T, h http.Handler, opts ...acs.Option) *acs.Client {
	t.Helper()
	srv := startServer(t, h)
	base := []acs.Option{
		acs.WithEndpoint(srv.URL),
		acs.WithCredentials(acs.StaticCredentials(testKeyID, testSecret, "")),
		acs.WithRetry(fastRetry),
	}
	c, err := acs.NewClient(testService, append(base, opts...)...)
	require.NoError(t, err)
	return c
}

// reply answers with status and body; header pairs are name, value, name, value, ….
func reply(status int, body string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", "application/json;charset=utf-8")
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

// okBody is a success answer in APIG's camelCase envelope.
const okBody = `{"requestId":"REQ-OK","code":"Ok","message":"success"}`

// sequence serves the n-th request with handlers[n], repeating the last one, and
// counts the requests it saw.
type sequence struct {
	handlers []http.HandlerFunc
	hits     atomic.Int32
}

func newSequence(handlers ...http.HandlerFunc) *sequence { return &sequence{handlers: handlers} }

func (s *sequence) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(s.hits.Add(1)) - 1
	s.handlers[min(n, len(s.handlers)-1)](w, r)
}

// Hits is how many requests reached the server.
func (s *sequence) Hits() int { return int(s.hits.Load()) }

// captured is a request as the server received it.
type captured struct {
	Req  *http.Request
	Body []byte
}

// recorder keeps every request it serves and answers with next.
type recorder struct {
	mu   sync.Mutex
	reqs []captured
	next http.Handler
}

func newRecorder(next http.Handler) *recorder { return &recorder{next: next} }

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rec.mu.Lock()
	rec.reqs = append(rec.reqs, captured{Req: r.Clone(context.Background()), Body: body})
	rec.mu.Unlock()
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec.next.ServeHTTP(w, r)
}

func (rec *recorder) All() []captured {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]captured(nil), rec.reqs...)
}

// Last is the last request served; the test fails if there was none.
func (rec *recorder) Last(t *testing.T) captured {
	t.Helper()
	all := rec.All()
	require.NotEmpty(t, all, "the server saw no request")
	return all[len(all)-1]
}

// verifying answers 403 SignatureDoesNotMatch to a request whose signature does not
// verify, the way the service does, and passes the others to next.
func verifying(t *testing.T, v acs.Verifier, next http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := v.Verify(r, body); !assert.NoError(t, err, "%s %s", r.Method, r.URL) {
			reply(http.StatusForbidden, `{"code":"SignatureDoesNotMatch","message":"bad signature"}`)(w, r)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	}
}
