package acs_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// silentServer accepts connections on loopback, reads what comes and never
// answers. It lives as long as the test.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, conn)
			mu.Unlock()
			go func() { _, _ = io.Copy(io.Discard, conn) }()
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return "http://" + ln.Addr().String()
}

// timeoutClient points a client at url with the test credentials, the default
// retry policy (a timeout must not be retried) and opts.
func timeoutClient(t *testing.T, url string, opts ...acs.Option) *acs.Client {
	t.Helper()
	base := []acs.Option{acs.WithEndpoint(url), acs.WithCredentials(acs.StaticCredentials(testKeyID, testSecret, ""))}
	c, err := acs.NewClient(testService, append(base, opts...)...)
	require.NoError(t, err)
	return c
}

// doWithin runs a call and fails the test if it has not returned after limit.
func doWithin(t *testing.T, c *acs.Client, method string, limit time.Duration) (time.Duration, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	start := time.Now()
	err := c.Do(ctx, &acs.Request{Action: "GetThing", Method: method, Path: "/things/t-1"}, nil)
	took := time.Since(start)
	require.Error(t, err)
	require.Falsef(t, ctx.Err() != nil, "the call was still waiting after %v: %v", limit, err)
	return took, err
}

func TestWithTimeoutEndsAnAttemptThatGetsNoAnswer(t *testing.T) {
	url := silentServer(t)
	for _, method := range []string{"GET", "POST"} {
		took, err := doWithin(t, timeoutClient(t, url, acs.WithTimeout(100*time.Millisecond)), method, 5*time.Second)
		assert.ErrorIs(t, err, context.DeadlineExceeded, method)
		assert.ErrorContains(t, err, "no complete answer within 100ms (acs.WithTimeout)", method)
		assert.Less(t, took, 2*time.Second, "%s: one attempt, not retried", method)
	}
}

func TestWithTimeoutCoversTheBody(t *testing.T) {
	// The header comes at once; the body never ends.
	c := timeoutClient(t, startServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", "100")
		_, _ = io.WriteString(w, `{"a":`)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})).URL, acs.WithTimeout(100*time.Millisecond))
	took, err := doWithin(t, c, "GET", 5*time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.ErrorContains(t, err, "no complete answer within 100ms (acs.WithTimeout): read response")
	assert.Less(t, took, 2*time.Second)
}

func TestWithTimeoutAppliesToACallersClientWhenGiven(t *testing.T) {
	c := timeoutClient(t, silentServer(t), acs.WithHTTPClient(&http.Client{}), acs.WithTimeout(100*time.Millisecond))
	_, err := doWithin(t, c, "GET", 5*time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestWithTimeoutRefusesNegative(t *testing.T) {
	_, err := acs.NewClient(testService, acs.WithEndpoint("http://127.0.0.1:1"), acs.WithTimeout(-time.Second))
	assert.ErrorContains(t, err, "acs.WithTimeout: -1s is negative")
}
