package acs_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// echoID answers with the id query parameter as the request id, after checking the
// signature, so that each caller can tell its own answer.
func echoID(t *testing.T, v acs.Verifier) http.Handler {
	return verifying(t, v, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"requestId": r.URL.Query().Get("id")})
	}))
}

// hammer calls c from many goroutines at once and checks every answer.
func hammer(t *testing.T, c *acs.Client) {
	const goroutines, calls = 16, 8
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*calls)
	for g := range goroutines {
		wg.Go(func() {
			for i := range calls {
				id := fmt.Sprintf("g%d-c%d", g, i)
				var info acs.ResponseInfo
				var out struct{ RequestID string }
				method := http.MethodGet
				if i%2 == 1 {
					method = http.MethodPost
				}
				err := c.Do(acs.CaptureResponse(context.Background(), &info),
					&acs.Request{Action: "Op", Method: method, Path: "/v1/things/" + acs.PathSegment(id), Query: map[string][]string{"id": {id}}}, &out)
				if err == nil && (out.RequestID != id || info.RequestID != id) {
					err = fmt.Errorf("call %s got answer %q / %q", id, out.RequestID, info.RequestID)
				}
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
}

func TestConcurrentCallsStaticCredentials(t *testing.T) {
	hammer(t, newClient(t, echoID(t, testVerifier())))
}

func TestConcurrentCallsDefaultCredentials(t *testing.T) {
	isolateCredentials(t)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", testKeyID)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", testSecret)
	srv := startServer(t, echoID(t, testVerifier()))
	c, err := acs.NewClient(testService, acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	hammer(t, c)
}
