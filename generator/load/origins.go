package load

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// setOrigins records where each schema and parameter of a bundled spec is
// written, as kin-openapi's IncludeOrigin does for one file: its loader reads
// the bundled document as one text, so its own positions would name neither
// the right file nor the right line. Callers (contract findings) use Origin.Key.
func setOrigins(doc *openapi3.T, loc *Locator) {
	o := originSetter{loc: loc, seen: map[*openapi3.Schema]bool{}}
	if c := doc.Components; c != nil {
		for name, s := range c.Schemas {
			o.schema(s, []string{"components", "schemas", name})
		}
		for name, p := range c.Parameters {
			o.parameter(p, []string{"components", "parameters", name})
		}
	}
	if doc.Paths == nil {
		return
	}
	for key, item := range doc.Paths.Map() {
		for i, p := range item.Parameters {
			o.parameter(p, []string{"paths", key, "parameters", itoa(i)})
		}
		for method, op := range item.Operations() {
			path := []string{"paths", key, strings.ToLower(method)}
			for i, p := range op.Parameters {
				o.parameter(p, append(slices.Clone(path), "parameters", itoa(i)))
			}
			if rb := op.RequestBody; rb != nil && rb.Ref == "" && rb.Value != nil {
				o.content(rb.Value.Content, append(slices.Clone(path), "requestBody", "content"))
			}
			if op.Responses == nil {
				continue
			}
			for code, r := range op.Responses.Map() {
				if r.Ref == "" && r.Value != nil {
					o.content(r.Value.Content, append(slices.Clone(path), "responses", code, "content"))
				}
			}
		}
	}
}

type originSetter struct {
	loc  *Locator
	seen map[*openapi3.Schema]bool
}

func (o originSetter) origin(path []string) *openapi3.Origin {
	pos := o.loc.Pos(path...)
	return &openapi3.Origin{Key: &openapi3.Location{File: pos.File, Line: pos.Line, Column: pos.Col}}
}

func (o originSetter) parameter(p *openapi3.ParameterRef, path []string) {
	if p == nil || p.Ref != "" || p.Value == nil {
		return // a reference: set where the component is
	}
	p.Value.Origin = o.origin(path)
	o.schema(p.Value.Schema, append(slices.Clone(path), "schema"))
	o.content(p.Value.Content, append(slices.Clone(path), "content"))
}

func (o originSetter) content(c openapi3.Content, path []string) {
	for ct, mt := range c {
		if mt != nil {
			o.schema(mt.Schema, append(slices.Clone(path), ct, "schema"))
		}
	}
}

func (o originSetter) schema(ref *openapi3.SchemaRef, path []string) {
	if ref == nil || ref.Ref != "" || ref.Value == nil || o.seen[ref.Value] {
		return
	}
	s := ref.Value
	o.seen[s] = true
	s.Origin = o.origin(path)
	for name, p := range s.Properties {
		o.schema(p, append(slices.Clone(path), "properties", name))
	}
	o.schema(s.Items, append(slices.Clone(path), "items"))
	o.schema(s.Not, append(slices.Clone(path), "not"))
	o.schema(s.AdditionalProperties.Schema, append(slices.Clone(path), "additionalProperties"))
	for kw, list := range map[string]openapi3.SchemaRefs{"allOf": s.AllOf, "oneOf": s.OneOf, "anyOf": s.AnyOf} {
		for i, sub := range list {
			o.schema(sub, append(slices.Clone(path), kw, itoa(i)))
		}
	}
}
