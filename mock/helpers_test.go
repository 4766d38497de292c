package mock_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
	"github.com/acsgen/acsgen/mock"
)

// Test access keys the mock knows. They grant nothing anywhere.
const (
	keyID     = "LTAI5tMockTestKey0000001"
	keySecret = "mock-test-secret-0123456789"
	apigSpec  = "../spec/apig-2024-03-27.yaml"
	cloudSpec = "../spec/cloudapi-2016-07-14.yaml"
	roaCase   = "../generator/internal/cases/plainroa/spec.yaml"
	getPath   = "/v1/plugin-attachments/{pluginAttachmentId}"
	attachKey = "/#Action=AttachPlugin"
)

func specSet(t testing.TB, files ...string) *contract.Set {
	t.Helper()
	if len(files) == 0 {
		files = []string{apigSpec, cloudSpec}
	}
	set, err := contract.Load(files)
	require.NoError(t, err)
	return set
}

// start serves a mock on loopback; verify turns signature checking on with the test key.
func start(t testing.TB, set *contract.Set, opts mock.Options) *httptest.Server {
	t.Helper()
	s, err := mock.New(set, opts)
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return srv
}

func verifying() mock.Options { return mock.Options{AccessKeyID: keyID, AccessKeySecret: keySecret} }

func clientOptions(srv *httptest.Server, secret string) []acs.Option {
	return []acs.Option{
		acs.WithEndpoint(srv.URL),
		acs.WithCredentials(acs.StaticCredentials(keyID, secret, "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
		acs.WithHTTPClient(srv.Client()),
	}
}

func apigClient(t testing.TB, srv *httptest.Server, secret string) *apig.Client {
	t.Helper()
	c, err := apig.NewClient(clientOptions(srv, secret)...)
	require.NoError(t, err)
	return c
}

func cloudClient(t testing.TB, srv *httptest.Server, secret string) *cloudapi.Client {
	t.Helper()
	c, err := cloudapi.NewClient(clientOptions(srv, secret)...)
	require.NoError(t, err)
	return c
}

// exampleOf is the documented example of an operation's 200 response, decoded.
func exampleOf(t testing.TB, spec, path, method string) map[string]any {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile(spec)
	require.NoError(t, err)
	ex := doc.Paths.Value(path).GetOperation(strings.ToUpper(method)).Responses.Value("200").Value.Content.Get("application/json").Example
	b, err := json.Marshal(ex)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// raw sends an unsigned request and returns status, header and the decoded JSON body.
func raw(t testing.TB, srv *httptest.Server, method, path string) (int, http.Header, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, nil)
	require.NoError(t, err)
	if strings.HasPrefix(path, "/?") {
		req.Header.Set("x-acs-version", "2016-07-14")
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var body map[string]any
	require.NoError(t, json.Unmarshal(b, &body), "%s", b)
	return resp.StatusCode, resp.Header, body
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
