package acs_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

type color struct {
	R int  `json:"R"`
	G int  `json:"G"`
	B *int `json:"B,omitempty"`
}

// The rows of OpenAPI 3.0.3's style table for path parameters: id = 5,
// id = [3, 4, 5] and color = {R: 100, G: 200}.
func TestPathStyles(t *testing.T) {
	for _, tc := range []struct {
		style     string
		explode   bool
		prim, arr string
		obj       string
	}{
		{acs.StyleSimple, false, "5", "3,4,5", "R,100,G,200"},
		{acs.StyleSimple, true, "5", "3,4,5", "R=100,G=200"},
		{acs.StyleLabel, false, ".5", ".3,4,5", ".R,100,G,200"},
		{acs.StyleLabel, true, ".5", ".3.4.5", ".R=100.G=200"},
		{acs.StyleMatrix, false, ";id=5", ";id=3,4,5", ";color=R,100,G,200"},
		{acs.StyleMatrix, true, ";id=5", ";id=3;id=4;id=5", ";R=100;G=200"},
	} {
		assert.Equal(t, tc.prim, acs.PathParam(tc.style, "id", tc.explode, "5"), "%s %t", tc.style, tc.explode)
		assert.Equal(t, tc.arr, acs.PathParam(tc.style, "id", tc.explode, "3", "4", "5"), "%s %t", tc.style, tc.explode)
		got, err := acs.PathObject(tc.style, "color", tc.explode, color{R: 100, G: 200})
		require.NoError(t, err)
		assert.Equal(t, tc.obj, got, "%s %t", tc.style, tc.explode)
	}
}

// A value's own delimiters are percent-encoded, the style's are not; a "." of a
// label value is %2E; a segment is never a dot segment.
func TestPathStylesEscape(t *testing.T) {
	assert.Equal(t, ";id=a%2Cb;id=c%3Bd%3De", acs.PathParam(acs.StyleMatrix, "id", true, "a,b", "c;d=e"))
	assert.Equal(t, ".a%2Eb.c%2F", acs.PathParam(acs.StyleLabel, "id", true, "a.b", "c/"))
	assert.Equal(t, "%2E", acs.PathParam(acs.StyleLabel, "id", false, ""))
	assert.Equal(t, "%2E%2E", acs.PathParam(acs.StyleLabel, "id", true, "", ""))
	assert.Equal(t, ".%2E", acs.PathParam(acs.StyleLabel, "id", false, "."))
	assert.Equal(t, "%2E%2E", acs.PathParam(acs.StyleSimple, "id", false, ".."))
	assert.Equal(t, ";a%20b=x", acs.PathParam(acs.StyleMatrix, "a b", false, "x"))
	got, err := acs.PathObject(acs.StyleMatrix, "m", true, map[string]string{"k;1": "v=2", "x.y": "z"})
	require.NoError(t, err)
	assert.Equal(t, ";k%3B1=v%3D2;x.y=z", got)
	got, err = acs.PathObject(acs.StyleLabel, "m", true, map[string]string{"x.y": "z"})
	require.NoError(t, err)
	assert.Equal(t, ".x%2Ey=z", got)
}

func TestPathObjectMembers(t *testing.T) {
	b := 7
	got, err := acs.PathObject(acs.StyleSimple, "c", true, &color{R: 1, B: &b})
	require.NoError(t, err)
	assert.Equal(t, "R=1,G=0,B=7", got)
	got, err = acs.PathObject(acs.StyleMatrix, "c", false, (*color)(nil))
	require.NoError(t, err)
	assert.Equal(t, ";c=", got)
	_, err = acs.PathObject(acs.StyleSimple, "c", true, map[string][]int{"a": {1}})
	assert.ErrorContains(t, err, "parameter c")
	_, err = acs.PathObject(acs.StyleSimple, "c", true, 5)
	assert.ErrorContains(t, err, "not an object")
}

// Headers carry an object's members as they are.
func TestHeaderObject(t *testing.T) {
	got, err := acs.HeaderObject(true, color{R: 100, G: 200})
	require.NoError(t, err)
	assert.Equal(t, "R=100,G=200", got)
	got, err = acs.HeaderObject(false, map[string]string{"a b": "c/d"})
	require.NoError(t, err)
	assert.Equal(t, "a b,c/d", got)
}

// The query delimiters of OpenAPI 3.0.3's style table: form explode false
// color=blue,black,brown, spaceDelimited color=blue%20black%20brown, pipeDelimited
// color=blue|black|brown; items' own delimiters are percent-encoded.
func TestSetJoined(t *testing.T) {
	enc := url.Values{}
	acs.SetJoined(enc, "form", acs.SepForm, "blue", "a,b", "c|d")
	acs.SetJoined(enc, "space", acs.SepSpaceDelimited, "blue", "a b")
	acs.SetJoined(enc, "pipe", acs.SepPipeDelimited, "blue", "a|b", "")
	require.NoError(t, acs.SetJoinedObject(enc, "color", color{R: 100, G: 200}))
	require.NoError(t, acs.SetJoinedObject(enc, "none", nil))
	q := url.Values{"a": {"x y"}, "pipe": {"first"}}
	raw := acs.EncodeQueries(q, enc)
	assert.Equal(t, "a=x%20y&color=R,100,G,200&form=blue,a%2Cb,c%7Cd&pipe=first&pipe=blue|a%7Cb|&space=blue%20a%20b", raw)
	back, err := url.ParseQuery(raw)
	require.NoError(t, err)
	assert.Equal(t, []string{"blue,a,b,c|d"}, back["form"])
	assert.Equal(t, acs.EncodeQuery(q), acs.EncodeQueries(q, nil))
	assert.Empty(t, acs.EncodeQueries(nil, url.Values{}))
}

// Pre-encoded values cannot add pairs or break the query: what is not an
// unreserved character, a %XX escape or a delimiter is encoded.
func TestEncodeQueriesGuards(t *testing.T) {
	raw := acs.EncodeQueries(nil, url.Values{"k": {"a&b=c#d%zz%2c e"}})
	assert.Equal(t, "k=a%26b%3Dc%23d%25zz%2c%20e", raw)
	back, err := url.ParseQuery(raw)
	require.NoError(t, err)
	assert.Equal(t, []string{"a&b=c#d%zz, e"}, back["k"])
}

// The signature covers the decoded query, so literal delimiters sign as their
// escapes do.
func TestJoinedQuerySigns(t *testing.T) {
	assert.Equal(t, "ids=3%2C4&p=a%7Cb", acs.CanonicalQuery("ids=3,4&p=a|b"))
}

func TestContentParam(t *testing.T) {
	for v, want := range map[any]string{
		"abc":    `"abc"`,
		"<a&b>":  `"<a&b>"`,
		int64(5): `5`,
		true:     `true`,
	} {
		got, err := acs.ContentParam(v)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	got, err := acs.ContentParam(&color{R: 1, G: 2})
	require.NoError(t, err)
	assert.Equal(t, `{"R":1,"G":2}`, got)
	got, err = acs.ContentParam(nil)
	require.NoError(t, err)
	assert.Equal(t, `null`, got)
	_, err = acs.ContentParam(make(chan int))
	assert.ErrorContains(t, err, "acs: ContentParam")
}
