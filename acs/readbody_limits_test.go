package acs_test

import (
	"context"
	"math"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

func TestLargestMaxResponseBytes(t *testing.T) {
	for name, h := range map[string]http.HandlerFunc{
		"Content-Length": reply(http.StatusOK, `{"A":7}`),
		"chunked": func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"A":`))
			w.(http.Flusher).Flush() // no Content-Length from here on
			_, _ = w.Write([]byte(`7}`))
		},
	} {
		c := newClient(t, h, acs.WithMaxResponseBytes(math.MaxInt64))
		var out struct{ A int }
		require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, &out), name)
		assert.Equal(t, 7, out.A, name)
	}
}
