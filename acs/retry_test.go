package acs_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

func call(c *acs.Client, ctx context.Context, method string) error {
	return c.Do(ctx, &acs.Request{Action: "Op", Method: method, Path: "/v1/things/1"}, nil)
}

var (
	throttledUser = reply(http.StatusBadRequest, `{"Code":"Throttling.User","Message":"Request was denied due to user flow control."}`)
	throttledApi  = reply(http.StatusBadRequest, `{"code":"Throttling.Api","message":"slow down"}`)
	tooMany       = reply(http.StatusTooManyRequests, `{"code":"TooManyRequests"}`)
	unavailable   = reply(http.StatusServiceUnavailable, `{"Code":"ServiceUnavailable"}`)
	internal      = reply(http.StatusInternalServerError, `{"Code":"InternalError","Message":"oops"}`)
	badGatewayTxt = reply(http.StatusBadGateway, "<html>502 Bad Gateway</html>", "Content-Type", "text/html")
	emptyFailure  = reply(http.StatusInternalServerError, "", "Content-Type", "text/plain")
	notFound      = reply(http.StatusNotFound, `{"code":"NotFound","message":"gone"}`)
	invalid       = reply(http.StatusBadRequest, `{"Code":"InvalidParameter","Message":"bad"}`)
	forbidden     = reply(http.StatusForbidden, `{"Code":"Forbidden.RAM","Message":"no"}`)
	ok            = reply(http.StatusOK, okBody)
)

func TestRetryMatrix(t *testing.T) {
	for _, tc := range []struct {
		name     string
		method   string
		first    http.HandlerFunc
		wantHits int // 2: retried and then succeeded; 1: not retried
	}{
		{"POST Throttling.User", http.MethodPost, throttledUser, 2},
		{"GET Throttling.User", http.MethodGet, throttledUser, 2},
		{"POST Throttling.Api", http.MethodPost, throttledApi, 2},
		{"POST 429", http.MethodPost, tooMany, 2},
		{"GET 429", http.MethodGet, tooMany, 2},
		{"POST 503", http.MethodPost, unavailable, 1},
		{"GET 503", http.MethodGet, unavailable, 2},
		{"GET 500", http.MethodGet, internal, 2},
		{"DELETE 500", http.MethodDelete, internal, 2},
		{"GET 502 HTML", http.MethodGet, badGatewayTxt, 2},
		{"GET 500 empty body", http.MethodGet, emptyFailure, 2},
		{"POST 500", http.MethodPost, internal, 1},
		{"POST 502 HTML", http.MethodPost, badGatewayTxt, 1},
		{"GET 404", http.MethodGet, notFound, 1},
		{"POST 404", http.MethodPost, notFound, 1},
		{"GET 400", http.MethodGet, invalid, 1},
		{"POST 400", http.MethodPost, invalid, 1},
		{"GET 403", http.MethodGet, forbidden, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seq := newSequence(tc.first, ok)
			c := newClient(t, seq)
			var info acs.ResponseInfo
			err := call(c, acs.CaptureResponse(context.Background(), &info), tc.method)
			assert.Equal(t, tc.wantHits, seq.Hits(), "server hits")
			assert.Equal(t, tc.wantHits, info.Attempts)
			if tc.wantHits == 2 {
				require.NoError(t, err)
				assert.Equal(t, http.StatusOK, info.StatusCode)
			} else {
				var e *acs.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, info.StatusCode, e.StatusCode)
			}
		})
	}
}

func TestMaxAttemptsBoundsAttempts(t *testing.T) {
	for _, n := range []int{1, 2, 4} {
		seq := newSequence(unavailable)
		policy := fastRetry
		policy.MaxAttempts = n
		c := newClient(t, seq, acs.WithRetry(policy))
		var info acs.ResponseInfo
		err := call(c, acs.CaptureResponse(context.Background(), &info), http.MethodGet)
		assert.True(t, acs.IsThrottling(err), "%v", err)
		assert.Equal(t, n, seq.Hits())
		assert.Equal(t, n, info.Attempts)
	}
}

