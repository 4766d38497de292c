package load

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// specWalker visits every schema and media type of a decoded spec once, with the
// spec path it is written at, for the leniencies that fix them in place. Component
// schemas come first, so a schema that $refs name is visited where it is
// declared; a $ref itself is not followed. Paths and components are visited
// sorted, so each object is reached at the same path on every run.
//
// The path handed to a visit is only valid during it (the walk reuses it); a
// visit that keeps a path clones it.
type specWalker struct {
	schema    func(s *openapi3.Schema, path []string) // nil: schemas are not visited
	mediaType func(mt *openapi3.MediaType, path []string)
	seen      map[any]bool
}

func (w *specWalker) walk(doc *openapi3.T) {
	w.seen = map[any]bool{}
	if c := doc.Components; c != nil {
		for _, name := range sortedKeys(c.Schemas) {
			w.schemaRef(c.Schemas[name], append(make([]string, 0, 32), "components", "schemas", name))
		}
		for _, name := range sortedKeys(c.Parameters) {
			if p := c.Parameters[name]; p != nil && p.Ref == "" {
				w.parameter(p.Value, []string{"components", "parameters", name})
			}
		}
		for _, name := range sortedKeys(c.Headers) {
			if h := c.Headers[name]; h != nil && h.Ref == "" && h.Value != nil {
				w.parameter(&h.Value.Parameter, []string{"components", "headers", name})
			}
		}
		for _, name := range sortedKeys(c.RequestBodies) {
			if rb := c.RequestBodies[name]; rb != nil && rb.Ref == "" && rb.Value != nil {
				w.content(rb.Value.Content, []string{"components", "requestBodies", name, "content"})
			}
		}
		for _, name := range sortedKeys(c.Responses) {
			w.response(c.Responses[name], []string{"components", "responses", name})
		}
	}
	if doc.Paths == nil {
		return
	}
	for _, key := range sortedKeys(doc.Paths.Map()) {
		item := doc.Paths.Value(key)
		if item == nil || w.seen[item] {
			continue // a path item $ref'd under two keys is walked at the first
		}
		w.seen[item] = true
		w.parameters(item.Parameters, []string{"paths", key, "parameters"})
		ops := item.Operations()
		for _, method := range sortedKeys(ops) {
			at := []string{"paths", key, strings.ToLower(method)}
			op := ops[method]
			w.parameters(op.Parameters, append(slices.Clone(at), "parameters"))
			if rb := op.RequestBody; rb != nil && rb.Ref == "" && rb.Value != nil {
				w.content(rb.Value.Content, append(slices.Clone(at), "requestBody", "content"))
			}
			if op.Responses != nil {
				for _, code := range sortedKeys(op.Responses.Map()) {
					w.response(op.Responses.Value(code), append(slices.Clone(at), "responses", code))
				}
			}
		}
	}
}

func (w *specWalker) parameters(ps openapi3.Parameters, path []string) {
	for i, p := range ps {
		if p != nil && p.Ref == "" {
			w.parameter(p.Value, append(slices.Clone(path), itoa(i)))
		}
	}
}

func (w *specWalker) parameter(p *openapi3.Parameter, path []string) {
	if p == nil {
		return
	}
	w.schemaRef(p.Schema, append(slices.Clone(path), "schema"))
	w.content(p.Content, append(slices.Clone(path), "content"))
}

func (w *specWalker) response(r *openapi3.ResponseRef, path []string) {
	if r == nil || r.Ref != "" || r.Value == nil {
		return
	}
	for _, name := range sortedKeys(r.Value.Headers) {
		if h := r.Value.Headers[name]; h != nil && h.Ref == "" && h.Value != nil {
			w.parameter(&h.Value.Parameter, append(slices.Clone(path), "headers", name))
		}
	}
	w.content(r.Value.Content, append(slices.Clone(path), "content"))
}

func (w *specWalker) content(c openapi3.Content, path []string) {
	for _, ctype := range sortedKeys(c) {
		mt := c[ctype]
		if mt == nil || w.seen[mt] {
			continue
		}
		w.seen[mt] = true
		at := append(slices.Clone(path), ctype)
		if w.mediaType != nil {
			w.mediaType(mt, at)
		}
		w.schemaRef(mt.Schema, append(at, "schema"))
	}
}

// schemaRef visits an inline schema and the inline schemas inside it. Each is a
// distinct schema reached by one path, so properties need no order; the path
// grows in place, as deep as the schema nests.
func (w *specWalker) schemaRef(ref *openapi3.SchemaRef, path []string) {
	if w.schema == nil || ref == nil || ref.Ref != "" || ref.Value == nil || w.seen[ref.Value] {
		return
	}
	s := ref.Value
	w.seen[s] = true
	w.schema(s, path)
	for name, p := range s.Properties {
		w.schemaRef(p, append(path, "properties", name))
	}
	w.schemaRef(s.Items, append(path, "items"))
	w.schemaRef(s.AdditionalProperties.Schema, append(path, "additionalProperties"))
	w.schemaRef(s.Not, append(path, "not"))
	w.schemaList(s.AllOf, append(path, "allOf"))
	w.schemaList(s.AnyOf, append(path, "anyOf"))
	w.schemaList(s.OneOf, append(path, "oneOf"))
}

func (w *specWalker) schemaList(list openapi3.SchemaRefs, path []string) {
	for i, sub := range list {
		w.schemaRef(sub, append(path, itoa(i)))
	}
}
