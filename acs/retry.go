package acs

import (
	"context"
	"crypto/tls"
	"errors"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// RetryPolicy bounds retries. Any call is retried when the connection could not be
// made, and on an answer that shows the service refused it before acting on it: the
// flow-control codes Throttling, Throttling.User and Throttling.Api (whatever the
// status), or HTTP 429. An idempotent call (GET, HEAD, OPTIONS, PUT, DELETE, TRACE)
// is also retried on HTTP 503 and every other 5xx answer, and on network errors after
// the request may have reached the server. A non-idempotent call (POST, PATCH: every
// RPC call) is not: a 503 or 500 may come after the service acted, from the service
// itself (ServiceUnavailable, InternalError) or from a proxy whose upstream failed
// mid-call, and sending it again could act twice. Other 4xx answers are never
// retried. The context deadline always wins over a planned wait.
type RetryPolicy struct {
	MaxAttempts   int           // attempts in all, the first included; 1 disables retries
	BaseDelay     time.Duration // first backoff step; each retry doubles it
	MaxDelay      time.Duration // cap of one backoff step
	MaxServerWait time.Duration // a server-given wait longer than this ends retrying; a shorter one replaces the backoff
}

// DefaultRetryPolicy is used when no WithRetry option is given.
var DefaultRetryPolicy = RetryPolicy{MaxAttempts: 3, BaseDelay: 200 * time.Millisecond, MaxDelay: 5 * time.Second, MaxServerWait: time.Minute}

// idempotent methods may be sent twice without changing the outcome (RFC 9110 §9.2.2).
var idempotent = map[string]bool{"GET": true, "HEAD": true, "OPTIONS": true, "PUT": true, "DELETE": true, "TRACE": true}

// shouldRetry classifies the outcome of one attempt.
func shouldRetry(method string, err error) bool {
	var apiErr *Error
	if errors.As(err, &apiErr) {
		if apiErr.refused() {
			return true
		}
		// The body does not matter: a proxy's 502 page or an empty 500 is as
		// transient as the service's own InternalError. Neither proves that the
		// call was not carried out, so only an idempotent one is sent again.
		return idempotent[method] && (apiErr.Throttled() || apiErr.StatusCode >= 500)
	}
	var te *transportError
	if !errors.As(err, &te) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if notSent(err) {
		return true
	}
	return idempotent[method] && transient(err)
}

// notSent reports errors that prove the request never reached a server.
func notSent(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial" || errors.Is(err, syscall.ECONNREFUSED)
}

// transient reports transport errors worth another try: resets, timeouts, a server
// that closed the connection. A certificate that does not verify will not get better.
func transient(err error) bool {
	var certErr *tls.CertificateVerificationError
	return !errors.As(err, &certErr)
}

// backoff is the wait before retry n (1-based): full jitter over an exponential
// step, so that many throttled clients do not come back in lockstep.
func (p RetryPolicy) backoff(n int) time.Duration {
	step := p.BaseDelay << (n - 1)
	if step <= 0 || step > p.MaxDelay {
		step = p.MaxDelay
	}
	if step <= 0 {
		return 0
	}
	return rand.N(step) + 1
}

var timeLeft = regexp.MustCompile(`TimeLeft:(\d+)`)

// serverWait reads a wait the server asked for: Retry-After (seconds or an HTTP
// date), or the TimeLeft (milliseconds) of Alibaba's x-ratelimit-user-api and
// x-ratelimit-user headers, the larger of the two.
func serverWait(h http.Header, now time.Time) (time.Duration, bool) {
	if ra := strings.TrimSpace(h.Get("Retry-After")); ra != "" {
		if d, ok := digitsDuration(ra, time.Second); ok {
			return d, true
		}
		if t, err := http.ParseTime(ra); err == nil {
			return max(t.Sub(now), 0), true // Sub saturates for far-off dates
		}
	}
	// Both limits hold at once, so the call may go again only when the later of the
	// two allows it (darabonba's GetThrottlingTimeLeft takes the larger too).
	var wait time.Duration
	found := false
	for _, name := range []string{"x-ratelimit-user-api", "x-ratelimit-user"} {
		if m := timeLeft.FindStringSubmatch(h.Get(name)); m != nil {
			if d, ok := digitsDuration(m[1], time.Millisecond); ok {
				wait, found = max(wait, d), true
			}
		}
	}
	return wait, found
}

// digitsDuration reads a count of units written in decimal digits only. A count
// too large for time.Duration (Retry-After: 10000000000 seconds, or more digits than
// an int64 holds) saturates at the longest Duration instead of wrapping round to a
// short or negative wait: the caller then sees a wait beyond MaxServerWait and stops,
// rather than retrying sooner than the server asked.
func digitsDuration(s string, unit time.Duration) (time.Duration, bool) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil || n > uint64(math.MaxInt64/unit) {
		return math.MaxInt64, true
	}
	return time.Duration(n) * unit, true
}

func retryAfterText(h http.Header) string {
	if ra := h.Get("Retry-After"); ra != "" {
		return ra
	}
	for _, name := range []string{"x-ratelimit-user-api", "x-ratelimit-user"} {
		if m := timeLeft.FindString(h.Get(name)); m != "" {
			return m
		}
	}
	return ""
}

// sleep waits d or until ctx ends. It refuses at once a wait that would outlast the
// context's deadline: the caller gets the last error now rather than a timeout later.
func sleep(ctx context.Context, d time.Duration) bool {
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < d {
		return false
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
