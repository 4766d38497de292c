package interop_test

import (
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

const (
	apigSpec     = "apig-2024-03-27.yaml"
	cloudapiSpec = "cloudapi-2016-07-14.yaml"
)

var (
	specMu sync.Mutex
	specs  = map[string]*openapi3.T{}
)

// loadSpec reads spec/<name> with kin-openapi, once per test binary.
func loadSpec(t *testing.T, name string) *openapi3.T {
	t.Helper()
	specMu.Lock()
	defer specMu.Unlock()
	if doc, ok := specs[name]; ok {
		return doc
	}
	doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join("..", "spec", name))
	require.NoError(t, err)
	specs[name] = doc
	return doc
}

// jsonExample is the JSON text of a media type's documented example.
func jsonExample(t *testing.T, resp *openapi3.ResponseRef, where string) []byte {
	t.Helper()
	require.NotNil(t, resp, "%s: no such response", where)
	mt := resp.Value.Content.Get("application/json")
	require.NotNil(t, mt, "%s: no application/json content", where)
	require.NotNil(t, mt.Example, "%s: no example", where)
	b, err := json.Marshal(mt.Example)
	require.NoError(t, err)
	return b
}

// responseExample is the example body of an operation's response to status.
func responseExample(t *testing.T, spec, path, method, status string) []byte {
	t.Helper()
	item := loadSpec(t, spec).Paths.Value(path)
	require.NotNil(t, item, "%s: no path %s", spec, path)
	op := item.GetOperation(method)
	require.NotNil(t, op, "%s: no %s %s", spec, method, path)
	return jsonExample(t, op.Responses.Value(status), spec+" "+method+" "+path+" "+status)
}

// errorExample is the example body of the spec's shared Error response.
func errorExample(t *testing.T, spec string) []byte {
	t.Helper()
	return jsonExample(t, loadSpec(t, spec).Components.Responses["Error"], spec+" components.responses.Error")
}
