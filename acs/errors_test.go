package acs_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// callOnce makes one call, without retries, to a server that answers with h.
func callOnce(t *testing.T, method string, h http.Handler) error {
	t.Helper()
	c := newClient(t, h, acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}))
	err := c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: method, Path: "/v1/things/1"}, nil)
	require.Error(t, err)
	return err
}

func asError(t *testing.T, err error) *acs.Error {
	t.Helper()
	var e *acs.Error
	require.ErrorAs(t, err, &e, "%v", err)
	return e
}

func TestRPCErrorBody(t *testing.T) {
	// CloudAPI (RPC) answers with PascalCase keys.
	body := `{"RequestId":"8A2E9CF3-3F8F-5B4C-9D0E-1E2F3A4B5C6D","HostId":"apigateway.cn-hangzhou.aliyuncs.com",` +
		`"Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource.",` +
		`"Recommend":"https://api.alibabacloud.com/troubleshoot?q=Forbidden.RAM&product=CloudAPI",` +
		`"AccessDeniedDetail":{"PolicyType":"AccountLevelIdentityBasedPolicy","AuthAction":"apigateway:AttachPlugin"}}`
	err := callOnce(t, http.MethodPost, reply(http.StatusForbidden, body, "x-acs-request-id", "HEADER-ID"))
	e := asError(t, err)
	assert.Equal(t, http.StatusForbidden, e.StatusCode)
	assert.Equal(t, "Forbidden.RAM", e.Code)
	assert.Equal(t, "User not authorized to operate on the specified resource.", e.Message)
	assert.Equal(t, "8A2E9CF3-3F8F-5B4C-9D0E-1E2F3A4B5C6D", e.RequestID, "the body's id wins over the header")
	assert.Equal(t, "apigateway.cn-hangzhou.aliyuncs.com", e.HostID)
	assert.Equal(t, "https://api.alibabacloud.com/troubleshoot?q=Forbidden.RAM&product=CloudAPI", e.Recommend)
	assert.JSONEq(t, `{"PolicyType":"AccountLevelIdentityBasedPolicy","AuthAction":"apigateway:AttachPlugin"}`, string(e.AccessDeniedDetail))
	assert.Equal(t, "GetThing", e.Operation)
	assert.Empty(t, e.Excerpt)
	assert.NoError(t, e.Unwrap())
	assert.False(t, acs.IsThrottling(err))
	assert.False(t, acs.IsNotFound(err))
	assert.Equal(t, "acs: GetThing: HTTP 403 Forbidden.RAM: User not authorized to operate on the specified resource. "+
		"(request 8A2E9CF3-3F8F-5B4C-9D0E-1E2F3A4B5C6D)", err.Error())
}

func TestROAErrorBody(t *testing.T) {
	// APIG (ROA) answers with camelCase keys.
	body := `{"requestId":"3B5E5B2E-7A9C-5F0D-8C51-6B0E1A2C3D4F","code":"NotFound.PluginAttachment",` +
		`"message":"The specified plugin attachment pa-1 does not exist.","accessDeniedDetail":null}`
	err := callOnce(t, http.MethodGet, reply(http.StatusNotFound, body))
	e := asError(t, err)
	assert.Equal(t, http.StatusNotFound, e.StatusCode)
	assert.Equal(t, "NotFound.PluginAttachment", e.Code)
	assert.Equal(t, "The specified plugin attachment pa-1 does not exist.", e.Message)
	assert.Equal(t, "3B5E5B2E-7A9C-5F0D-8C51-6B0E1A2C3D4F", e.RequestID)
	assert.Nil(t, e.AccessDeniedDetail, "null detail is no detail")
	assert.True(t, acs.IsNotFound(err))
	assert.False(t, acs.IsThrottling(err))
	assert.Equal(t, "acs: GetThing: HTTP 404 NotFound.PluginAttachment: The specified plugin attachment pa-1 does not exist. "+
		"(request 3B5E5B2E-7A9C-5F0D-8C51-6B0E1A2C3D4F)", err.Error())
}

func TestRequestIDFromHeaderWhenBodyHasNone(t *testing.T) {
	err := callOnce(t, http.MethodGet, reply(http.StatusBadRequest, `{"Code":"InvalidParameter","Message":"bad"}`, "x-acs-request-id", "HDR-1"))
	assert.Equal(t, "HDR-1", asError(t, err).RequestID)
}

func TestErrorClassification(t *testing.T) {
	for _, tc := range []struct {
		status             int
		code               string
		throttled, missing bool
	}{
		{400, "Throttling", true, false},
		{400, "Throttling.User", true, false},
		{400, "Throttling.Api", true, false},
		{429, "", true, false},
		{503, "ServiceUnavailable", true, false},
		{400, "InvalidParameter", false, false},
		{500, "InternalError", false, false},
		{404, "", false, true},
		{400, "InvalidGroupId.NotFound", false, true},
		{400, "NotFoundApiGroup", false, true},
		{404, "NotFound.PluginAttachment", false, true},
		{403, "Forbidden", false, false},
	} {
		t.Run(fmt.Sprintf("%d %s", tc.status, tc.code), func(t *testing.T) {
			err := callOnce(t, http.MethodPost, reply(tc.status, fmt.Sprintf(`{"Code":%q,"Message":"m"}`, tc.code)))
			assert.Equal(t, tc.throttled, acs.IsThrottling(err), "IsThrottling")
			assert.Equal(t, tc.missing, acs.IsNotFound(err), "IsNotFound")
			assert.Equal(t, tc.throttled, asError(t, err).Throttled())
			// Wrapping keeps the classification.
			wrapped := fmt.Errorf("attach: %w", err)
			assert.Equal(t, tc.throttled, acs.IsThrottling(wrapped))
			assert.Equal(t, tc.missing, acs.IsNotFound(wrapped))
		})
	}
	assert.False(t, acs.IsThrottling(errors.New("Throttling")))
	assert.False(t, acs.IsNotFound(errors.New("NotFound")))
	assert.False(t, acs.IsThrottling(nil))
}

