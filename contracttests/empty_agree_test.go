package contracttests

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
	"github.com/acsgen/acsgen/mock"
	acsrecord "github.com/acsgen/acsgen/record"
)

// emptyRow is one request in the two forms the three judges see: the Go request a
// caller hands the generated client, and the wire request (path and query) that
// goes to the mock and into a recording for the contract check.
type emptyRow struct {
	name   string
	call   func(ctx context.Context, ca *cloudapi.Client, ap *apig.Client) error
	method string
	path   string // escaped path and query
	accept bool
}

func attach(req cloudapi.AttachPluginRequest) func(context.Context, *cloudapi.Client, *apig.Client) error {
	return func(ctx context.Context, c *cloudapi.Client, _ *apig.Client) error {
		_, err := c.AttachPlugin(ctx, &req)
		return err
	}
}

func getAttachment(id string) func(context.Context, *cloudapi.Client, *apig.Client) error {
	return func(ctx context.Context, _ *cloudapi.Client, c *apig.Client) error {
		_, err := c.GetPluginAttachment(ctx, &apig.GetPluginAttachmentRequest{PluginAttachmentID: id})
		return err
	}
}

func strptr(s string) *string { return &s }

var emptyRows = []emptyRow{
	{"required absent", attach(cloudapi.AttachPluginRequest{StageName: "TEST"}), "POST", "/?StageName=TEST", false},
	{"required empty", attach(cloudapi.AttachPluginRequest{StageName: "TEST"}), "POST", "/?PluginId=&StageName=TEST", false},
	{"required non-empty", attach(cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST"}), "POST", "/?PluginId=p&StageName=TEST", true},
	{"required enum empty", attach(cloudapi.AttachPluginRequest{PluginID: "p"}), "POST", "/?PluginId=p&StageName=", false},
	{"optional absent", attach(cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST", APIIDs: []string{}}), "POST", "/?PluginId=p&StageName=TEST", true},
	{"optional empty", attach(cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST", GroupID: strptr("")}), "POST", "/?GroupId=&PluginId=p&StageName=TEST", true},
	{"optional array empty", attach(cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST", APIIDs: []string{""}}), "POST", "/?ApiIds=&PluginId=p&StageName=TEST", false},
	{"path empty", getAttachment(""), "GET", "/v1/plugin-attachments/", false},
	{"path non-empty", getAttachment("pa-1"), "GET", "/v1/plugin-attachments/pa-1", true},
}

// sent remembers the path and query of every request a client sends.
type sent struct {
	mu   sync.Mutex
	urls []string
}

func (s *sent) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.urls = append(s.urls, r.URL.RequestURI())
	s.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

// TestEmptyRequiredVerdictsAgree runs each row through the generated client's
// pre-send check, a mock server on loopback and the contract check of a recording
// of the wire request, and requires one verdict from all three.
func TestEmptyRequiredVerdictsAgree(t *testing.T) {
	set := loadSet(t)
	m, err := mock.New(set, mock.Options{})
	require.NoError(t, err)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	ctx := context.Background()

	for _, row := range emptyRows {
		t.Run(row.name, func(t *testing.T) {
			// The client: refused before sending, or sent as the row's wire request.
			wire := &sent{}
			opts := []acs.Option{acs.WithEndpoint(srv.URL), acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
				acs.WithCredentials(acs.StaticCredentials("LTAI5tAgreeTestKey000001", "agree-test-secret", "")),
				acs.WithHTTPClient(&http.Client{Transport: wire})}
			ca, err := cloudapi.NewClient(opts...)
			require.NoError(t, err)
			ap, err := apig.NewClient(opts...)
			require.NoError(t, err)
			callErr := row.call(ctx, ca, ap)
			var ve *acs.ValidationError
			clientAccepts := !errors.As(callErr, &ve)
			if clientAccepts {
				require.NoError(t, callErr)
				assert.Equal(t, []string{row.path}, wire.urls, "the client sends the row's wire request")
			} else {
				assert.Empty(t, wire.urls, "a refused request is not sent")
			}

			// The mock, sent the wire request as it is and recorded.
			dir := t.TempDir()
			req, err := http.NewRequest(row.method, srv.URL+row.path, nil)
			require.NoError(t, err)
			if row.method == "POST" {
				req.Header.Set("x-acs-action", "AttachPlugin")
				req.Header.Set("x-acs-version", "2016-07-14")
			}
			resp, err := (&http.Client{Transport: acsrecord.Transport(dir, nil, acsrecord.WithSpecs(set))}).Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(resp.Body)
			require.NoError(t, resp.Body.Close())
			mockAccepts := resp.StatusCode == http.StatusOK
			if !mockAccepts {
				assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", body)
			}

			// The contract check of that recording.
			files, err := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
			require.NoError(t, err)
			require.Len(t, files, 1)
			results, err := set.CheckRecording(files[0], contract.Options{})
			require.NoError(t, err)
			require.Len(t, results, 1)
			var requestFindings []string
			for _, f := range results[0].Findings {
				if f.Where == "request" {
					requestFindings = append(requestFindings, f.String())
				}
			}
			contractAccepts := len(requestFindings) == 0

			assert.Equal(t, row.accept, clientAccepts, "client: %v", callErr)
			assert.Equal(t, row.accept, mockAccepts, "mock: %d %s", resp.StatusCode, body)
			assert.Equal(t, row.accept, contractAccepts, "contract: %v", requestFindings)
		})
	}
}
