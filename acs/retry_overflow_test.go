package acs_test

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// A server that asks for a wait longer than time.Duration holds is not retried at
// once (the overflow used to wrap to a negative wait): the wait passes
// MaxServerWait and the call ends after one attempt.
func TestHugeRetryAfterIsNotRetriedAtOnce(t *testing.T) {
	for _, header := range [][2]string{
		{"Retry-After", "10000000000"},
		{"Retry-After", "18446744074"},
		{"Retry-After", "99999999999999999999999999"},
		{"X-Ratelimit-User-Api", "Limit:1,Remain:0,TimeLeft:18446744073709552,Reset:1"},
	} {
		var hits atomic.Int64
		h := func(w http.ResponseWriter, r *http.Request) {
			hits.Add(1)
			reply(http.StatusTooManyRequests, `{"Code":"Throttling.User","Message":"slow down"}`, header[0], header[1])(w, r)
		}
		c := newClient(t, http.HandlerFunc(h))
		start := time.Now()
		err := c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil)
		require.Error(t, err)
		assert.True(t, acs.IsThrottling(err))
		assert.Equal(t, int64(1), hits.Load(), "%s: %s", header[0], header[1])
		assert.Less(t, time.Since(start), time.Second)
	}
}
