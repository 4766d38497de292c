package acs

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestServerWaitParsing(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		header http.Header
		want   time.Duration
		ok     bool
	}{
		{"none", http.Header{}, 0, false},
		{"Retry-After seconds", http.Header{"Retry-After": {"3"}}, 3 * time.Second, true},
		{"Retry-After zero", http.Header{"Retry-After": {"0"}}, 0, true},
		{"Retry-After date", http.Header{"Retry-After": {now.Add(90 * time.Second).Format(http.TimeFormat)}}, 90 * time.Second, true},
		{"Retry-After date in the past", http.Header{"Retry-After": {now.Add(-time.Hour).Format(http.TimeFormat)}}, 0, true},
		{"Retry-After negative", http.Header{"Retry-After": {"-1"}}, 0, false},
		{"Retry-After garbage", http.Header{"Retry-After": {"soon"}}, 0, false},
		{"x-ratelimit-user-api", http.Header{"X-Ratelimit-User-Api": {"Limit:100,Remain:0,TimeLeft:1500,Reset:1"}}, 1500 * time.Millisecond, true},
		{"x-ratelimit-user", http.Header{"X-Ratelimit-User": {"TimeLeft:7"}}, 7 * time.Millisecond, true},
		{"no TimeLeft", http.Header{"X-Ratelimit-User-Api": {"Limit:100,Remain:3"}}, 0, false},
		{"both limits: the user's is later", http.Header{"X-Ratelimit-User-Api": {"TimeLeft:20"}, "X-Ratelimit-User": {"TimeLeft:900"}}, 900 * time.Millisecond, true},
		{"both limits: the API's is later", http.Header{"X-Ratelimit-User-Api": {"TimeLeft:900"}, "X-Ratelimit-User": {"TimeLeft:20"}}, 900 * time.Millisecond, true},
		{"one limit unreadable", http.Header{"X-Ratelimit-User-Api": {"TimeLeft:x"}, "X-Ratelimit-User": {"TimeLeft:30"}}, 30 * time.Millisecond, true},
		{"Retry-After first", http.Header{"Retry-After": {"2"}, "X-Ratelimit-User": {"TimeLeft:7"}}, 2 * time.Second, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := serverWait(tc.header, now)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestBackoffBounds(t *testing.T) {
	p := RetryPolicy{BaseDelay: 10 * time.Millisecond, MaxDelay: 35 * time.Millisecond}
	for n, limit := range map[int]time.Duration{1: 10 * time.Millisecond, 2: 20 * time.Millisecond, 3: 35 * time.Millisecond, 4: 35 * time.Millisecond, 80: 35 * time.Millisecond} {
		for range 50 {
			d := p.backoff(n)
			assert.Greater(t, d, time.Duration(0), "retry %d", n)
			assert.LessOrEqual(t, d, limit, "retry %d", n)
		}
	}
	assert.Zero(t, RetryPolicy{}.backoff(1))
}

func transport(err error) error { return &transportError{fmt.Errorf("acs: Op: %w", err)} }

func TestShouldRetryTransportErrors(t *testing.T) {
	dial := &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	reset := &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}
	cert := &tls.CertificateVerificationError{Err: x509.UnknownAuthorityError{}}
	for _, tc := range []struct {
		name      string
		err       error
		get, post bool
	}{
		{"dial refused", transport(dial), true, true},
		{"reset after sending", transport(reset), true, false},
		{"EOF", transport(io.ErrUnexpectedEOF), true, false},
		{"bad certificate", transport(cert), false, false},
		{"deadline", transport(context.DeadlineExceeded), false, false},
		{"canceled", transport(context.Canceled), false, false},
		{"no credentials", errors.New("acs: no credentials"), false, false},
		{"a dial error not from the transport", fmt.Errorf("acs: no credentials: %w", dial), false, false},
		{"body too large on 200", &Error{StatusCode: 200, Err: ErrBodyTooLarge}, false, false},
		{"decode error on 200", &Error{StatusCode: 200, Err: errors.New("bad json")}, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.get, shouldRetry(http.MethodGet, tc.err), "GET")
			assert.Equal(t, tc.post, shouldRetry(http.MethodPost, tc.err), "POST")
		})
	}
}
