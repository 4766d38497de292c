package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"

	"github.com/acsgen/acsgen/contract"
)

// SensitiveExtension marks a schema or a parameter whose values never go into a
// recording. `format: password` and `writeOnly: true` mark a schema the same way.
const SensitiveExtension = "x-acs-sensitive"

// ErrUnredactable means a body the spec says holds sensitive fields could not be
// parsed as JSON, so it cannot be redacted and is not recorded.
var ErrUnredactable = errors.New("body holds fields the spec marks sensitive but is not JSON")

// Sensitive reports whether a schema is marked sensitive.
func Sensitive(s *openapi3.Schema) bool {
	return s != nil && (s.Format == "password" || s.WriteOnly || marked(s.Extensions))
}

func marked(ext map[string]any) bool {
	switch v := ext[SensitiveExtension].(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true")
	}
	return false
}

func sensitiveParam(p *openapi3.Parameter) bool {
	return marked(p.Extensions) || (p.Schema != nil && Sensitive(p.Schema.Value))
}

// RedactSensitive redacts what rt's operation marks sensitive: query and header
// parameters (flattened members of styled ones included), form fields, and properties of the JSON request body and of the JSON response body
// for the recorded status. Bodies are re-encoded (keys sorted) only when something
// was redacted. A non-JSON body whose schema holds sensitive properties is an error
// wrapping ErrUnredactable.
func RedactSensitive(rt *contract.Route, i *cassette.Interaction) error {
	op := rt.Route.Operation
	if op == nil {
		return nil
	}
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.In == openapi3.ParameterInHeader && sensitiveParam(p.Value) {
			h := i.Request.Headers.Clone()
			if headerMap(h, p.Value.Name, redactedValue) {
				i.Request.Headers = h
			}
		}
	}
	query, form := queryMatcher(op), formMatcher(op)
	if len(query) > 0 {
		u, err := url.Parse(i.Request.URL)
		if err != nil {
			return err
		}
		q := u.Query()
		if redactKeys(q, query) {
			u.RawQuery = q.Encode()
			i.Request.URL = u.String()
		}
	}
	// A form body may hold the form fields and, V2-signed, the query parameters too.
	isFormBody := isForm(headerGet(i.Request.Headers, "Content-Type"))
	redactForm(&i.Request, append(query, form...))
	if rb := op.RequestBody; rb != nil && rb.Value != nil && !isFormBody {
		body, err := redactBody(contentSchemas(rb.Value.Content), i.Request.Body, true)
		if err != nil {
			return fmt.Errorf("%s request: %w", rt.OperationID, err)
		}
		if body != i.Request.Body {
			i.Request.Body, i.Request.ContentLength = body, int64(len(body))
			setLength(&i.Request.Headers, len(body))
		}
	}
	if op.Responses != nil {
		declared, all := responseSchemas(op.Responses, i.Response.Code)
		// A non-JSON body is refused only when the recorded status's own schema
		// has sensitive fields; a proxy's HTML 502 for an operation whose 200
		// holds a password is recorded as it came.
		seen := map[*openapi3.Schema]bool{}
		strict := slices.ContainsFunc(declared, func(s *openapi3.Schema) bool { return holdsSensitive(s, seen) })
		body, err := redactBody(all, i.Response.Body, strict)
		if err != nil {
			return fmt.Errorf("%s response %d: %w", rt.OperationID, i.Response.Code, err)
		}
		if body != i.Response.Body {
			i.Response.Body, i.Response.ContentLength = body, int64(len(body))
			setLength(&i.Response.Headers, len(body))
		}
	}
	return nil
}

// contentSchemas are the schemas of every media type of c, in key order. A
// service's JSON is declared under many keys (application/json; charset=utf-8,
// application/vnd.x+json, */*), and a key the recorder did not look up would let
// its sensitive fields through, so all of them apply.
func contentSchemas(c openapi3.Content) []*openapi3.Schema {
	var out []*openapi3.Schema
	for _, k := range slices.Sorted(maps.Keys(c)) {
		if mt := c[k]; mt != nil && mt.Schema != nil && mt.Schema.Value != nil {
			out = append(out, mt.Schema.Value)
		}
	}
	return out
}

