package mock_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/mock"
)

const stylesSpec = "../generator/internal/cases/styles/spec.yaml"

// The mock reads parameters in Alibaba's styles as the service does: flattened
// lists and objects, json values and form fields pass when they fit their schemas
// and are refused by their wire names when they do not.
func TestStyledParameters(t *testing.T) {
	srv := start(t, specSet(t, stylesSpec), mock.Options{})
	call := func(action, query, form string) (int, map[string]any) {
		t.Helper()
		req, err := http.NewRequest("POST", srv.URL+"/?"+query, strings.NewReader(form))
		require.NoError(t, err)
		req.Header.Set("x-acs-action", action)
		req.Header.Set("x-acs-version", "2021-01-01")
		if form != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		return do(t, srv, req)
	}
	status, body := call("TagResources", "RegionId=cn&ResourceId.1=a&ResourceId.2=b&Tag.1.Key=k&Tag.1.Value=v", "")
	assert.Equal(t, 200, status, "%v", body)
	status, body = call("CreateRule", "Rule.1.Name=a&Rule.1.Ports.1=80&Filter.Status=Active&Config="+url.QueryEscape(`{"Enabled":true}`), "")
	assert.Equal(t, 200, status, "%v", body)
	status, body = call("CreateWidget", "RegionId=cn", "Name=w&Size=3&Tag.1.Key=k&Zone.Id=z")
	assert.Equal(t, 200, status, "%v", body)

	for _, c := range []struct{ action, query, form, code, message string }{
		{"TagResources", "RegionId=cn&Tag.1.Key=k", "", "MissingParameter", `"ResourceId"`},
		{"TagResources", "RegionId=cn&ResourceId.1=a&Tag.1.Value=v", "", "InvalidParameter", `"Tag" is not valid: /Tag/0/Key`},
		{"CreateRule", "Rule.1.Ports.1=eighty", "", "InvalidParameter", `/Rule/0/Ports/0`},
		{"CreateRule", "Rule.1.Name=a&Filter.Status=Active&Config=%7B", "", "InvalidParameter", `"Config" is not valid`},
		{"CreateWidget", "RegionId=cn", "Size=3", "MissingParameter", `"Name"`},
		{"CreateWidget", "RegionId=cn", "Name=w&Size=big", "InvalidParameter", `"Size"`},
	} {
		status, body := call(c.action, c.query, c.form)
		assert.Equal(t, 400, status, "%s %s %s", c.action, c.query, c.form)
		assert.Equal(t, c.code, body["Code"], "%s %s %s: %v", c.action, c.query, c.form, body)
		assert.Contains(t, body["Message"], c.message)
	}
}

func do(t *testing.T, srv interface{ Client() *http.Client }, req *http.Request) (int, map[string]any) {
	t.Helper()
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var body map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	return resp.StatusCode, body
}
