package record

import (
	"mime"
	"net/url"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Sensitive values can travel under keys that are not a parameter's own name:
// Alibaba's styles flatten a list or an object into Name.1.Key=…, Name.Key=…, and
// an RPC form body carries its fields the same way. keyMatcher tells, for one
// query or form key, whether the value under it is sensitive, by walking the
// parameter's schema along the key's segments.

// flatParam is a parameter or form field whose value may arrive flattened.
type flatParam struct {
	name   string
	schema *openapi3.Schema
	marked bool // the parameter itself is sensitive: every key under it is
	json   bool // x-acs-param-style json: one JSON value under the name
}

type keyMatcher []flatParam

// sensitive reports whether the value under key is sensitive.
func (m keyMatcher) sensitive(key string) bool {
	for _, p := range m {
		rest, ok := cutName(key, p.name)
		if !ok {
			continue
		}
		seen := map[*openapi3.Schema]bool{}
		switch {
		case p.marked:
			return true
		case p.json || rest == "":
			// A JSON value, or the whole value under the name: sensitive if anything
			// inside it is.
			if holdsSensitive(p.schema, seen) {
				return true
			}
		default:
			if pathSensitive(p.schema, strings.Split(rest, ".")) {
				return true
			}
		}
	}
	return false
}

// cutName matches key against name or name followed by a dot, as parameter names
// compare (case-insensitively), and returns what follows the dot.
func cutName(key, name string) (string, bool) {
	if len(key) < len(name) || !strings.EqualFold(key[:len(name)], name) {
		return "", false
	}
	rest := key[len(name):]
	if rest == "" {
		return "", true
	}
	if rest[0] != '.' {
		return "", false
	}
	return rest[1:], true
}

// pathSensitive walks s along the segments of a flattened key: a number indexes a
// list, any other segment names a member (as names compare, case-insensitively).
// Reaching a sensitive schema is sensitive; so is a segment the schema does not
// describe below one that holds sensitive values: an unknown shape is no reason to
// keep a secret.
func pathSensitive(s *openapi3.Schema, segs []string) bool {
	if s == nil {
		return false
	}
	if Sensitive(s) {
		return true
	}
	if len(segs) == 0 {
		return holdsSensitive(s, map[*openapi3.Schema]bool{})
	}
	var next []*openapi3.Schema
	if _, err := strconv.Atoi(segs[0]); err == nil && s.Items != nil {
		next = []*openapi3.Schema{s.Items.Value}
	} else {
		next = propertySchemas(s, segs[0])
	}
	if len(next) == 0 {
		return holdsSensitive(s, map[*openapi3.Schema]bool{})
	}
	for _, n := range next {
		if pathSensitive(n, segs[1:]) {
			return true
		}
	}
	return false
}

// queryMatcher covers the query parameters of op; formMatcher the fields of its
// form body, if it has one.
func queryMatcher(op *openapi3.Operation) keyMatcher {
	var m keyMatcher
	for _, p := range op.Parameters {
		if p.Value == nil || p.Value.In != openapi3.ParameterInQuery {
			continue
		}
		var s *openapi3.Schema
		if p.Value.Schema != nil {
			s = p.Value.Schema.Value
		}
		style, _ := p.Value.Extensions["x-acs-param-style"].(string)
		m = append(m, flatParam{name: p.Value.Name, schema: s, marked: sensitiveParam(p.Value), json: style == "json"})
	}
	return m
}

func formMatcher(op *openapi3.Operation) keyMatcher {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	var m keyMatcher
	for ct, mt := range op.RequestBody.Value.Content {
		if t, _, err := mime.ParseMediaType(ct); err != nil || t != "application/x-www-form-urlencoded" || mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
			continue
		}
		for name, ps := range mt.Schema.Value.Properties {
			if ps == nil || ps.Value == nil {
				continue
			}
			style, _ := ps.Value.Extensions["x-acs-param-style"].(string)
			m = append(m, flatParam{name: name, schema: ps.Value, marked: Sensitive(ps.Value), json: style == "json"})
		}
	}
	return m
}

// redactKeys replaces the values of the keys m finds sensitive and reports whether
// it changed anything.
func redactKeys(q url.Values, m keyMatcher) bool {
	changed := false
	for k, vs := range q {
		if m.sensitive(k) {
			for j := range vs {
				vs[j] = Redacted
			}
			changed = true
		}
	}
	return changed
}

// namesMatcher finds the named parameters, and anything flattened under them,
// sensitive whatever their schema.
func namesMatcher(names []string) keyMatcher {
	m := make(keyMatcher, len(names))
	for i, n := range names {
		m[i] = flatParam{name: n, marked: true}
	}
	return m
}
