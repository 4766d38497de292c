package contract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/internal/overlaydoc"
)

// docPath is where an object sits in a spec: the file and the keys leading to it.
// A sequence index is written "[3]", so it cannot be mistaken for the mapping key
// "3" (a status code, say).
type docPath struct {
	file string
	keys []string
}

func index(i int) string { return fmt.Sprintf("[%d]", i) }

// jsonPath renders the keys as an RFC 9535 JSONPath: $.components.schemas.Foo, with
// bracket notation for keys that are not plain names ($.paths['/v1/x'].get).
func (p docPath) jsonPath() string { return overlaydoc.JSONPath(p.keys) }

func (p docPath) child(keys ...string) docPath {
	return docPath{file: p.file, keys: append(slices.Clip(p.keys), keys...)}
}

// schemaPaths maps every schema of a spec to its place in the document, so a finding
// about a schema can be turned into an overlay target. Components come first: a
// schema reached through a $ref is addressed where it is defined.
func schemaPaths(file string, doc *openapi3.T, into map[*openapi3.Schema]docPath) {
	root := docPath{file: file}
	if doc.Components != nil {
		for _, name := range sortedNames(doc.Components.Schemas) {
			walkSchemaPaths(doc.Components.Schemas[name], root.child("components", "schemas", name), into, true)
		}
		for _, name := range sortedNames(doc.Components.Parameters) {
			if p := doc.Components.Parameters[name]; p.Value != nil {
				walkSchemaPaths(p.Value.Schema, root.child("components", "parameters", name, "schema"), into, false)
			}
		}
		for _, name := range sortedNames(doc.Components.Responses) {
			responseSchemaPaths(doc.Components.Responses[name], root.child("components", "responses", name), into)
		}
	}
	if doc.Paths == nil {
		return
	}
	for _, key := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(key)
		for method, op := range item.Operations() {
			at := root.child("paths", key, strings.ToLower(method))
			for i, p := range op.Parameters {
				if p.Ref == "" && p.Value != nil {
					walkSchemaPaths(p.Value.Schema, at.child("parameters", index(i), "schema"), into, false)
				}
			}
			if op.RequestBody != nil && op.RequestBody.Ref == "" && op.RequestBody.Value != nil {
				for mt, m := range op.RequestBody.Value.Content {
					walkSchemaPaths(m.Schema, at.child("requestBody", "content", mt, "schema"), into, false)
				}
			}
			if op.Responses != nil {
				for code, r := range op.Responses.Map() {
					if r.Ref == "" {
						responseSchemaPaths(r, at.child("responses", code), into)
					}
				}
			}
		}
	}
}

func responseSchemaPaths(r *openapi3.ResponseRef, at docPath, into map[*openapi3.Schema]docPath) {
	if r == nil || r.Value == nil {
		return
	}
	for mt, m := range r.Value.Content {
		walkSchemaPaths(m.Schema, at.child("content", mt, "schema"), into, false)
	}
}

// walkSchemaPaths records ref's schema at at and descends into its inline parts.
// A $ref is not followed (top is false below components): its target has a path
// of its own.
func walkSchemaPaths(ref *openapi3.SchemaRef, at docPath, into map[*openapi3.Schema]docPath, top bool) {
	if ref == nil || ref.Value == nil || (ref.Ref != "" && !top) {
		return
	}
	s := ref.Value
	if _, seen := into[s]; seen {
		return
	}
	into[s] = at
	for _, name := range sortedNames(s.Properties) {
		walkSchemaPaths(s.Properties[name], at.child("properties", name), into, false)
	}
	walkSchemaPaths(s.Items, at.child("items"), into, false)
	walkSchemaPaths(s.AdditionalProperties.Schema, at.child("additionalProperties"), into, false)
	walkSchemaPaths(s.Not, at.child("not"), into, false)
	for kw, list := range map[string]openapi3.SchemaRefs{"allOf": s.AllOf, "oneOf": s.OneOf, "anyOf": s.AnyOf} {
		for i, sub := range list {
			walkSchemaPaths(sub, at.child(kw, index(i)), into, false)
		}
	}
}

func sortedNames[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
