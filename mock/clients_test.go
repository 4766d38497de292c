package mock_test

import (
	"context"
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

	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

func TestGeneratedClientsSucceedWithVerificationOn(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	got, err := apigClient(t, srv, keySecret).GetPluginAttachment(context.Background(),
		&apig.GetPluginAttachmentRequest{PluginAttachmentID: "pa-1 /x"})
	require.NoError(t, err)
	want := exampleOf(t, apigSpec, getPath, "get")
	require.NotNil(t, got.Data)
	require.NotNil(t, got.Data.PluginAttachmentID)
	assert.Equal(t, want["data"].(map[string]any)["pluginAttachmentId"], *got.Data.PluginAttachmentID)
	assert.Equal(t, want["requestId"], *got.RequestID)

	attached, err := cloudClient(t, srv, keySecret).AttachPlugin(context.Background(),
		&cloudapi.AttachPluginRequest{PluginID: "p", StageName: cloudapi.AttachPluginStageNameTest, APIIDs: []string{"a", "b"}})
	require.NoError(t, err)
	assert.Equal(t, exampleOf(t, cloudSpec, attachKey, "post")["RequestId"], *attached.RequestID)
}

func daraClient(t *testing.T, srv *httptest.Server, secret string) *openapi.Client {
	t.Helper()
	c, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String(keyID), AccessKeySecret: dara.String(secret),
		Endpoint: dara.String(strings.TrimPrefix(srv.URL, "http://")), Protocol: dara.String("http"), RegionId: dara.String("cn-hangzhou"),
	})
	require.NoError(t, err)
	return c
}

// The Params are those the official product SDKs (apig-20240327, cloudapi-20160714)
// pass to CallApi, as in interop/clients_test.go.
func TestDarabonbaCallApiSucceeds(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	c := daraClient(t, srv, keySecret)
	roa := &openapiutil.Params{Action: dara.String("GetPluginAttachment"), Version: dara.String("2024-03-27"), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/v1/plugin-attachments/" + dara.PercentEncode("pa-1")), Method: dara.String("GET"), AuthType: dara.String("AK"),
		Style: dara.String("ROA"), ReqBodyType: dara.String("json"), BodyType: dara.String("json")}
	out, err := c.CallApi(roa, &openapiutil.OpenApiRequest{Headers: map[string]*string{}}, &dara.RuntimeOptions{})
	require.NoError(t, err)
	assert.Equal(t, "200", fmt.Sprint(out["statusCode"]))
	assert.Equal(t, exampleOf(t, apigSpec, getPath, "get")["requestId"], out["body"].(map[string]any)["requestId"])

	rpc := &openapiutil.Params{Action: dara.String("AttachPlugin"), Version: dara.String("2016-07-14"), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"), Style: dara.String("RPC"),
		ReqBodyType: dara.String("formData"), BodyType: dara.String("json")}
	query := openapiutil.Query(map[string]any{"PluginId": dara.String("p"), "StageName": dara.String("RELEASE"), "ApiIds": dara.String("a,b")})
	out, err = c.CallApi(rpc, &openapiutil.OpenApiRequest{Query: query}, &dara.RuntimeOptions{})
	require.NoError(t, err)
	assert.Equal(t, exampleOf(t, cloudSpec, attachKey, "post")["RequestId"], out["body"].(map[string]any)["RequestId"])

	// A wrong secret: darabonba reports the service's code and message.
	_, err = daraClient(t, srv, "wrong-secret").CallApi(rpc, &openapiutil.OpenApiRequest{Query: query}, &dara.RuntimeOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SignatureDoesNotMatch")
	assert.Contains(t, err.Error(), "server string to sign is:ACS3-HMAC-SHA256")
}

// alibaba-cloud-sdk-go signs V1 (HMAC-SHA1) with the common parameters in the query.
func TestOldSDKAttachPluginSucceeds(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	call := func(secret, stage string) (*oldcloudapi.AttachPluginResponse, error) {
		client, err := oldcloudapi.NewClientWithAccessKey("cn-hangzhou", keyID, secret)
		require.NoError(t, err)
		req := oldcloudapi.CreateAttachPluginRequest()
		req.Domain = strings.TrimPrefix(srv.URL, "http://")
		req.Scheme = "http"
		req.PluginId, req.StageName, req.ApiIds = "p", stage, "a,b"
		return client.AttachPlugin(req)
	}
	resp, err := call(keySecret, "PRE")
	require.NoError(t, err)
	assert.Equal(t, exampleOf(t, cloudSpec, attachKey, "post")["RequestId"], resp.RequestId)

	_, err = call("wrong-secret", "PRE")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "SignatureDoesNotMatch")
	assert.Contains(t, err.Error(), "server string to sign is:POST&%2F&")
	assert.NotContains(t, err.Error(), keySecret)

	_, err = call(keySecret, "PROD")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "InvalidParameter")
}
