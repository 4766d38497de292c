package mock_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/cloudapi"
	"github.com/acsgen/acsgen/mock"
)

func TestWrongSecretGetsSignatureDoesNotMatchWithStringToSign(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	_, err := cloudClient(t, srv, "not-the-secret").AttachPlugin(context.Background(),
		&cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST"})
	var ae *acs.Error
	require.True(t, errors.As(err, &ae), "%v", err)
	assert.Equal(t, 400, ae.StatusCode)
	assert.Equal(t, "SignatureDoesNotMatch", ae.Code)
	assert.Regexp(t, `server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$`, ae.Message)
	assert.NotContains(t, ae.Message, keySecret)
	assert.NotContains(t, ae.Message, "not-the-secret")
	assert.NotEmpty(t, ae.RequestID)

	// An unknown key ID is a different error.
	c, err := cloudapi.NewClient(acs.WithEndpoint(srv.URL), acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
		acs.WithCredentials(acs.StaticCredentials("LTAI5tSomeoneElse0000001", keySecret, "")))
	require.NoError(t, err)
	_, err = c.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST"})
	require.True(t, errors.As(err, &ae), "%v", err)
	assert.Equal(t, 404, ae.StatusCode)
	assert.Equal(t, "InvalidAccessKeyId.NotFound", ae.Code)
}

func TestUnsignedRequestIsRefusedWhenVerifying(t *testing.T) {
	srv := start(t, specSet(t), verifying())
	status, _, body := raw(t, srv, "POST", "/?PluginId=p&StageName=TEST&Action=AttachPlugin")
	assert.Equal(t, 400, status)
	assert.Equal(t, "IncompleteSignature", body["Code"])
}

func TestInvalidStageNameGetsTheRPCErrorShape(t *testing.T) {
	srv := start(t, specSet(t), mock.Options{})
	status, header, body := raw(t, srv, "POST", "/?Action=AttachPlugin&PluginId=p&StageName=PROD")
	assert.Equal(t, 400, status)
	assert.ElementsMatch(t, []string{"RequestId", "HostId", "Code", "Message", "Recommend"}, keys(body))
	assert.Equal(t, "InvalidParameter", body["Code"])
	assert.Contains(t, body["Message"], `"StageName"`)
	assert.Contains(t, body["Message"], "PROD")
	assert.Equal(t, header.Get("X-Acs-Request-Id"), body["RequestId"])
	assert.Regexp(t, `^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$`, body["RequestId"])
	assert.Equal(t, srv.Listener.Addr().String(), body["HostId"])
	assert.Contains(t, body["Recommend"], "q=InvalidParameter")
	assert.Contains(t, body["Recommend"], "product=CloudAPI")
	assert.Contains(t, body["Recommend"], "&q=InvalidParameter&")

	// The generated client decodes the same shape into *acs.Error (a signature the
	// mock refuses is an answer the client cannot prevent).
	_, err := cloudClient(t, start(t, specSet(t), verifying()), "not-the-secret").AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST"})
	var ae *acs.Error
	require.True(t, errors.As(err, &ae), "%v", err)
	assert.Equal(t, "SignatureDoesNotMatch", ae.Code)
	assert.NotEmpty(t, ae.HostID)
	assert.NotEmpty(t, ae.Recommend)
	// The PROD request itself never leaves the client: its own spec rejects it.
	_, err = cloudClient(t, srv, keySecret).AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "PROD"})
	var ve *acs.ValidationError
	require.ErrorAs(t, err, &ve)

	status, _, body = raw(t, srv, "POST", "/?Action=AttachPlugin&StageName=TEST")
	assert.Equal(t, 400, status)
	assert.Equal(t, "MissingParameter", body["Code"])
	assert.Equal(t, `The input parameter "PluginId" that is mandatory for processing this request is not supplied.`, body["Message"])
}

func TestROAErrorShape(t *testing.T) {
	srv := start(t, specSet(t, apigSpec, roaCase), mock.Options{})
	status, header, body := raw(t, srv, "GET", "/pets/p1/photos/not-a-number")
	assert.Equal(t, 400, status)
	assert.ElementsMatch(t, []string{"requestId", "code", "message"}, keys(body))
	assert.Equal(t, "InvalidParameter", body["code"])
	assert.Contains(t, body["message"], `"photoId"`)
	assert.Equal(t, header.Get("X-Acs-Request-Id"), body["requestId"])
}

func TestUnknownRouteIs404InTheProductShape(t *testing.T) {
	srv := start(t, specSet(t), mock.Options{})
	status, _, body := raw(t, srv, "POST", "/?Action=DetachEverything")
	assert.Equal(t, 404, status)
	assert.Equal(t, "InvalidAction.NotFound", body["Code"])
	assert.Contains(t, body["Message"], `"DetachEverything"`)
	assert.Contains(t, body["Recommend"], "product=CloudAPI", "the version names the product")

	status, header, body := raw(t, srv, "PATCH", "/v1/plugin-attachments/pa-1")
	assert.Equal(t, 404, status)
	assert.ElementsMatch(t, []string{"requestId", "code", "message"}, keys(body))
	assert.Equal(t, "InvalidAction.NotFound", body["code"])
	assert.Equal(t, header.Get("X-Acs-Request-Id"), body["requestId"])
}

func TestNewRefusesHalfACredential(t *testing.T) {
	_, err := mock.New(specSet(t), mock.Options{AccessKeyID: keyID})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "needs its secret")
}
