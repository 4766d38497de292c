package interop_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func reencode(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// The documented GetPluginAttachment example decodes to the same data through
// darabonba (result["body"]) and through apig.GetPluginAttachmentResponse, and the
// generated types keep every field of it (port: 8080 included, a number where the
// SDK models say string).
func TestResponseGetPluginAttachmentDecodesLikeDarabonba(t *testing.T) {
	example := responseExample(t, apigSpec, "/v1/plugin-attachments/{pluginAttachmentId}", http.MethodGet, "200")
	srv := newServer(t)
	srv.respond(http.StatusOK, example)

	mine, err := acsgenGetPluginAttachment(t, srv, plainKey, "pa-cvl541em1hkk7n8vq810")
	require.NoError(t, err)
	theirs, err := daraGetPluginAttachment(t, srv, plainKey, "pa-cvl541em1hkk7n8vq810")
	require.NoError(t, err)
	assert.Equal(t, "200", fmt.Sprint(theirs["statusCode"]))

	assert.JSONEq(t, reencode(t, theirs["body"]), reencode(t, mine))
	assert.JSONEq(t, string(example), reencode(t, mine), "the generated types drop nothing")
	require.NotNil(t, mine.Data)
	assert.Equal(t, "pa-d05f1tmm1hku195dd8j0", *mine.Data.PluginAttachmentID)
}

// The documented AttachPlugin example decodes to the same data through darabonba,
// cloudapi.AttachPluginResponse and the old SDK's response.
func TestResponseAttachPluginDecodesLikeDarabonbaAndOldSDK(t *testing.T) {
	example := responseExample(t, cloudapiSpec, "/#Action=AttachPlugin", http.MethodPost, "200")
	srv := newServer(t)
	srv.respond(http.StatusOK, example)
	in := attachInputs["all, one ApiIds"]

	mine, err := acsgenAttachPlugin(t, srv, plainKey, in)
	require.NoError(t, err)
	theirs, err := daraAttachPlugin(t, srv, plainKey, in)
	require.NoError(t, err)
	old, err := oldAttachPlugin(t, srv, in)
	require.NoError(t, err)

	assert.JSONEq(t, reencode(t, theirs["body"]), reencode(t, mine))
	assert.JSONEq(t, string(example), reencode(t, mine))
	require.NotNil(t, mine.RequestID)
	assert.Equal(t, old.RequestId, *mine.RequestID)
	assert.True(t, old.IsSuccess())
}