// slowBackoff would wait for an hour before a retry: a test that retries with it
// finishes only if the server-given wait replaces the backoff.
var slowBackoff = acs.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Hour, MaxDelay: time.Hour, MaxServerWait: time.Second}

func TestServerWaitIsHonoured(t *testing.T) {
	for _, tc := range []struct {
		name   string
		header []string
	}{
		{"Retry-After seconds", []string{"Retry-After", "0"}},
		{"x-ratelimit-user-api TimeLeft", []string{"x-ratelimit-user-api", "Limit:100,Remain:0,TimeLeft:20,Reset:1700000000"}},
		{"x-ratelimit-user TimeLeft", []string{"x-ratelimit-user", "Limit:10,Remain:0,TimeLeft:5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seq := newSequence(reply(http.StatusBadRequest, `{"Code":"Throttling.User"}`, tc.header...), ok)
			c := newClient(t, seq, acs.WithRetry(slowBackoff))
			// The deadline only guards against a hang: sleep refuses a wait past it.
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			require.NoError(t, call(c, ctx, http.MethodPost))
			assert.Equal(t, 2, seq.Hits())
		})
	}

	t.Run("the server wait is waited", func(t *testing.T) {
		var mu sync.Mutex
		var times []time.Time
		seq := newSequence(reply(http.StatusTooManyRequests, `{}`, "x-ratelimit-user-api", "TimeLeft:40"), ok)
		c := newClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			times = append(times, time.Now())
			mu.Unlock()
			seq.ServeHTTP(w, r)
		}))
		require.NoError(t, call(c, context.Background(), http.MethodGet))
		require.Len(t, times, 2)
		// A lower bound only: a timer never fires early, so this cannot flake.
		assert.GreaterOrEqual(t, times[1].Sub(times[0]), 40*time.Millisecond)
	})
}

func TestServerWaitLongerThanMaxServerWaitStopsRetrying(t *testing.T) {
	for _, tc := range []struct {
		name, header, value, retryAfter string
	}{
		{"Retry-After", "Retry-After", "120", "120"},
		{"Retry-After date", "Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat), ""},
		{"TimeLeft", "x-ratelimit-user-api", "Limit:100,Remain:0,TimeLeft:5000", "TimeLeft:5000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seq := newSequence(reply(http.StatusBadRequest, `{"Code":"Throttling.User"}`, tc.header, tc.value), ok)
			c := newClient(t, seq) // fastRetry: MaxServerWait 1s
			err := call(c, context.Background(), http.MethodPost)
			require.True(t, acs.IsThrottling(err), "%v", err)
			assert.Equal(t, 1, seq.Hits())
			var e *acs.Error
			require.ErrorAs(t, err, &e)
			want := tc.retryAfter
			if want == "" {
				want = tc.value
			}
			assert.Equal(t, want, e.RetryAfter)
		})
	}
}

// resetConnection hijacks the connection and closes it with a TCP reset, without
// answering.
func resetConnection(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

func TestConnectionResetRetriedForGETOnly(t *testing.T) {
	t.Run("GET", func(t *testing.T) {
		seq := newSequence(resetConnection, ok)
		c := newClient(t, seq)
		require.NoError(t, call(c, context.Background(), http.MethodGet))
		assert.Equal(t, 2, seq.Hits())
	})
	t.Run("POST", func(t *testing.T) {
		seq := newSequence(resetConnection, ok)
		c := newClient(t, seq)
		err := call(c, context.Background(), http.MethodPost)
		require.Error(t, err)
		var e *acs.Error
		assert.False(t, errors.As(err, &e), "a transport error is not an *acs.Error")
		assert.Contains(t, err.Error(), "acs: Op:")
		assert.Equal(t, 1, seq.Hits(), "the request may have been processed: not retried")
	})
}

func TestConnectionRefusedIsRetriedEvenForPOST(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())

	c, err := acs.NewClient(testService, acs.WithEndpoint("http://"+addr), staticCreds, acs.WithRetry(fastRetry))
	require.NoError(t, err)
	var info acs.ResponseInfo
	err = call(c, acs.CaptureResponse(context.Background(), &info), http.MethodPost)
	require.Error(t, err)
	assert.Equal(t, fastRetry.MaxAttempts, info.Attempts, "the request never left: safe to resend")
}

