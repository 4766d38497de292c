package mock_test

import (
	"context"
	"testing"

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
