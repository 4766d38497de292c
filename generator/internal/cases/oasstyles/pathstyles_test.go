package oasstyles_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/internal/cases/oasstyles"
	"github.com/acsgen/acsgen/internal/loopback"
	"github.com/acsgen/acsgen/mock"
)

func verifies(t *testing.T, req loopback.Request) {
	t.Helper()
	verifier := acs.Verifier{Secret: func(string) (string, bool) { return "secret", true }}
	assert.NoError(t, verifier.Verify(req.Request, req.Body))
}

// Primitives in the path as OpenAPI 3.0.3's style table renders id = 5: simple 5,
// label .5, matrix ;id=5; a value's own characters are percent-encoded.
func TestPathPrimitivesOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).GetPrims(context.Background(), &oasstyles.GetPrimsRequest{S: 5, L: "a b;c", M: -7})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "/prims/5/.a%20b%3Bc/;m=-7", req.Path)
	verifies(t, req)
	require.NoError(t, decodesAs(t, req.Request, "GetPrims", map[string]string{"s": `5`, "l": `"a b;c"`, "m": `-7`}))
	// The oracle is not a rubber stamp.
	assert.Error(t, decodesAs(t, req.Request, "GetPrims", map[string]string{"m": `7`}))
}

// Arrays in the path, id = [3, 4, 5]: simple 3,4,5 with or without explode,
// label .3,4,5 or (explode) .3.4.5, matrix ;id=3,4,5 or (explode) ;id=3;id=4;id=5.
func TestPathArraysOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).GetArrays(context.Background(), &oasstyles.GetArraysRequest{
		S: []string{"a", "b c"}, Se: []int64{1, 2}, L: []string{"x", "y"}, Le: []int64{3, 4, 5},
		M: []int64{3, 4, 5}, Me: []string{"p", "q"},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "/arrays/a,b%20c/1,2/.x,y/.3.4.5/;m=3,4,5/;me=p;me=q", req.Path)
	verifies(t, req)
	require.NoError(t, decodesAs(t, req.Request, "GetArrays", map[string]string{
		"s": `["a","b c"]`, "se": `[1,2]`, "l": `["x","y"]`, "le": `[3,4,5]`, "m": `[3,4,5]`, "me": `["p","q"]`,
	}))
	assert.Error(t, decodesAs(t, req.Request, "GetArrays", map[string]string{"me": `["p;me=q"]`}))

	// A value's own comma is %2C, the delimiter is not.
	_, err = client(t, srv.URL).GetArrays(context.Background(), &oasstyles.GetArraysRequest{
		S: []string{"a,b"}, Se: []int64{1}, L: []string{"x.y"}, Le: []int64{3}, M: []int64{3}, Me: []string{"p;q"},
	})
	require.NoError(t, err)
	assert.Equal(t, "/arrays/a%2Cb/1/.x%2Ey/.3/;m=3/;me=p%3Bq", srv.Last(t).Path)

	_, err = client(t, srv.URL).GetArrays(context.Background(), &oasstyles.GetArraysRequest{S: []string{"a"}})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/se: required parameter is missing")
}

// Objects in the path, color = {R: 100, G: 200}: simple R,100,G,200 or (explode)
// R=100,G=200, label .R,100,G,200 or .R=100.G=200, matrix ;color=R,100,G,200 or
// ;R=100;G=200.
func TestPathObjectsOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	rgb := func() *oasstyles.Rgb { return &oasstyles.Rgb{R: 100, G: ptr[int32](200)} }
	_, err := client(t, srv.URL).GetObjects(context.Background(), &oasstyles.GetObjectsRequest{
		S: rgb(), Se: rgb(), L: rgb(), Le: rgb(), M: rgb(), Me: map[string]string{"k": "v w", "a": "b"},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "/objects/R,100,G,200/R=100,G=200/.R,100,G,200/.R=100.G=200/;m=R,100,G,200/;a=b;k=v%20w", req.Path)
	verifies(t, req)
	color := `{"R":100,"G":200}`
	require.NoError(t, decodesAs(t, req.Request, "GetObjects", map[string]string{
		"s": color, "se": color, "l": color, "le": color, "m": color, "me": `{"a":"b","k":"v w"}`,
	}))
	assert.Error(t, decodesAs(t, req.Request, "GetObjects", map[string]string{"le": `{"R":100}`}))

	_, err = client(t, srv.URL).GetObjects(context.Background(), &oasstyles.GetObjectsRequest{S: rgb(), Se: rgb(), L: rgb(), Le: rgb(), M: rgb()})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/me: required parameter is missing")
}