func TestNonJSONErrorBodies(t *testing.T) {
	html := "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>" +
		strings.Repeat("<!-- padding -->", 40) + "</body></html>"
	for _, tc := range []struct {
		name    string
		status  int
		body    string
		ctype   string
		message string
		excerpt string
	}{
		{"HTML", http.StatusBadGateway, html, "text/html", "the error body is not a JSON object", html[:200] + "…"},
		{"plain text", http.StatusForbidden, "Forbidden\n", "text/plain", "the error body is not a JSON object", "Forbidden\n"},
		{"empty", http.StatusUnauthorized, "", "text/plain", "empty error body", ""},
		{"JSON array", http.StatusBadRequest, `["not","an","object"]`, "application/json", "the error body is not a JSON object", `["not","an","object"]`},
		{"JSON null", http.StatusBadRequest, `null`, "application/json", "the error body is not a JSON object", `null`},
		{"XML that is not an error", http.StatusBadRequest, `<Fault><Code>X</Code></Fault>`, "text/xml;charset=utf-8", "the XML error body does not decode", `<Fault><Code>X</Code></Fault>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := callOnce(t, http.MethodPost, reply(tc.status, tc.body, "Content-Type", tc.ctype, "x-acs-request-id", "REQ-"+tc.name))
			e := asError(t, err)
			assert.Equal(t, tc.status, e.StatusCode)
			assert.Equal(t, "REQ-"+tc.name, e.RequestID)
			assert.Empty(t, e.Code)
			assert.Equal(t, tc.message, e.Message)
			assert.Equal(t, tc.excerpt, e.Excerpt)
			assert.LessOrEqual(t, len(e.Excerpt), 200+len("…"))
			assert.Contains(t, err.Error(), fmt.Sprintf("HTTP %d", tc.status))
			assert.Contains(t, err.Error(), "(request REQ-"+tc.name+")")
		})
	}
}

func TestExcerptCutsAtCharacterBoundary(t *testing.T) {
	body := strings.Repeat("é", 150) // 300 bytes, two per rune
	e := asError(t, callOnce(t, http.MethodGet, reply(http.StatusBadGateway, body, "Content-Type", "text/plain")))
	assert.Equal(t, strings.Repeat("é", 100)+"…", e.Excerpt)

	body = "x" + strings.Repeat("é", 150) // the 200-byte cut falls inside a rune
	e = asError(t, callOnce(t, http.MethodGet, reply(http.StatusBadGateway, body, "Content-Type", "text/plain")))
	assert.Equal(t, "x"+strings.Repeat("é", 99)+"…", e.Excerpt)
}

func TestErrorString(t *testing.T) {
	for _, tc := range []struct {
		e    acs.Error
		want string
	}{
		{acs.Error{StatusCode: 500}, "acs: HTTP 500"},
		{acs.Error{StatusCode: 400, Operation: "AttachPlugin", Code: "MissingParameter"}, "acs: AttachPlugin: HTTP 400 MissingParameter"},
		{acs.Error{StatusCode: 400, Code: "C", Message: "m", RequestID: "r"}, "acs: HTTP 400 C: m (request r)"},
		{acs.Error{StatusCode: 502, Operation: "Op", Message: "the error body is not a JSON object", Excerpt: "<html>\n"},
			`acs: Op: HTTP 502: the error body is not a JSON object; body starts "<html>\n"`},
	} {
		assert.Equal(t, tc.want, tc.e.Error())
	}
}

// An XML error body (text/xml, as darabonba reads it) gives the same *acs.Error
// as its JSON twin, and a Description is kept from either, in either letter case.
func TestXMLAndDescriptionInErrorBodies(t *testing.T) {
	xmlBody := `<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>R-1</RequestId><HostId>h.example</HostId>` +
		`<Code>Forbidden.RAM</Code><Message>User not authorized &amp; denied</Message><Recommend>https://r</Recommend>` +
		`<Description>The RAM user lacks the permission.</Description></Error>`
	for _, tc := range []struct{ name, body, ctype string }{
		{"XML", xmlBody, "text/xml;charset=utf-8"},
		{"application/xml", xmlBody, "application/xml"},
		{"JSON", `{"RequestId":"R-1","HostId":"h.example","Code":"Forbidden.RAM","Message":"User not authorized & denied","Recommend":"https://r","Description":"The RAM user lacks the permission."}`, "application/json"},
		{"JSON, camel case", `{"requestId":"R-1","hostId":"h.example","code":"Forbidden.RAM","message":"User not authorized & denied","recommend":"https://r","description":"The RAM user lacks the permission."}`, "application/json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := asError(t, callOnce(t, http.MethodPost, reply(http.StatusForbidden, tc.body, "Content-Type", tc.ctype)))
			assert.Equal(t, http.StatusForbidden, e.StatusCode)
			assert.Equal(t, "Forbidden.RAM", e.Code)
			assert.Equal(t, "User not authorized & denied", e.Message)
			assert.Equal(t, "R-1", e.RequestID)
			assert.Equal(t, "h.example", e.HostID)
			assert.Equal(t, "https://r", e.Recommend)
			assert.Equal(t, "The RAM user lacks the permission.", e.Description)
			assert.Empty(t, e.Excerpt)
		})
	}
}
