package interop_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/acsgen/acsgen/acs"
	"github.com/alibabacloud-go/tea/tea"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errorFields are the parts of an error every client must agree on.
type errorFields struct {
	Code       string
	StatusCode int
	RequestID  string
}

// fromDarabonba reads a CallApi error: a *tea.SDKError whose Data is the error body
// re-encoded as JSON (the request ID is only there and inside Message).
func fromDarabonba(t *testing.T, err error) (errorFields, *tea.SDKError) {
	t.Helper()
	var se *tea.SDKError
	require.True(t, errors.As(err, &se), "darabonba returns *tea.SDKError, got %T: %v", err, err)
	var data map[string]any
	require.NoError(t, json.Unmarshal([]byte(tea.StringValue(se.Data)), &data))
	id, _ := data["RequestId"].(string)
	if id == "" {
		id, _ = data["requestId"].(string)
	}
	return errorFields{Code: tea.StringValue(se.Code), StatusCode: tea.IntValue(se.StatusCode), RequestID: id}, se
}

func fromAcsgen(t *testing.T, err error) (errorFields, *acs.Error) {
	t.Helper()
	var ae *acs.Error
	require.True(t, errors.As(err, &ae), "acsgen returns *acs.Error, got %T: %v", err, err)
	return errorFields{Code: ae.Code, StatusCode: ae.StatusCode, RequestID: ae.RequestID}, ae
}

func exampleFields(t *testing.T, body []byte, status int) (errorFields, map[string]string) {
	t.Helper()
	var m map[string]string
	require.NoError(t, json.Unmarshal(body, &m))
	id := m["requestId"] + m["RequestId"]
	return errorFields{Code: m["code"] + m["Code"], StatusCode: status, RequestID: id}, m
}

// A ROA (camelCase) 404 error body: same code, status and request ID through
// darabonba and acsgen.
func TestErrorROA404MatchesDarabonba(t *testing.T) {
	body := errorExample(t, apigSpec)
	want, m := exampleFields(t, body, http.StatusNotFound)
	require.NotEmpty(t, want.Code)
	require.NotEmpty(t, want.RequestID)
	srv := newServer(t)
	srv.respond(http.StatusNotFound, body)

	_, mineErr := acsgenGetPluginAttachment(t, srv, plainKey, "pa-cvl541em1hkk7n8vq810")
	mine, ae := fromAcsgen(t, mineErr)
	_, err := daraGetPluginAttachment(t, srv, plainKey, "pa-cvl541em1hkk7n8vq810")
	theirs, se := fromDarabonba(t, err)

	assert.Equal(t, want, theirs)
	assert.Equal(t, theirs, mine)
	assert.Equal(t, m["message"], ae.Message)
	// darabonba folds status, message and request ID into one text.
	assert.Equal(t, "code: 404, "+m["message"]+" request id: "+want.RequestID, tea.StringValue(se.Message))
	assert.True(t, acs.IsNotFound(mineErr))
	assert.Equal(t, "GetPluginAttachment", ae.Operation)
}

// An RPC (PascalCase) 400 error body: same code, status and request ID through
// darabonba, acsgen and the old SDK, which also reads HostId and Recommend.
func TestErrorRPC400MatchesDarabonbaAndOldSDK(t *testing.T) {
	body := errorExample(t, cloudapiSpec)
	want, m := exampleFields(t, body, http.StatusBadRequest)
	require.NotEmpty(t, want.Code)
	require.NotEmpty(t, want.RequestID)
	srv := newServer(t)
	srv.respond(http.StatusBadRequest, body)
	in := attachInputs["required only"]

	_, mineErr := acsgenAttachPlugin(t, srv, plainKey, in)
	mine, ae := fromAcsgen(t, mineErr)
	_, err := daraAttachPlugin(t, srv, plainKey, in)
	theirs, se := fromDarabonba(t, err)
	_, err = oldAttachPlugin(t, srv, in)
	var old *sdkerrors.ServerError
	require.True(t, errors.As(err, &old), "the old SDK returns *errors.ServerError, got %T: %v", err, err)

	assert.Equal(t, want, theirs)
	assert.Equal(t, theirs, mine)
	assert.Equal(t, errorFields{Code: old.ErrorCode(), StatusCode: old.HttpStatus(), RequestID: old.RequestId()}, mine)
	assert.Equal(t, m["Message"], ae.Message)
	assert.Equal(t, old.Message(), ae.Message)
	assert.Equal(t, old.HostId(), ae.HostID)
	assert.Equal(t, old.Recommend(), ae.Recommend)
	assert.Equal(t, "code: 400, "+m["Message"]+" request id: "+want.RequestID, tea.StringValue(se.Message))
	assert.False(t, acs.IsThrottling(mineErr))
}

// An XML error body (text/xml;charset=utf-8, the one content type darabonba parses
// as XML) and a Description: the same code, status, request ID and description
// through darabonba and acsgen.
func TestErrorXMLWithDescriptionMatchesDarabonba(t *testing.T) {
	srv := newServer(t)
	srv.mu.Lock()
	srv.contentType = "text/xml;charset=utf-8"
	srv.mu.Unlock()
	srv.respond(http.StatusForbidden, []byte(`<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>7E1A-XML</RequestId>`+
		`<HostId>apigateway.cn-hangzhou.aliyuncs.com</HostId><Code>Forbidden.NoPermission</Code>`+
		`<Message>not allowed</Message><Description>The caller may not bind plug-ins.</Description></Error>`))
	in := attachInputs["required only"]

	_, mineErr := acsgenAttachPlugin(t, srv, plainKey, in)
	var ae *acs.Error
	require.True(t, errors.As(mineErr, &ae), "%T: %v", mineErr, mineErr)
	_, err := daraAttachPlugin(t, srv, plainKey, in)
	var se *tea.SDKError
	require.True(t, errors.As(err, &se), "%T: %v", err, err)

	assert.Equal(t, tea.StringValue(se.Code), ae.Code)
	assert.Equal(t, "Forbidden.NoPermission", ae.Code)
	assert.Equal(t, tea.IntValue(se.StatusCode), ae.StatusCode)
	assert.Equal(t, "7E1A-XML", ae.RequestID)
	assert.Contains(t, tea.StringValue(se.Message), "request id: 7E1A-XML")
	assert.Equal(t, tea.StringValue(se.Description), ae.Description)
	assert.Equal(t, "The caller may not bind plug-ins.", ae.Description)
	assert.Equal(t, "not allowed", ae.Message)
}
