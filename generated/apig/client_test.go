package apig_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/internal/loopback"
)

// docExample is the response example of the GetPluginAttachment documentation page,
// copied verbatim (port 8080 as a number, the enabelAuth spelling).
func docExample(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/get_plugin_attachment_doc_example.json")
	require.NoError(t, err)
	return data
}

func newClient(t *testing.T, url string) *apig.Client {
	t.Helper()
	c, err := apig.NewClient(acs.WithEndpoint(url),
		acs.WithCredentials(acs.StaticCredentials("LTAItestkeyid0000", "test-secret", "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return c
}

func TestDocumentedExampleRoundTrips(t *testing.T) {
	data := docExample(t)
	var resp apig.GetPluginAttachmentResponse
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // every key of the example is a declared field
	require.NoError(t, dec.Decode(&resp))
	out, err := json.Marshal(&resp)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(out))

	// The union and the misspelled field decode to usable values.
	cfg := resp.Data.ParentResourceInfo.APIInfo.Environments[0].ServiceConfigs[0]
	require.NotNil(t, cfg.Port.Int32, "port 8080 is a number in the documented example")
	assert.EqualValues(t, 8080, *cfg.Port.Int32)
	assert.Nil(t, cfg.Port.String)
}

func TestGetPluginAttachmentOnTheWire(t *testing.T) {
	srv := loopback.New(t, 200, string(docExample(t)))
	resp, err := newClient(t, srv.URL).GetPluginAttachment(t.Context(),
		&apig.GetPluginAttachmentRequest{PluginAttachmentID: "pa-d05f1tmm1hku195dd8j0"})
	require.NoError(t, err)
	require.NotNil(t, resp.Data)
	assert.Equal(t, "pa-d05f1tmm1hku195dd8j0", *resp.Data.PluginAttachmentID)

	got := srv.Last(t)
	assert.Equal(t, http.MethodGet, got.Method)
	assert.Equal(t, "/v1/plugin-attachments/pa-d05f1tmm1hku195dd8j0", got.Path)
	assert.Empty(t, got.Query)
	assert.Empty(t, got.Body)
	assert.Equal(t, "GetPluginAttachment", got.Header.Get("x-acs-action"))
	assert.Equal(t, "2024-03-27", got.Header.Get("x-acs-version"))
	assert.Contains(t, got.Header.Get("Authorization"), "ACS3-HMAC-SHA256 Credential=LTAItestkeyid0000,")
}

// A path parameter is one segment whatever it holds: "/", "?", "#", "%" and spaces
// are escaped rather than changing the route.
func TestPathParameterIsOneSegment(t *testing.T) {
	srv := loopback.New(t, 200, `{}`)
	_, err := newClient(t, srv.URL).GetPluginAttachment(t.Context(),
		&apig.GetPluginAttachmentRequest{PluginAttachmentID: "a/b?c#d %e"})
	require.NoError(t, err)
	assert.Equal(t, "/v1/plugin-attachments/a%2Fb%3Fc%23d%20%25e", srv.Last(t).Path)
}

func TestRequiredPathParameter(t *testing.T) {
	srv := loopback.New(t, 200, `{}`)
	_, err := newClient(t, srv.URL).GetPluginAttachment(t.Context(), &apig.GetPluginAttachmentRequest{})
	require.ErrorContains(t, err, "pluginAttachmentId")
	_, err = newClient(t, srv.URL).GetPluginAttachment(t.Context(), nil)
	require.Error(t, err)
	assert.Empty(t, srv.Requests(), "nothing is sent for an invalid request")
}

func TestNotFoundIsATypedError(t *testing.T) {
	srv := loopback.New(t, 404, `{"requestId":"R-1","code":"NotFound.PluginAttachment","message":"not found"}`)
	_, err := newClient(t, srv.URL).GetPluginAttachment(t.Context(), &apig.GetPluginAttachmentRequest{PluginAttachmentID: "pa-x"})
	var apiErr *acs.Error
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.Equal(t, "NotFound.PluginAttachment", apiErr.Code)
	assert.Equal(t, "R-1", apiErr.RequestID)
	assert.True(t, acs.IsNotFound(err))
}

// A generated client prints as the service and endpoint it calls, with every verb,
// never as a pointer or with the credentials it holds; so does a zero one.
func TestClientPrintsServiceAndEndpoint(t *testing.T) {
	c, err := apig.NewClient(acs.WithRegion("cn-shanghai"),
		acs.WithCredentials(acs.StaticCredentials("LTAItestkeyid0000", "test-secret", "sts-token")))
	require.NoError(t, err)
	want := "apig.Client{APIG 2024-03-27 https://apig.cn-shanghai.aliyuncs.com}"
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assert.Equal(t, want, fmt.Sprintf(verb, c), verb)
		assert.Equal(t, want, fmt.Sprintf(verb, *c), verb)
	}
	assert.Equal(t, "apig.Client{}", fmt.Sprint(apig.Client{}))
}
