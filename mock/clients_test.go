package mock_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
	"github.com/acsgen/acsgen/mock"
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

// Every lifecycle operation is answered, through the generated clients with
// signatures verified, with its documented example.
func TestGeneratedClientsWalkTheLifecycle(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	ctx := context.Background()
	ap, ca := apigClient(t, srv, keySecret), cloudClient(t, srv, keySecret)
	listPath := "/v1/plugin-attachments"

	created, err := ap.CreatePluginAttachment(ctx, &apig.CreatePluginAttachmentRequest{CreatePluginAttachmentBody: apig.CreatePluginAttachmentBody{
		PluginID: new("pl-1"), AttachResourceType: new("HttpApi"), AttachResourceIDs: []string{"api-1"}, Enable: new(true)}})
	require.NoError(t, err)
	assert.Equal(t, exampleOf(t, apigSpec, listPath, "post")["data"].(map[string]any)["pluginAttachmentId"], *created.Data.PluginAttachmentID)

	list, err := ap.ListPluginAttachments(ctx, &apig.ListPluginAttachmentsRequest{GatewayID: new("gw-1"),
		AttachResourceTypes: []string{"HttpApi", "Operation"}, PageNumber: new(int32(1)), PageSize: new(int32(10))})
	require.NoError(t, err)
	items := exampleOf(t, apigSpec, listPath, "get")["data"].(map[string]any)["items"].([]any)
	require.Len(t, list.Data.Items, len(items))
	assert.Equal(t, apig.ListPluginAttachmentsItemAttachResourceTypeHTTPAPI, *list.Data.Items[0].AttachResourceType)

	updated, err := ap.UpdatePluginAttachment(ctx, &apig.UpdatePluginAttachmentRequest{PluginAttachmentID: *created.Data.PluginAttachmentID,
		UpdatePluginAttachmentBody: apig.UpdatePluginAttachmentBody{Enable: new(false)}})
	require.NoError(t, err)
	assert.Equal(t, exampleOf(t, apigSpec, getPath, "put")["requestId"], *updated.RequestID)

	deleted, err := ap.DeletePluginAttachment(ctx, &apig.DeletePluginAttachmentRequest{PluginAttachmentID: *created.Data.PluginAttachmentID})
	require.NoError(t, err)
	assert.Equal(t, exampleOf(t, apigSpec, getPath, "delete")["requestId"], *deleted.RequestID)

	detached, err := ca.DetachPlugin(ctx, &cloudapi.DetachPluginRequest{PluginID: "p", StageName: cloudapi.StageNameRelease, APIID: new("a")})
	require.NoError(t, err)
	assert.Equal(t, exampleOf(t, cloudSpec, "/#Action=DetachPlugin", "post")["RequestId"], *detached.RequestID)

	plugins, err := ca.DescribePluginsByAPI(ctx, &cloudapi.DescribePluginsByAPIRequest{GroupID: "g", APIID: "a", StageName: cloudapi.StageNamePre})
	require.NoError(t, err)
	require.Len(t, plugins.Plugins.PluginAttribute, 1)
	assert.Equal(t, "trafficControl", *plugins.Plugins.PluginAttribute[0].PluginType)

	apis, err := ca.DescribePluginAPIs(ctx, &cloudapi.DescribePluginAPIsRequest{PluginID: "p", PageSize: new(int32(100))})
	require.NoError(t, err)
	require.Len(t, apis.APISummarys.APIPluginSummary, 1)
	assert.Equal(t, cloudapi.APIPluginSummaryStageNameRelease, *apis.APISummarys.APIPluginSummary[0].StageName)

	// The mock checks requests as the service would: a page size over 100 is refused.
	_, err = ca.DescribePluginAPIs(ctx, &cloudapi.DescribePluginAPIsRequest{PluginID: "p", PageSize: new(int32(101))})
	require.Error(t, err, "the generated client refuses it before sending")
	status, _, body := raw(t, start(t, specSet(t), mock.Options{}), "POST", "/?Action=DescribePluginApis&PluginId=p&PageSize=101")
	assert.Equal(t, 400, status)
	assert.Equal(t, "InvalidParameter", body["Code"])
}
