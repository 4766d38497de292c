// Package wireoracle is the differential oracle of the generated clients' wire
// tests: kin-openapi's openapi3filter, given the request a loopback server
// received, must accept it and decode each parameter (and the body) to exactly
// the value the test sent.
package wireoracle

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/load"
)

// Body is the key of want that names the request body.
const Body = "body"

// Options tune what openapi3filter is given: ParamDecoder decodes parameters
// declared with content (openapi3filter's own reads application/json only);
// Drop names parameters left out of the route, ones kin-openapi cannot read
// that a test checks otherwise.
type Options struct {
	ParamDecoder openapi3filter.ContentParameterDecoder
	Drop         []string
}

// Decodes validates r, the request as a server received it for operation opID of
// the spec file, with openapi3filter.ValidateRequest. Each parameter named in want
// (and the body, under Body) gets an enum of the one value want gives as JSON, so
// validation passes only when kin-openapi reads that very value back: it compares
// numbers, arrays and objects as JSON values. Path parameters are matched against
// the template by escaped segment and unescaped, as a router hands them over.
func Decodes(t testing.TB, spec string, r *http.Request, opID string, want map[string]string, opts Options) error {
	t.Helper()
	loaded, err := load.File(spec) // with acsgen's stand-ins, as acsgen mock and contract load it
	require.NoError(t, err)
	route := find(t, loaded.Doc, opID)
	route.Operation.Parameters = slices.DeleteFunc(route.Operation.Parameters, func(p *openapi3.ParameterRef) bool {
		return slices.Contains(opts.Drop, p.Value.Name)
	})
	seen := map[string]bool{}
	for _, pr := range route.Operation.Parameters {
		p := pr.Value
		if text, ok := want[p.Name]; ok {
			seen[p.Name] = true
			ref := &p.Schema
			if p.Schema == nil {
				for _, mt := range p.Content {
					ref = &mt.Schema
				}
			}
			pin(t, ref, text)
		}
	}
	if text, ok := want[Body]; ok {
		seen[Body] = true
		rb := route.Operation.RequestBody
		require.NotNil(t, rb, "operation %s has no request body", opID)
		for _, mt := range rb.Value.Content {
			pin(t, &mt.Schema, text)
		}
	}
	for name := range want {
		require.True(t, seen[name], "operation %s has no parameter %s", opID, name)
	}
	return openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request: r, PathParams: pathParams(t, route.Path, r.URL.EscapedPath()), Route: route,
		ParamDecoder: opts.ParamDecoder,
		Options:      &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	})
}

func find(t testing.TB, doc *openapi3.T, opID string) *routers.Route {
	t.Helper()
	for tmpl, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.OperationID == opID {
				return &routers.Route{Spec: doc, Path: tmpl, PathItem: item, Method: method, Operation: op}
			}
		}
	}
	require.FailNow(t, "no operation "+opID)
	return nil
}

// pin replaces *ref by a copy of its schema whose enum is the one value text.
func pin(t testing.TB, ref **openapi3.SchemaRef, text string) {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal([]byte(text), &v), text)
	s := *(*ref).Value // a copy: components stay as they are
	s.Enum = []any{v}
	*ref = &openapi3.SchemaRef{Value: &s}
}

func pathParams(t testing.TB, tmpl, escaped string) map[string]string {
	t.Helper()
	params := map[string]string{}
	want, got := strings.Split(tmpl, "/"), strings.Split(escaped, "/")
	require.Len(t, got, len(want), escaped)
	for i, seg := range want {
		if name, ok := strings.CutPrefix(seg, "{"); ok {
			v, err := url.PathUnescape(got[i])
			require.NoError(t, err)
			params[strings.TrimSuffix(name, "}")] = v
		}
	}
	return params
}
