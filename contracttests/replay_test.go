package contracttests

import (
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contracttests/internal/recordgen"
)

// TestCassettesReplayThroughGeneratedClients replays every committed cassette into
// the generated clients as a real caller would configure them (region, no endpoint
// override): the request they send today must match the recording in method, URL
// (regional host included) and body, and the recorded answer must give the outcome
// the scenario expects: a decoded response, or an *acs.Error for an error status.
func TestCassettesReplayThroughGeneratedClients(t *testing.T) {
	list, err := recordgen.Scenarios(specDir)
	require.NoError(t, err)
	for _, sc := range list {
		t.Run(sc.Name, func(t *testing.T) {
			rec, err := recorder.New(testdataDir+"/"+sc.Name,
				recorder.WithMode(recorder.ModeReplayOnly),
				recorder.WithSkipRequestLatency(true),
				recorder.WithMatcher(func(r *http.Request, i cassette.Request) bool {
					var body []byte
					if r.GetBody != nil {
						if rc, err := r.GetBody(); err == nil {
							body, _ = io.ReadAll(rc)
						}
					}
					return r.Method == i.Method && r.URL.String() == i.URL && string(body) == i.Body
				}),
			)
			require.NoError(t, err)
			defer func() { _ = rec.Stop() }()

			callErr := sc.Call(t.Context(),
				acs.WithRegion("cn-hangzhou"),
				acs.WithHTTPClient(&http.Client{Transport: rec}),
				acs.WithCredentials(acs.StaticCredentials(recordgen.AccessKeyID, recordgen.AccessKeySecret, recordgen.SecurityToken)),
				acs.WithSigner(acs.Signer{Now: func() time.Time { return recordgen.Clock }, Nonce: func() string { return recordgen.Nonce }}),
				acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
			)
			require.NotErrorIs(t, callErr, cassette.ErrInteractionNotFound, "the client's request no longer matches the recording")
			if !sc.WantErr {
				assert.NoError(t, callErr)
				return
			}
			require.Error(t, callErr)
			if sc.Status >= 400 {
				var apiErr *acs.Error
				require.True(t, errors.As(callErr, &apiErr), "want *acs.Error, got %v", callErr)
				assert.Equal(t, sc.Status, apiErr.StatusCode)
			}
		})
	}
}
