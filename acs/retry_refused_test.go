package acs_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// A non-idempotent call (every RPC call is a POST) is sent again only on an answer
// that shows the service did not act on it: a flow-control code, whatever the
// status, or HTTP 429, whatever the body. A 503, bare or with Alibaba's
// ServiceUnavailable, and every other 5xx may come after the call was carried out,
// so it goes back to the caller after one attempt. Idempotent calls keep retrying on
// all of them. The server fails every attempt, so the hits count the attempts.
func TestNonIdempotentCallsRetriedOnlyWhenRefused(t *testing.T) {
	refused := map[string]http.HandlerFunc{
		"400 Throttling":          reply(http.StatusBadRequest, `{"Code":"Throttling","Message":"Request was denied due to request throttling."}`),
		"400 Throttling.User":     throttledUser,
		"400 Throttling.Api":      throttledApi,
		"503 Throttling.User":     reply(http.StatusServiceUnavailable, `{"Code":"Throttling.User"}`),
		"429 with a code":         tooMany,
		"429 with an empty body":  reply(http.StatusTooManyRequests, "", "Content-Type", "text/plain"),
		"429 from a proxy (HTML)": reply(http.StatusTooManyRequests, "<html>429 Too Many Requests</html>", "Content-Type", "text/html"),
	}
	mayHaveActed := map[string]http.HandlerFunc{
		"503 ServiceUnavailable":         unavailable,
		"503 from a proxy, empty body":   reply(http.StatusServiceUnavailable, "", "Content-Type", "text/plain"),
		"503 from a proxy (HTML)":        reply(http.StatusServiceUnavailable, "<html>503 Service Unavailable</html>", "Content-Type", "text/html"),
		"503 with Retry-After":           reply(http.StatusServiceUnavailable, `{"Code":"ServiceUnavailable"}`, "Retry-After", "0"),
		"503 with x-ratelimit TimeLeft":  reply(http.StatusServiceUnavailable, "", "x-ratelimit-user-api", "Limit:1,Remain:0,TimeLeft:1"),
		"500 InternalError":              internal,
		"502 from a proxy (HTML)":        badGatewayTxt,
		"504 from a proxy, empty body":   reply(http.StatusGatewayTimeout, "", "Content-Type", "text/plain"),
		"503 ServiceUnavailable.Timeout": reply(http.StatusServiceUnavailable, `{"Code":"ServiceUnavailable.Timeout"}`),
	}
	attempts := fastRetry.MaxAttempts
	for _, tc := range []struct {
		method string
		answer map[string]http.HandlerFunc
		want   int
	}{
		{http.MethodPost, refused, attempts},
		{http.MethodPatch, refused, attempts},
		{http.MethodGet, refused, attempts},
		{http.MethodPost, mayHaveActed, 1},
		{http.MethodPatch, mayHaveActed, 1},
		{http.MethodGet, mayHaveActed, attempts},
		{http.MethodPut, mayHaveActed, attempts},
		{http.MethodDelete, mayHaveActed, attempts},
	} {
		for name, h := range tc.answer {
			t.Run(tc.method+" "+name, func(t *testing.T) {
				seq := newSequence(h)
				c := newClient(t, seq)
				var info acs.ResponseInfo
				err := call(c, acs.CaptureResponse(context.Background(), &info), tc.method)
				var e *acs.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tc.want, seq.Hits(), "attempts the server saw")
				assert.Equal(t, tc.want, info.Attempts)
			})
		}
	}
}
