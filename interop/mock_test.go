package interop_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	oldcloudapi "github.com/aliyun/alibaba-cloud-sdk-go/services/cloudapi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/mock"
)

// The reference clients against `acsgen mock` with signature verification on: the
// mock must accept what Alibaba's own SDK cores send, and answer them as the
// service would. (The generated clients' side is in mock/clients_test.go.)

func startMock(t *testing.T) *httptest.Server {
	t.Helper()
	set, err := contract.Load([]string{"../spec/" + apigSpec, "../spec/" + cloudapiSpec})
	require.NoError(t, err)
	s, err := mock.New(set, mock.Options{AccessKeyID: akID, AccessKeySecret: akSecret})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

func mockDaraClient(t *testing.T, srv *httptest.Server, secret string) *openapi.Client {
	t.Helper()
	c, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String(akID), AccessKeySecret: dara.String(secret),
		Endpoint: dara.String(strings.TrimPrefix(srv.URL, "http://")), Protocol: dara.String("http"), RegionId: dara.String("cn-hangzhou"),
	})
	require.NoError(t, err)
	return c
}

// The Params are those the official product SDKs (apig-20240327, cloudapi-20160714)
// pass to CallApi, as in clients_test.go.
func TestMockAnswersDarabonbaCallApi(t *testing.T) {
	srv := startMock(t)
	c := mockDaraClient(t, srv, akSecret)
	roa := &openapiutil.Params{Action: dara.String("GetPluginAttachment"), Version: dara.String("2024-03-27"), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/v1/plugin-attachments/" + dara.PercentEncode("pa-1")), Method: dara.String("GET"), AuthType: dara.String("AK"),
		Style: dara.String("ROA"), ReqBodyType: dara.String("json"), BodyType: dara.String("json")}
	out, err := c.CallApi(roa, &openapiutil.OpenApiRequest{Headers: map[string]*string{}}, &dara.RuntimeOptions{})
	require.NoError(t, err)
	assert.Equal(t, "200", fmt.Sprint(out["statusCode"]))
	assert.Equal(t, exampleField(t, apigSpec, "/v1/plugin-attachments/{pluginAttachmentId}", "GET", "requestId"), out["body"].(map[string]any)["requestId"])

	rpc := &openapiutil.Params{Action: dara.String("AttachPlugin"), Version: dara.String("2016-07-14"), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"), Style: dara.String("RPC"),
		ReqBodyType: dara.String("formData"), BodyType: dara.String("json")}
	query := openapiutil.Query(map[string]any{"PluginId": dara.String("p"), "StageName": dara.String("RELEASE"), "ApiIds": dara.String("a,b")})
	out, err = c.CallApi(rpc, &openapiutil.OpenApiRequest{Query: query}, &dara.RuntimeOptions{})
	require.NoError(t, err)
	assert.Equal(t, exampleField(t, cloudapiSpec, "/#Action=AttachPlugin", "POST", "RequestId"), out["body"].(map[string]any)["RequestId"])

	// A wrong secret: darabonba reports the service's code and message.
	_, err = mockDaraClient(t, srv, "wrong-secret").CallApi(rpc, &openapiutil.OpenApiRequest{Query: query}, &dara.RuntimeOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SignatureDoesNotMatch")
	assert.Contains(t, err.Error(), "server string to sign is:ACS3-HMAC-SHA256")
}

// alibaba-cloud-sdk-go signs V1 (HMAC-SHA1) with the common parameters in the query.
func TestMockAnswersOldSDKAttachPlugin(t *testing.T) {
	srv := startMock(t)
	call := func(secret, stage string) (*oldcloudapi.AttachPluginResponse, error) {
		client, err := oldcloudapi.NewClientWithAccessKey("cn-hangzhou", akID, secret)
		require.NoError(t, err)
		req := oldcloudapi.CreateAttachPluginRequest()
		req.Domain = strings.TrimPrefix(srv.URL, "http://")
		req.Scheme = "http"
		req.PluginId, req.StageName, req.ApiIds = "p", stage, "a,b"
		return client.AttachPlugin(req)
	}
	resp, err := call(akSecret, "PRE")
	require.NoError(t, err)
	assert.Equal(t, exampleField(t, cloudapiSpec, "/#Action=AttachPlugin", "POST", "RequestId"), resp.RequestId)

	_, err = call("wrong-secret", "PRE")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SignatureDoesNotMatch")
	assert.Contains(t, err.Error(), "server string to sign is:POST&%2F&")
	assert.NotContains(t, err.Error(), akSecret)

	_, err = call(akSecret, "PROD")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "InvalidParameter")
}

// exampleField is one top-level field of an operation's documented 200 response.
func exampleField(t *testing.T, spec, path, method, field string) any {
	t.Helper()
	var body map[string]any
	require.NoError(t, json.Unmarshal(responseExample(t, spec, path, method, "200"), &body))
	return body[field]
}

// The lifecycle operations as the official SDKs send them, a JSON body included, are
// accepted and answered by the mock.
func TestMockAnswersDarabonbaLifecycle(t *testing.T) {
	srv := startMock(t)
	c := mockDaraClient(t, srv, akSecret)
	body := openapiutil.ParseToMap(map[string]any{"pluginId": dara.String("pl-1"), "attachResourceIds": dara.StringSlice([]string{"api-1"}),
		"attachResourceType": dara.String("HttpApi"), "enable": dara.Bool(true)})
	out, err := c.CallApi(sdkParams("CreatePluginAttachment", "2024-03-27", "ROA", "POST", "/v1/plugin-attachments"),
		&openapiutil.OpenApiRequest{Headers: map[string]*string{}, Body: body}, &dara.RuntimeOptions{})
	require.NoError(t, err)
	assert.Equal(t, exampleField(t, apigSpec, "/v1/plugin-attachments", "POST", "requestId"), out["body"].(map[string]any)["requestId"])

	out, err = c.CallApi(sdkParams("DeletePluginAttachment", "2024-03-27", "ROA", "DELETE", "/v1/plugin-attachments/"+dara.PercentEncode("pa-1")),
		&openapiutil.OpenApiRequest{Headers: map[string]*string{}}, &dara.RuntimeOptions{})
	require.NoError(t, err)
	assert.Equal(t, exampleField(t, apigSpec, "/v1/plugin-attachments/{pluginAttachmentId}", "DELETE", "requestId"), out["body"].(map[string]any)["requestId"])

	query := openapiutil.Query(map[string]any{"PluginId": dara.String("p"), "StageName": dara.String("TEST")})
	out, err = c.CallApi(sdkParams("DetachPlugin", "2016-07-14", "RPC", "POST", "/"), &openapiutil.OpenApiRequest{Query: query}, &dara.RuntimeOptions{})
	require.NoError(t, err)
	assert.Equal(t, exampleField(t, cloudapiSpec, "/#Action=DetachPlugin", "POST", "RequestId"), out["body"].(map[string]any)["RequestId"])

	// DetachPlugin's StageName is closed, as AttachPlugin's is.
	query = openapiutil.Query(map[string]any{"PluginId": dara.String("p"), "StageName": dara.String("PROD")})
	_, err = c.CallApi(sdkParams("DetachPlugin", "2016-07-14", "RPC", "POST", "/"), &openapiutil.OpenApiRequest{Query: query}, &dara.RuntimeOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "InvalidParameter")
}
