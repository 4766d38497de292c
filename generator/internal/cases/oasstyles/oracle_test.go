package oasstyles_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/stretchr/testify/require"
)

// decodesAs is the differential oracle of the wire tests: kin-openapi's
// openapi3filter.ValidateRequest must accept r, the request as a server received
// it for operation opID, and decode each parameter named in want to the value
// want gives as JSON. Each of those parameters' schemas gets an enum of that one
// value, so validation passes only when kin-openapi reads the very value back
// (it compares numbers, arrays and objects as JSON values).
//
// Path parameters are matched against the template by escaped segment and
// unescaped, as a router hands them over.
func decodesAs(t *testing.T, r *http.Request, opID string, want map[string]string) error {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	var route *routers.Route
	for tmpl, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.OperationID == opID {
				route = &routers.Route{Spec: doc, Path: tmpl, PathItem: item, Method: method, Operation: op}
			}
		}
	}
	require.NotNil(t, route, opID)
	seen := map[string]bool{}
	for _, pr := range route.Operation.Parameters {
		p := pr.Value
		text, ok := want[p.Name]
		if !ok {
			continue
		}
		seen[p.Name] = true
		var v any
		require.NoError(t, json.Unmarshal([]byte(text), &v), p.Name)
		ref := &p.Schema
		if p.Schema == nil {
			ref = &p.Content.Get("application/json").Schema
		}
		s := *(*ref).Value // a copy: components stay as they are
		s.Enum = []any{v}
		*ref = &openapi3.SchemaRef{Value: &s}
	}
	for name := range want {
		require.True(t, seen[name], "operation %s has no parameter %s", opID, name)
	}
	params := map[string]string{}
	tmpl, path := strings.Split(route.Path, "/"), strings.Split(r.URL.EscapedPath(), "/")
	require.Len(t, path, len(tmpl), r.URL.EscapedPath())
	for i, seg := range tmpl {
		if name, ok := strings.CutPrefix(seg, "{"); ok {
			params[strings.TrimSuffix(name, "}")], err = url.PathUnescape(path[i])
			require.NoError(t, err)
		}
	}
	return openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request: r, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	})
}
