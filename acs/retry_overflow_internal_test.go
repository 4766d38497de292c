package acs

import (
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// Waits too long for time.Duration saturate instead of wrapping to a short one.
func TestServerWaitSaturates(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, h := range []http.Header{
		{"Retry-After": {"10000000000"}},
		{"Retry-After": {"18446744074"}},
		{"Retry-After": {"99999999999999999999999999"}},
		{"Retry-After": {" 9223372037 "}},
		{"X-Ratelimit-User-Api": {"Limit:1,Remain:0,TimeLeft:9223372036855,Reset:1"}},
		{"X-Ratelimit-User": {"TimeLeft:99999999999999999999999"}},
	} {
		d, ok := serverWait(h, now)
		assert.True(t, ok, "%v", h)
		assert.Equal(t, time.Duration(math.MaxInt64), d, "%v", h)
	}
	d, ok := serverWait(http.Header{"Retry-After": {"9223372036"}}, now)
	assert.True(t, ok)
	assert.Equal(t, 9223372036*time.Second, d, "the largest count that fits is kept")
	_, ok = serverWait(http.Header{"Retry-After": {"+5"}}, now)
	assert.False(t, ok, "delay-seconds is digits only")
}
