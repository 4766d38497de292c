package acs

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// ParamChecks is the generated check of an operation's path, query, header and
// cookie parameters, which package contract runs in place of kin-openapi's
// openapi3filter.ValidateRequest while the spec file is unchanged.
//
// The check only ever says yes or no: yes means kin-openapi would find nothing
// wrong with the parameters; no means it is kin-openapi's to say what is. It reads
// the request as contract hands it to kin-openapi: path parameters unescaped,
// required ones sent empty already removed (acs.Missing), no query key without
// values.
type ParamChecks struct {
	// Params describes each parameter the check reads, sorted, as
	// "<in>/<name> <style>[*] <type>": the OpenAPI style, "*" when exploded, and
	// the type it parses the text as ("string", "integer", "integer:int32",
	// "number", "boolean", "[<item type>]" for an array). contract uses the check
	// only when the spec declares exactly these, read in these ways.
	Params []string
	// Check reports whether the parameters parse and every value is valid,
	// recording the violations it finds in v.
	Check func(p Params, v *Validator) bool
}

// Accepts reports whether the check says yes to p.
func (c ParamChecks) Accepts(p Params) bool {
	// A Validator passed to a func value escapes; a pooled one is not allocated
	// per request.
	v := validators.Get().(*Validator)
	ok := c.Check(p, v) && len(v.found) == 0
	*v = Validator{found: v.found[:0], deep: v.deep[:0]}
	validators.Put(v)
	return ok
}

var validators = sync.Pool{New: func() any { return new(Validator) }}

// Params are the parameters of one request.
type Params struct {
	Path   map[string]string // unescaped
	Query  url.Values
	Header http.Header // cookies included, in Cookie
}

// The Value methods return the text a scalar parameter is parsed from and
// whether the request sends it; ok is false when kin-openapi would read the
// parameter in a way the check does not follow (a required one missing, a value
// that reads as none), so that the check says no.

// QueryValue is the value of a query parameter: the first non-empty one when the
// key repeats.
func (p Params) QueryValue(name string, required bool) (raw string, found, ok bool) {
	vs, found := p.Query[name]
	switch {
	case !found:
		return "", false, !required
	case len(vs) == 0 || required && Missing(vs...):
		return "", true, false
	}
	raw = vs[0]
	for _, v := range vs {
		if v != "" {
			raw = v
			break
		}
	}
	return raw, true, true
}

// HeaderValue is the first value of a header parameter.
func (p Params) HeaderValue(name string, required bool) (raw string, found, ok bool) {
	vs, found := p.Header[http.CanonicalHeaderKey(name)]
	switch {
	case !found:
		return "", false, !required
	case len(vs) == 0 || required && Missing(vs...):
		return "", true, false
	}
	return vs[0], true, true
}

// PathValue is the value of a path parameter; an empty one reads as none.
func (p Params) PathValue(name string) (raw string, found, ok bool) {
	raw, found = p.Path[name]
	if !found {
		return "", false, false // path parameters are always required
	}
	return raw, true, raw != ""
}

// CookieValue is the value of a cookie parameter, as http.Request.Cookie reads it.
func (p Params) CookieValue(name string, required bool) (raw string, found, ok bool) {
	if len(p.Header["Cookie"]) == 0 {
		return "", false, !required
	}
	c, err := (&http.Request{Header: p.Header}).Cookie(name)
	if err != nil {
		return "", false, !required
	}
	return c.Value, true, true
}

// The Items methods return the texts of an array parameter's items, split as
// kin-openapi splits them, with found and ok as for the Value methods.

// QueryItems are the items of a query array: every value when exploded, else
// the first value split at sep.
func (p Params) QueryItems(name, sep string, explode, required bool) (items []string, found, ok bool) {
	vs, found := p.Query[name]
	switch {
	case !found:
		return nil, false, !required
	case len(vs) == 0 || required && Missing(vs...):
		return nil, true, false
	}
	items = vs
	if !explode {
		items = strings.Split(vs[0], sep)
	}
	// One empty item reads as no array.
	return items, true, len(items) != 1 || items[0] != ""
}

// HeaderItems are the items of a header array: its values joined, split at
// commas and trimmed.
func (p Params) HeaderItems(name string, required bool) (items []string, found, ok bool) {
	vs, found := p.Header[http.CanonicalHeaderKey(name)]
	switch {
	case !found:
		return nil, false, !required
	case len(vs) == 0 || required && Missing(vs...):
		return nil, true, false
	}
	items = strings.Split(strings.Join(vs, ","), ",")
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	return items, true, true
}

// PathItems are the items of a path array of style simple.
func (p Params) PathItems(name string) (items []string, found, ok bool) {
	raw, found, ok := p.PathValue(name)
	if !ok {
		return nil, found, false
	}
	return strings.Split(raw, ","), true, true
}

// CookieItems are the items of a cookie array of style form, not exploded.
func (p Params) CookieItems(name string, required bool) (items []string, found, ok bool) {
	raw, found, ok := p.CookieValue(name, required)
	if !found || !ok {
		return nil, found, ok
	}
	return strings.Split(raw, ","), true, true
}
