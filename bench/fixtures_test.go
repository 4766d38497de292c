package bench

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
)

// Paths into the main module, which the replace directive puts at "..".
const (
	root         = ".."
	apigSpec     = root + "/spec/apig-2024-03-27.yaml"
	cloudapiSpec = root + "/spec/cloudapi-2016-07-14.yaml"
	recordings   = root + "/contracttests/testdata"
)

// recordedBody is the response body of the first interaction of a committed
// recording: the documentation page's example as the service would send it.
func recordedBody(tb testing.TB, cassette string) []byte {
	tb.Helper()
	ixs, err := contract.ReadCassette(filepath.Join(recordings, cassette))
	require.NoError(tb, err)
	require.NotEmpty(tb, ixs)
	require.Equal(tb, http.StatusOK, ixs[0].Status)
	return ixs[0].RespBody
}

// serve starts a loopback server answering every request with body as JSON.
func serve(tb testing.TB, body []byte) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		_, _ = w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}
