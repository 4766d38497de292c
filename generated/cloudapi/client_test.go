package cloudapi_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/cloudapi"
	"github.com/acsgen/acsgen/internal/loopback"
)

func newClient(t *testing.T, url string) *cloudapi.Client {
	t.Helper()
	c, err := cloudapi.NewClient(acs.WithEndpoint(url),
		acs.WithCredentials(acs.StaticCredentials("LTAItestkeyid0000", "test-secret", "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	return c
}

func ptr[T any](v T) *T { return &v }

func TestAttachPluginOnTheWire(t *testing.T) {
	srv := loopback.New(t, 200, `{"RequestId":"EF924FE4-2EDD-4CD3-89EC-34E4708574E7"}`)
	resp, err := newClient(t, srv.URL).AttachPlugin(t.Context(), &cloudapi.AttachPluginRequest{
		PluginID:  "9a3f1a5279434f2ba74ccd91c295af9f",
		GroupID:   ptr("285bb759342649a1b70c2093a772e087"),
		APIIDs:    []string{"api1", "api2", "api3"},
		StageName: cloudapi.AttachPluginStageNameRelease,
	})
	require.NoError(t, err)
	assert.Equal(t, "EF924FE4-2EDD-4CD3-89EC-34E4708574E7", *resp.RequestID)

	got := srv.Last(t)
	assert.Equal(t, http.MethodPost, got.Method)
	assert.Equal(t, "/", got.Path, "every RPC action shares /")
	assert.Equal(t, map[string][]string{
		"PluginId":  {"9a3f1a5279434f2ba74ccd91c295af9f"},
		"GroupId":   {"285bb759342649a1b70c2093a772e087"},
		"ApiIds":    {"api1,api2,api3"}, // one comma-separated value
		"StageName": {"RELEASE"},
	}, map[string][]string(got.Query), "business parameters in the query; unset optional ones absent")
	assert.Contains(t, "&"+got.RawQuery+"&", "&ApiIds=api1%2Capi2%2Capi3&",
		"the joined list is encoded whole, commas included, as darabonba's PercentEncode sends it")
	assert.Empty(t, got.Body)
	assert.Equal(t, "AttachPlugin", got.Header.Get("x-acs-action"))
	assert.Equal(t, "2016-07-14", got.Header.Get("x-acs-version"))
	assert.Contains(t, got.Header.Get("Authorization"), "SignedHeaders=host;x-acs-action;")
}

func TestStageNameEnum(t *testing.T) {
	for _, s := range []cloudapi.AttachPluginStageName{cloudapi.AttachPluginStageNameRelease, cloudapi.AttachPluginStageNamePre, cloudapi.AttachPluginStageNameTest} {
		assert.True(t, s.IsKnown(), s)
	}
	assert.False(t, cloudapi.AttachPluginStageName("PROD").IsKnown())
}

func TestRPCErrorIsTyped(t *testing.T) {
	srv := loopback.New(t, 400, `{"RequestId":"R-2","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"MissingParameter","Message":"PluginId is mandatory","Recommend":"https://api.aliyun.com/troubleshoot?q=MissingParameter"}`)
	_, err := newClient(t, srv.URL).AttachPlugin(t.Context(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: cloudapi.AttachPluginStageNameTest})
	var apiErr *acs.Error
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Equal(t, "MissingParameter", apiErr.Code)
	assert.Equal(t, "PluginId is mandatory", apiErr.Message)
	assert.Equal(t, "R-2", apiErr.RequestID)
	assert.Equal(t, "apigateway.cn-hangzhou.aliyuncs.com", apiErr.HostID)
	assert.NotEmpty(t, apiErr.Recommend)
	assert.Len(t, srv.Requests(), 1, "a 400 is never retried")
}

// TestRequestsTheSpecRejectsAreNotSent holds the client to its own Validate: a
// request that breaks the spec comes back as an *acs.ValidationError naming the
// operation, and nothing reaches the server.
func TestRequestsTheSpecRejectsAreNotSent(t *testing.T) {
	srv := loopback.New(t, 200, `{"RequestId":"R-1"}`)
	c := newClient(t, srv.URL)
	for _, tc := range []struct {
		req  cloudapi.AttachPluginRequest
		want string
	}{
		{cloudapi.AttachPluginRequest{StageName: "TEST"}, "/PluginId: required parameter is missing"},
		{cloudapi.AttachPluginRequest{PluginID: "p"}, "/StageName: required parameter is missing"},
		{cloudapi.AttachPluginRequest{PluginID: "p", StageName: "PROD"}, `/StageName: value "PROD" is not one of RELEASE, PRE, TEST`},
		{cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST", APIIDs: make([]string, 101)}, "/ApiIds: 101 items are more than maxItems 100"},
		{cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST", APIIDs: []string{""}}, "/ApiIds: empty value is not allowed"},
	} {
		_, err := c.AttachPlugin(t.Context(), &tc.req)
		require.EqualError(t, err, "cloudapi: AttachPlugin: request: "+tc.want)
		var ve *acs.ValidationError
		require.ErrorAs(t, err, &ve)
		var apiErr *acs.Error
		assert.False(t, errors.As(err, &apiErr), "not an answer of the service")
	}
	assert.Empty(t, srv.Requests(), "nothing is sent")

	// What the spec allows goes out as it is: an empty array is absent, an explicitly
	// empty optional string is sent empty.
	_, err := c.AttachPlugin(t.Context(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST", APIIDs: []string{}, GroupID: ptr("")})
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{"PluginId": {"p"}, "StageName": {"TEST"}, "GroupId": {""}}, map[string][]string(srv.Last(t).Query))
}

func TestRegionalEndpoint(t *testing.T) {
	c, err := cloudapi.NewClient(acs.WithRegion("cn-shanghai"), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	require.NoError(t, err)
	assert.Equal(t, "https://apigateway.cn-shanghai.aliyuncs.com", c.Endpoint())
	_, err = cloudapi.NewClient(acs.WithRegion("mars-north-1"), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	assert.ErrorContains(t, err, "mars-north-1")
}
