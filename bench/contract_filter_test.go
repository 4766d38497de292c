package bench

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/require"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"

	"github.com/acsgen/acsgen/contract"
)

// filterLoop is what a user would write without acsgen to check recordings:
// kin-openapi's openapi3filter behind its router, over the same specs. The
// router matches servers, methods and path templates; RPC calls, which all post
// to "/", are found by their x-acs-action header among the operation IDs.
type filterLoop struct {
	routers  legacy.Routers
	byAction map[string]*routers.Route
}

func newFilterLoop(tb testing.TB, specs ...string) *filterLoop {
	tb.Helper()
	l := &filterLoop{byAction: map[string]*routers.Route{}}
	for _, path := range specs {
		doc, err := openapi3.NewLoader().LoadFromFile(path)
		require.NoError(tb, err)
		r, err := legacy.NewRouter(doc, openapi3.DisableExamplesValidation())
		require.NoError(tb, err)
		l.routers = append(l.routers, r.(*legacy.Router))
		for p, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				l.byAction[op.OperationID] = &routers.Route{Spec: doc, Path: p, PathItem: item, Method: method, Operation: op}
			}
		}
	}
	return l
}

var filterOptions = &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true,
	AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}

// check validates one interaction's request and response and returns the
// number of errors.
func (l *filterLoop) check(ix contract.Interaction) int {
	req, err := http.NewRequest(ix.Method, ix.URL, bytes.NewReader(ix.Body))
	if err != nil {
		return 1
	}
	req.Header = ix.Header.Clone()
	_, route, params, err := l.routers.FindRoute(req)
	if err != nil {
		if route = l.byAction[req.Header.Get("x-acs-action")]; route == nil {
			return 1
		}
		params = map[string]string{}
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: filterOptions}
	errs := 0
	ctx := context.Background()
	if openapi3filter.ValidateRequest(ctx, in) != nil {
		errs++
	}
	header := ix.RespHeader
	if header == nil {
		header = http.Header{}
	}
	if openapi3filter.ValidateResponse(ctx, &openapi3filter.ResponseValidationInput{RequestValidationInput: in,
		Status: ix.Status, Header: header, Body: io.NopCloser(bytes.NewReader(ix.RespBody)), Options: filterOptions}) != nil {
		errs++
	}
	return errs
}

// loadCassette reads a cassette as such a user would: with go-vcr's own
// cassette.Load, its interactions made contract.Interactions for check.
func loadCassette(path string) ([]contract.Interaction, error) {
	c, err := cassette.Load(strings.TrimSuffix(path, ".yaml"))
	if err != nil {
		return nil, err
	}
	out := make([]contract.Interaction, len(c.Interactions))
	for i, in := range c.Interactions {
		out[i] = contract.Interaction{Method: in.Request.Method, URL: in.Request.URL, Header: in.Request.Headers,
			Body: []byte(in.Request.Body), Status: in.Response.Code, RespHeader: in.Response.Headers, RespBody: []byte(in.Response.Body)}
	}
	return out, nil
}

func TestFilterLoopChecksTheRecordings(t *testing.T) {
	l := newFilterLoop(t, apigSpec, cloudapiSpec)
	files := writeRecordings(t, t.TempDir(), 250)
	checked, errs, err := checkAllWith(loadCassette, l.check, files)
	require.NoError(t, err)
	require.EqualValues(t, 250, checked)
	require.Zero(t, errs, "the recordings of documented calls conform to kin-openapi too")
}