// Header arrays are style simple, one header line whatever explode says (the
// default is false): X-Tags: a,b,c, not a line per item. Objects are
// R,100,G,200, or R=100,G=200 with explode.
func TestHeadersOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).GetHeaders(context.Background(), &oasstyles.GetHeadersRequest{
		XTags: []string{"a", "b", "c"}, XIDs: []int64{1, -2},
		XColor: &oasstyles.Rgb{R: 100, G: ptr[int32](200)}, XColorExploded: &oasstyles.Rgb{R: 1, B: ptr[int32](3)},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, []string{"a,b,c"}, req.Header.Values("X-Tags"))
	assert.Equal(t, []string{"1,-2"}, req.Header.Values("X-Ids"))
	assert.Equal(t, []string{"R,100,G,200"}, req.Header.Values("X-Color"))
	assert.Equal(t, []string{"R=1,B=3"}, req.Header.Values("X-Color-Exploded"))
	verifies(t, req)
	require.NoError(t, decodesAs(t, req.Request, "GetHeaders", map[string]string{
		"X-Tags": `["a","b","c"]`, "X-Ids": `[1,-2]`, "X-Color": `{"R":100,"G":200}`, "X-Color-Exploded": `{"R":1,"B":3}`,
	}))
	assert.Error(t, decodesAs(t, req.Request, "GetHeaders", map[string]string{"X-Tags": `["a,b,c"]`}))

	_, err = client(t, srv.URL).GetHeaders(context.Background(), &oasstyles.GetHeadersRequest{})
	require.NoError(t, err)
	for _, h := range []string{"X-Tags", "X-Ids", "X-Color", "X-Color-Exploded"} {
		assert.Empty(t, srv.Last(t).Header.Values(h), h)
	}
}

// Parameters with content application/json carry their JSON text: percent-encoded
// in the path and the query, as it is in a header.
func TestContentParamsOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).GetContent(context.Background(), &oasstyles.GetContentRequest{
		Key: []string{"a/b", "c"}, Where: &oasstyles.Rgb{R: 1}, Name: ptr("x y&z"), XMeta: map[string]int64{"n": 1, "m": -2},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "/content/%5B%22a%2Fb%22%2C%22c%22%5D", req.Path)
	assert.Equal(t, "name=%22x%20y%26z%22&where=%7B%22R%22%3A1%7D", req.Request.URL.RawQuery)
	assert.Equal(t, []string{`{"m":-2,"n":1}`}, req.Header.Values("X-Meta"))
	verifies(t, req)
	require.NoError(t, decodesAs(t, req.Request, "GetContent", map[string]string{
		"key": `["a/b","c"]`, "where": `{"R":1}`, "name": `"x y&z"`, "X-Meta": `{"m":-2,"n":1}`,
	}))
	assert.Error(t, decodesAs(t, req.Request, "GetContent", map[string]string{"where": `{"R":2}`}))

	_, err = client(t, srv.URL).GetContent(context.Background(), &oasstyles.GetContentRequest{Key: []string{}, Name: ptr("much too long")})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/where: required parameter is missing")
	assert.ErrorContains(t, err, "/name")
}

// acsgen mock, which routes with acsgen's contract set and validates with
// kin-openapi, takes every request of these styles.
func TestPathStylesAgainstTheMock(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	m, err := mock.New(set, mock.Options{AccessKeyID: "id", AccessKeySecret: "secret"})
	require.NoError(t, err)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	c := client(t, srv.URL)
	ctx := context.Background()
	rgb := func() *oasstyles.Rgb { return &oasstyles.Rgb{R: 100, G: ptr[int32](200)} }
	_, err = c.GetPrims(ctx, &oasstyles.GetPrimsRequest{S: 5, L: "a", M: 7})
	assert.NoError(t, err)
	_, err = c.GetArrays(ctx, &oasstyles.GetArraysRequest{
		S: []string{"a", "b"}, Se: []int64{1, 2}, L: []string{"x", "y"}, Le: []int64{3, 4}, M: []int64{5, 6}, Me: []string{"p", "q"},
	})
	assert.NoError(t, err)
	_, err = c.GetObjects(ctx, &oasstyles.GetObjectsRequest{S: rgb(), Se: rgb(), L: rgb(), Le: rgb(), M: rgb(), Me: map[string]string{"k": "v"}})
	assert.NoError(t, err)
	_, err = c.GetHeaders(ctx, &oasstyles.GetHeadersRequest{XTags: []string{"a", "b"}, XIDs: []int64{1}, XColor: rgb(), XColorExploded: rgb()})
	assert.NoError(t, err)
	_, err = c.GetContent(ctx, &oasstyles.GetContentRequest{Key: []string{"a"}, Where: rgb(), Name: ptr("n"), XMeta: map[string]int64{"n": 1}})
	assert.NoError(t, err)
}
