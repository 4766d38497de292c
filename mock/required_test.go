package mock_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/mock"
)

const tenantsSpec = "../contract/testdata/emptyrequired.yaml"

// A required parameter sent empty is answered as one not sent: 400
// MissingParameter, the message Alibaba gives, the product's error shape.
func TestEmptyRequiredParameterIsMissingParameter(t *testing.T) {
	srv := start(t, specSet(t), mock.Options{})
	for _, q := range []string{"PluginId=&StageName=TEST", "StageName=TEST", "PluginId=&PluginId=&StageName=TEST"} {
		status, header, body := raw(t, srv, "POST", "/?Action=AttachPlugin&"+q)
		assert.Equal(t, 400, status, q)
		assert.Equal(t, "MissingParameter", body["Code"], q)
		assert.Equal(t, `The input parameter "PluginId" that is mandatory for processing this request is not supplied.`, body["Message"], q)
		assert.Equal(t, header.Get("X-Acs-Request-Id"), body["RequestId"], q)
	}
	// An empty enum value is missing too, not a value outside the enum.
	_, _, body := raw(t, srv, "POST", "/?Action=AttachPlugin&PluginId=p&StageName=")
	assert.Equal(t, "MissingParameter", body["Code"])
	assert.Contains(t, body["Message"], `"StageName"`)
	// An optional parameter may be sent empty.
	status, _, body := raw(t, srv, "POST", "/?Action=AttachPlugin&PluginId=p&StageName=TEST&GroupId=")
	assert.Equal(t, 200, status, "%v", body)
}

func TestEmptyRequiredROAParameterIsMissingParameter(t *testing.T) {
	srv := start(t, specSet(t, tenantsSpec), mock.Options{})
	get := func(path, token string) (int, map[string]any) {
		t.Helper()
		req, err := http.NewRequest("GET", srv.URL+path, nil)
		require.NoError(t, err)
		req.Header["X-Tenant-Token"] = []string{token}
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var body map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
		return resp.StatusCode, body
	}
	status, body := get("/tenants/t1/items?kind=a&note=", "tok")
	assert.Equal(t, 200, status, "%v", body)
	for _, tc := range []struct{ path, token, param string }{
		{"/tenants//items?kind=a", "tok", "tenantId"},
		{"/tenants/t1/items?kind=", "tok", "kind"},
		{"/tenants/t1/items?kind=a", "", "X-Tenant-Token"},
	} {
		status, body := get(tc.path, tc.token)
		assert.Equal(t, 400, status, tc.param)
		assert.ElementsMatch(t, []string{"requestId", "code", "message"}, keys(body))
		assert.Equal(t, "MissingParameter", body["code"], tc.param)
		assert.Contains(t, body["message"], `"`+tc.param+`"`)
	}
}
