package paramshapes_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/paramshapes"
	"github.com/acsgen/acsgen/internal/loopback"
)

const itemUUID = "0b6f3c1e-7a2d-4e5f-9c3b-1d2e3f4a5b6c"

// A union of scalars is sent as the text of the alternative that is set, in each
// place a string would go; a union of objects as the object that is set, in its
// style; the items of an array of any value ({}) are strings. kin-openapi decodes
// the text by trying the alternatives in order (anyOf: the first that parses;
// oneOf: the last), so "42" under anyOf [string, integer] reads back as the
// string "42", and 7 under oneOf [string, integer] as the number: either way the
// very text sent.
func TestUnionParamsOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).GetItem(context.Background(), &paramshapes.GetItemRequest{
		ID:       paramshapes.GetItemID{String: ptr(itemUUID)},
		Filter:   &paramshapes.GetItemFilter{Int64: ptr[int64](42)},
		Keys:     []paramshapes.Key{{String: ptr("x1")}, {String: ptr("a,b")}},
		Joined:   []paramshapes.Key{{String: ptr("p")}, {String: ptr("c")}},
		XFlag:    paramshapes.GetItemXFlag{Bool: ptr(true)},
		Anything: []string{"x", "1"},
		Range:    &paramshapes.Range{RangeVariant0: &paramshapes.RangeVariant0{From: 1, To: 9}},
		Where:    &paramshapes.Range{RangeVariant0: &paramshapes.RangeVariant0{From: 2, To: 3}},
		Pick:     &paramshapes.GetItemPick{Int64: ptr[int64](7)},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "/items/"+itemUUID, req.Path)
	assert.Equal(t, "anything=x&anything=1&filter=42&from=1&joined=p%2Cc&keys=x1&keys=a%2Cb&to=9&where%5Bfrom%5D=2&where%5Bto%5D=3", req.RawQuery)
	assert.Equal(t, "true", req.Header.Get("X-Flag"))
	assert.Equal(t, "pick=7", req.Header.Get("Cookie"))
	verifies(t, req)
	require.NoError(t, decodesAs(t, req.Request, "GetItem", map[string]string{
		"id": `"` + itemUUID + `"`, "filter": `"42"`, "keys": `["x1","a,b"]`, "joined": `["p","c"]`,
		"X-Flag": `true`, "anything": `["x","1"]`, "range": `{"from":1,"to":9}`, "where": `{"from":2,"to":3}`, "pick": `7`,
	}))
}

// The other alternatives go out the same way: a number in the path, a string in
// a cookie, the other object of a union. kin-openapi reads the union of objects
// as its first alternative whatever came, as acsgen's warning on it says, so the
// oracle checks that one in its place: net/url reads the members back.
func TestUnionParamsOtherAlternatives(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	_, err := client(t, srv.URL).GetItem(context.Background(), &paramshapes.GetItemRequest{
		ID:     paramshapes.GetItemID{Int64: ptr[int64](42)},
		Filter: &paramshapes.GetItemFilter{String: ptr("a b")},
		XFlag:  paramshapes.GetItemXFlag{Float64: ptr(1.5)},
		Range:  &paramshapes.Range{RangeVariant1: &paramshapes.RangeVariant1{After: "k", Limit: ptr[int64](5)}},
		Pick:   &paramshapes.GetItemPick{String: ptr("x;y")},
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "/items/42", req.Path)
	assert.Equal(t, "after=k&filter=a%20b&limit=5", req.RawQuery)
	assert.Equal(t, "1.5", req.Header.Get("X-Flag"))
	assert.Equal(t, "pick=x%3By", req.Header.Get("Cookie"))
	assert.Equal(t, []string{"k"}, req.Query["after"])
	assert.Equal(t, []string{"5"}, req.Query["limit"])
	require.NoError(t, decodesAs(t, req.Request, "GetItem", map[string]string{
		"id": `"42"`, "filter": `"a b"`, "X-Flag": `1.5`, "pick": `"x%3By"`, // kin-openapi does not percent-decode cookies
	}, withoutParam("range")))
	assert.ErrorContains(t, decodesAs(t, req.Request, "GetItem", nil), `parameter "range" in query has an error: doesn't match any schema from "anyOf"`)
}

// A label-style path array of unions is each item's text, after a dot, an
// item's own dot escaped (kin-openapi splits the unescaped segment, so the
// oracle's items have none).
func TestUnionPathArray(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	_, err := c.GetLabels(context.Background(), &paramshapes.GetLabelsRequest{
		Labels: []paramshapes.Key{{String: ptr("a.b")}, {Int64: ptr[int64](3)}},
	})
	require.NoError(t, err)
	assert.Equal(t, "/labels/.a%2Eb.3", srv.Last(t).Path)
	_, err = c.GetLabels(context.Background(), &paramshapes.GetLabelsRequest{
		Labels: []paramshapes.Key{{String: ptr("ab")}, {String: ptr("c")}},
	})
	require.NoError(t, err)
	require.NoError(t, decodesAs(t, srv.Last(t).Request, "GetLabels", map[string]string{"labels": `["ab","c"]`}))
}

// Validate() holds a union parameter to its alternatives' schemas, and a
// required one with no alternative set (or an empty text) is missing.
func TestUnionParamsValidated(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	var verr *acs.ValidationError
	_, err := c.GetItem(context.Background(), &paramshapes.GetItemRequest{XFlag: paramshapes.GetItemXFlag{Bool: ptr(false)}})
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/id: required parameter is missing")
	_, err = c.GetItem(context.Background(), &paramshapes.GetItemRequest{
		ID: paramshapes.GetItemID{String: ptr("")}, XFlag: paramshapes.GetItemXFlag{Bool: ptr(false)},
	})
	assert.ErrorContains(t, err, "/id: required parameter is missing")
	_, err = c.GetItem(context.Background(), &paramshapes.GetItemRequest{
		ID: paramshapes.GetItemID{Int64: ptr[int64](0)}, Filter: &paramshapes.GetItemFilter{String: ptr("123456789")},
	})
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/id")
	assert.ErrorContains(t, err, "/filter")
	assert.ErrorContains(t, err, "/X-Flag: required parameter is missing")
	assert.Empty(t, srv.Requests())
}

// A union field of a form body is its text, as a string field is.
func TestUnionFormField(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	_, err := c.PostForm(context.Background(), &paramshapes.PostFormRequest{Key: paramshapes.Key{Int64: ptr[int64](12)}})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "application/x-www-form-urlencoded", req.Header.Get("Content-Type"))
	assert.Equal(t, "key=12", string(req.Body))
	verifies(t, req)
	_, err = c.PostForm(context.Background(), &paramshapes.PostFormRequest{})
	assert.ErrorContains(t, err, "/key: required parameter is missing")
}
