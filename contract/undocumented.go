package contract

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// decodeBody decodes a JSON response body into any; nil when there is none or it
// is not JSON.
func decodeBody(ix Interaction) any {
	var v any
	if len(ix.RespBody) == 0 || json.Unmarshal(ix.RespBody, &v) != nil {
		return nil
	}
	return v
}

// seenFields lists the property pointers a decoded response body holds, array
// indices and free-form map keys collapsed to "*".
func (o *operation) seenFields(statusKey string, v any) []string {
	if v == nil {
		return nil
	}
	seen := map[string]bool{}
	o.props.walkBody(o.responseSchema(statusKey), v, "", "", func(_, collapsed string, _ *openapi3.Schema, _ bool, _ any) {
		seen[collapsed] = true
	})
	return sortedNames(seen)
}

// undocumented reports response body properties no schema declares.
func (o *operation) undocumented(statusKey string, body any) []Finding {
	s := o.responseSchema(statusKey)
	if s == nil || body == nil {
		return nil
	}
	var out []Finding
	o.props.walkBody(s, body, "", "", func(ptr, _ string, parent *openapi3.Schema, documented bool, v any) {
		if !documented {
			out = append(out, Finding{Operation: o.op.ID, Where: "response", Pointer: ptr, Rule: "undocumented",
				Schema: schemaPos(parent), Message: "property is not in the spec", schema: parent, value: keep(v)})
		}
	})
	return out
}

// walkBody visits every object property of v: its pointer, the pointer with array
// indices and additionalProperties keys collapsed, the object's schema, whether the
// schema documents the property, and its value. The walk does not descend below
// an undocumented property: it is reported once, as a whole.
func (c *schemaProps) walkBody(s *openapi3.Schema, v any, ptr, collapsed string, visit func(ptr, collapsed string, parent *openapi3.Schema, documented bool, v any)) {
	switch x := v.(type) {
	case map[string]any:
		var props map[string]*openapi3.Schema
		var ap *openapi3.Schema
		if s != nil {
			props, ap = c.of(s)
		}
		for _, k := range sortedNames(x) {
			p := ptr + "/" + escapePointer(k)
			if sub, ok := props[k]; ok {
				visit(p, collapsed+"/"+escapePointer(k), s, true, x[k])
				c.walkBody(sub, x[k], p, collapsed+"/"+escapePointer(k), visit)
			} else if ap != nil {
				visit(p, collapsed+"/*", s, true, x[k])
				c.walkBody(ap, x[k], p, collapsed+"/*", visit)
			} else if s != nil && (s.AdditionalProperties.Has == nil || *s.AdditionalProperties.Has) {
				visit(p, collapsed+"/"+escapePointer(k), s, false, x[k])
			}
		}
	case []any:
		var items *openapi3.Schema
		if s != nil && s.Items != nil {
			items = s.Items.Value
		}
		for i, item := range x {
			c.walkBody(items, item, ptr+"/"+strconv.Itoa(i), collapsed+"/*", visit)
		}
	}
}

// schemaProps memoises collectProps for the schemas of one Set: they do not change
// once loaded, and checking many bodies asks for the same ones over and over.
type schemaProps struct{ m sync.Map } // *openapi3.Schema → propsEntry

type propsEntry struct {
	props map[string]*openapi3.Schema
	ap    *openapi3.Schema
}

func (c *schemaProps) of(s *openapi3.Schema) (map[string]*openapi3.Schema, *openapi3.Schema) {
	if e, ok := c.m.Load(s); ok {
		return e.(propsEntry).props, e.(propsEntry).ap
	}
	props, ap := collectProps(s)
	c.m.Store(s, propsEntry{props, ap})
	return props, ap
}

// collectProps gathers the properties of s and of its allOf/oneOf/anyOf parts.
func collectProps(s *openapi3.Schema) (map[string]*openapi3.Schema, *openapi3.Schema) {
	props := map[string]*openapi3.Schema{}
	var ap *openapi3.Schema
	var visit func(s *openapi3.Schema)
	visit = func(s *openapi3.Schema) {
		for k, p := range s.Properties {
			props[k] = p.Value
		}
		if s.AdditionalProperties.Schema != nil {
			ap = s.AdditionalProperties.Schema.Value
		}
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
			for _, sub := range list {
				if sub.Value != nil {
					visit(sub.Value)
				}
			}
		}
	}
	visit(s)
	return props, ap
}

func escapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

func unescapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~1", "/"), "~0", "~")
}

func lower(s string) string { return strings.ToLower(s) }

// jsonText renders a value as compact JSON for messages.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	return string(b)
}