func TestDeadlineBeatsSlowServer(t *testing.T) {
	hit := make(chan struct{}, 10)
	release := make(chan struct{})
	seq := newSequence(func(w http.ResponseWriter, r *http.Request) {
		hit <- struct{}{}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	c := newClient(t, seq)
	t.Cleanup(func() { close(release) }) // runs before the server's Close

	for _, method := range []string{http.MethodGet, http.MethodPost} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		err := call(c, ctx, method)
		cancel()
		require.ErrorIs(t, err, context.DeadlineExceeded, "%v", err)
		select {
		case <-hit:
		default:
			t.Fatal("the handler was not reached")
		}
	}
	assert.Equal(t, 2, seq.Hits(), "a deadline is never retried")
}

func TestCanceledContextIsNotRetried(t *testing.T) {
	seq := newSequence(ok)
	c := newClient(t, seq)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := call(c, ctx, http.MethodGet)
	require.ErrorIs(t, err, context.Canceled)
	assert.Zero(t, seq.Hits())
}

func TestEachAttemptIsSignedAnew(t *testing.T) {
	var mu sync.Mutex
	var nonces, dates []string
	seq := newSequence(throttledUser, tooMany, ok)
	v := testVerifier()
	c := newClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		nonces = append(nonces, r.Header.Get("x-acs-signature-nonce"))
		dates = append(dates, r.Header.Get("x-acs-date"))
		mu.Unlock()
		verifying(t, v, seq).ServeHTTP(w, r)
	}))
	err := c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodPost, Path: "/", Body: map[string]string{"k": "v"}}, nil)
	require.NoError(t, err)
	require.Len(t, nonces, 3)
	assert.Len(t, map[string]bool{nonces[0]: true, nonces[1]: true, nonces[2]: true}, 3, "nonces %v", nonces)
	for i, n := range nonces {
		assert.Len(t, n, 32, "nonce %d", i)
		assert.NotEmpty(t, dates[i])
	}
}

// failingProvider never has a credential, and counts how often it was asked.
type failingProvider struct{ calls atomic.Int32 }

func (p *failingProvider) Credential(context.Context) (acs.Credential, error) {
	p.calls.Add(1)
	return acs.Credential{}, errors.New("no credential configured")
}

// TestLocalFailuresAreNotRetried: a missing credential or a request that cannot be
// built fails the same way every time; retrying only delays the answer.
func TestLocalFailuresAreNotRetried(t *testing.T) {
	t.Run("credentials", func(t *testing.T) {
		p := &failingProvider{}
		seq := newSequence(ok)
		c := newClient(t, seq, acs.WithCredentials(p))
		var info acs.ResponseInfo
		err := call(c, acs.CaptureResponse(context.Background(), &info), http.MethodGet)
		require.ErrorContains(t, err, "no credential configured")
		assert.Equal(t, int32(1), p.calls.Load())
		assert.Equal(t, 1, info.Attempts)
		assert.Zero(t, seq.Hits())
	})
	t.Run("unbuildable path", func(t *testing.T) {
		seq := newSequence(ok)
		c := newClient(t, seq)
		var info acs.ResponseInfo
		err := c.Do(acs.CaptureResponse(context.Background(), &info), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/v1/%zz"}, nil)
		require.ErrorContains(t, err, "/v1/%zz")
		assert.Equal(t, 1, info.Attempts)
		assert.Zero(t, seq.Hits())
	})
}
