package acs

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultTimeoutAppliesWithoutACallersClient(t *testing.T) {
	svc := Service{Product: "Demo", Version: "2020-01-01", Style: StyleROA}
	for _, tc := range []struct {
		name string
		opts []Option
		want time.Duration
	}{
		{"acs's own client", nil, DefaultTimeout},
		{"a caller's client", []Option{WithHTTPClient(&http.Client{})}, 0},
		{"a caller's client and WithTimeout", []Option{WithHTTPClient(&http.Client{}), WithTimeout(time.Second)}, time.Second},
		{"WithTimeout", []Option{WithTimeout(2 * time.Second)}, 2 * time.Second},
		{"WithTimeout(0)", []Option{WithTimeout(0)}, 0},
	} {
		opts := append([]Option{WithEndpoint("http://127.0.0.1:1"), WithCredentials(StaticCredentials("id", "secret", ""))}, tc.opts...)
		c, err := NewClient(svc, opts...)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, c.timeout, tc.name)
	}
	assert.Equal(t, 15*time.Second, DefaultTimeout, "Alibaba Cloud's SDKs: connect 5 s + read 10 s")
	assert.Equal(t, 5*time.Second, DefaultConnectTimeout)
}
