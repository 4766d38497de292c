package acs_test

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

type rgb struct {
	R    int     `json:"R"`
	G    float64 `json:"G"`
	Name *string `json:"name,omitempty"`
	On   bool    `json:"on"`
}

// The examples of OpenAPI 3.0's style table (color = {R: 100, G: 200, B: 150}),
// percent-encoded as the runtime encodes every query.
func TestObjectParamStyles(t *testing.T) {
	name := "a b"
	v := &rgb{R: 100, G: 1.5, Name: &name, On: true}
	for _, tc := range []struct {
		style   string
		explode bool
		want    string
	}{
		{acs.StyleForm, true, "G=1.5&R=100&name=a%20b&on=true"},
		{acs.StyleForm, false, "color=R%2C100%2CG%2C1.5%2Cname%2Ca%20b%2Con%2Ctrue"},
		{acs.StyleDeepObject, true, "color%5BG%5D=1.5&color%5BR%5D=100&color%5Bname%5D=a%20b&color%5Bon%5D=true"},
	} {
		q := url.Values{}
		require.NoError(t, acs.ObjectParam(q, "color", tc.style, tc.explode, v))
		assert.Equal(t, tc.want, acs.EncodeQuery(q), tc.style)
	}
	q := url.Values{}
	require.NoError(t, acs.ObjectParam(q, "color", acs.StyleForm, false, map[string]string{"b": "2", "a": "1"}))
	assert.Equal(t, []string{"a,1,b,2"}, q["color"], "a map's members by key")
}

func TestObjectParamNothingAndErrors(t *testing.T) {
	q := url.Values{}
	require.NoError(t, acs.ObjectParam(q, "c", acs.StyleDeepObject, true, (*rgb)(nil)))
	require.NoError(t, acs.ObjectParam(q, "c", acs.StyleForm, false, map[string]string{}))
	require.NoError(t, acs.ObjectParam(q, "c", acs.StyleForm, false, map[string]*string{"a": nil}))
	assert.Empty(t, q)

	assert.ErrorContains(t, acs.ObjectParam(q, "c", acs.StyleForm, true, map[string][]int{"a": {1}}), "member a is an object or an array")
	assert.ErrorContains(t, acs.ObjectParam(q, "c", acs.StyleForm, true, 3), "not an object")
	assert.ErrorContains(t, acs.ObjectParam(q, "c", acs.StyleDeepObject, false, map[string]int{}), "is not form or exploded deepObject")
	assert.ErrorContains(t, acs.ObjectParam(q, "c", "matrix", true, map[string]int{}), "is not form")
	assert.Empty(t, q)
}
