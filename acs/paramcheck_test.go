package acs

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The readers hand a check the text kin-openapi parses, and say no (ok false)
// where it reads a parameter otherwise: required and missing, or no value.
func TestParamReaders(t *testing.T) {
	p := Params{
		Path:   map[string]string{"id": "a,b", "empty": ""},
		Query:  url.Values{"q": {"", "x"}, "blank": {""}, "none": {}, "list": {"a|b"}, "one": {""}},
		Header: http.Header{"X-List": {"a, b", "c"}, "X-Blank": {""}, "Cookie": {"theme=dark; tags=a,b"}},
	}
	type read struct {
		raw       string
		found, ok bool
	}
	r := func(raw string, found, ok bool) read { return read{raw, found, ok} }
	for name, c := range map[string]struct{ got, want read }{
		"first non-empty query value": {r(p.QueryValue("q", true)), read{"x", true, true}},
		"blank optional":              {r(p.QueryValue("blank", false)), read{"", true, true}},
		"blank required":              {r(p.QueryValue("blank", true)), read{"", true, false}},
		"query key without values":    {r(p.QueryValue("none", false)), read{"", true, false}},
		"absent optional":             {r(p.QueryValue("nope", false)), read{"", false, true}},
		"absent required":             {r(p.QueryValue("nope", true)), read{"", false, false}},
		"first header value":          {r(p.HeaderValue("x-list", false)), read{"a, b", true, true}},
		"blank required header":       {r(p.HeaderValue("X-Blank", true)), read{"", true, false}},
		"path":                        {r(p.PathValue("id")), read{"a,b", true, true}},
		"empty path":                  {r(p.PathValue("empty")), read{"", true, false}},
		"absent path":                 {r(p.PathValue("nope")), read{"", false, false}},
		"cookie":                      {r(p.CookieValue("theme", true)), read{"dark", true, true}},
		"absent required cookie":      {r(p.CookieValue("nope", true)), read{"", false, false}},
	} {
		assert.Equal(t, c.want, c.got, name)
	}
	items := func(items []string, found, ok bool) []any { return []any{items, found, ok} }
	assert.Equal(t, items([]string{"a", "b"}, true, true), items(p.QueryItems("list", "|", false, false)))
	assert.Equal(t, items([]string{"a|b"}, true, true), items(p.QueryItems("list", ",", true, false)))
	assert.Equal(t, items([]string{""}, true, false), items(p.QueryItems("one", ",", false, false)), "one empty item is no array")
	assert.Equal(t, items([]string{"a", "b", "c"}, true, true), items(p.HeaderItems("X-List", false)), "joined, split and trimmed")
	assert.Equal(t, items([]string{"a", "b"}, true, true), items(p.PathItems("id")))
	assert.Equal(t, items([]string{"a", "b"}, true, true), items(p.CookieItems("tags", false)))
}

// Accepts says yes only when the check does and recorded no violation, with a
// pooled Validator left clean for the next request.
func TestParamChecksAccepts(t *testing.T) {
	fail := ParamChecks{Check: func(_ Params, v *Validator) bool { v.Fail("no"); return true }}
	pass := ParamChecks{Check: func(_ Params, v *Validator) bool { return len(v.found) == 0 && v.depth == 0 }}
	refuse := ParamChecks{Check: func(Params, *Validator) bool { return false }}
	assert.False(t, fail.Accepts(Params{}))
	assert.True(t, pass.Accepts(Params{}))
	assert.False(t, refuse.Accepts(Params{}))
}