// responseSchemas are the schemas that answer code as the spec declares it
// (exact, then nXX, then default), and those of every response. The second list
// is what redaction applies: an answer with a status the spec does not declare
// (201 where 200 is declared) still carries the same fields.
func responseSchemas(rs *openapi3.Responses, code int) (declared, all []*openapi3.Schema) {
	r := rs.Status(code)
	if r == nil {
		r = rs.Default()
	}
	if r != nil && r.Value != nil {
		declared = contentSchemas(r.Value.Content)
	}
	for _, k := range slices.Sorted(maps.Keys(rs.Map())) {
		if r := rs.Value(k); r != nil && r.Value != nil {
			all = append(all, contentSchemas(r.Value.Content)...)
		}
	}
	return declared, all
}

// redactBody redacts the properties that any of schemas marks sensitive in a JSON
// body. A body that is not JSON is an error when strict, and passes otherwise.
func redactBody(schemas []*openapi3.Schema, body string, strict bool) (string, error) {
	seen := map[*openapi3.Schema]bool{}
	if body == "" || !slices.ContainsFunc(schemas, func(s *openapi3.Schema) bool { return holdsSensitive(s, seen) }) {
		return body, nil
	}
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber() // numbers pass through unchanged
	var v any
	err := dec.Decode(&v)
	if err == nil && dec.More() {
		err = errors.New("data after the JSON value")
	}
	if err != nil {
		if !strict {
			return body, nil
		}
		return "", fmt.Errorf("%w: %v", ErrUnredactable, err)
	}
	changed := false
	for _, s := range schemas {
		var c bool
		v, c = redactValue(s, v)
		changed = changed || c
	}
	if !changed {
		return body, nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// holdsSensitive reports whether s or anything below it is marked sensitive.
func holdsSensitive(s *openapi3.Schema, seen map[*openapi3.Schema]bool) bool {
	if s == nil || seen[s] {
		return false
	}
	seen[s] = true
	if Sensitive(s) {
		return true
	}
	for _, p := range s.Properties {
		if p != nil && holdsSensitive(p.Value, seen) {
			return true
		}
	}
	for _, sub := range parts(s) {
		if holdsSensitive(sub, seen) {
			return true
		}
	}
	return false
}

// parts are the schemas a value of s may also have to satisfy or be: items,
// additionalProperties and the allOf/oneOf/anyOf alternatives.
func parts(s *openapi3.Schema) []*openapi3.Schema {
	var out []*openapi3.Schema
	if s.Items != nil {
		out = append(out, s.Items.Value)
	}
	if s.AdditionalProperties.Schema != nil {
		out = append(out, s.AdditionalProperties.Schema.Value)
	}
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, sub := range list {
			out = append(out, sub.Value)
		}
	}
	return out
}

// redactValue replaces every value whose schema is sensitive by a placeholder of
// its JSON kind: Redacted for a string, 0, false, {} or [] otherwise, so that the
// recording still has the shape the spec declares.
func redactValue(s *openapi3.Schema, v any) (any, bool) {
	if s == nil {
		return v, false
	}
	if Sensitive(s) {
		return placeholder(v), true
	}
	changed := false
	// A union or allOf part may declare the property: every part gets its say.
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, sub := range list {
			var c bool
			if v, c = redactValue(sub.Value, v); c {
				changed = true
			}
		}
	}
	switch x := v.(type) {
	case map[string]any:
		for k, item := range x {
			for _, sub := range propertySchemas(s, k) {
				if nv, c := redactValue(sub, item); c {
					item, x[k], changed = nv, nv, true
				}
			}
		}
	case []any:
		if s.Items != nil {
			for j, item := range x {
				if nv, c := redactValue(s.Items.Value, item); c {
					x[j], changed = nv, true
				}
			}
		}
	}
	return v, changed
}

// propertySchemas are the schemas that may describe the value under key k: the
// properties named k in any letter case (services decode keys as encoding/json
// does, ignoring case, so "password" fills a property declared "Password"), else
// additionalProperties.
func propertySchemas(s *openapi3.Schema, k string) []*openapi3.Schema {
	var out []*openapi3.Schema
	for name, p := range s.Properties {
		if p != nil && p.Value != nil && strings.EqualFold(name, k) {
			out = append(out, p.Value)
		}
	}
	if len(out) == 0 && s.AdditionalProperties.Schema != nil && s.AdditionalProperties.Schema.Value != nil {
		out = append(out, s.AdditionalProperties.Schema.Value)
	}
	return out
}

func placeholder(v any) any {
	switch v.(type) {
	case string:
		return Redacted
	case json.Number:
		return json.Number("0")
	case bool:
		return false
	case map[string]any:
		return map[string]any{}
	case []any:
		return []any{}
	}
	return nil // null stays null
}
