package load

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// checkExamples validates every example against its schema. kin-openapi can do this
// inside doc.Validate, but its errors there carry no spec location; walking the spec
// here positions each failure at the offending value inside the example itself.
func checkExamples(doc *openapi3.T, loc *Locator) diag.List {
	c := &exampleChecker{loc: loc, seen: map[*openapi3.Schema]bool{}}
	if doc.Paths != nil {
		for _, key := range sortedKeys(doc.Paths.Map()) {
			item := doc.Paths.Value(key)
			for method, op := range item.Operations() {
				c.operation(op, []string{"paths", key, strings.ToLower(method)})
			}
		}
	}
	if comp := doc.Components; comp != nil {
		for name, s := range comp.Schemas {
			c.schema(s, []string{"components", "schemas", name})
		}
		for name, r := range comp.Responses {
			if r.Ref == "" && r.Value != nil {
				c.content(r.Value.Content, []string{"components", "responses", name, "content"}, true)
			}
		}
		for name, p := range comp.Parameters {
			if p.Ref == "" && p.Value != nil {
				c.parameter(p.Value, []string{"components", "parameters", name})
			}
		}
		for name, rb := range comp.RequestBodies {
			if rb.Ref == "" && rb.Value != nil {
				c.content(rb.Value.Content, []string{"components", "requestBodies", name, "content"}, false)
			}
		}
	}
	return c.diags
}

type exampleChecker struct {
	loc   *Locator
	diags diag.List
	seen  map[*openapi3.Schema]bool
}

func (c *exampleChecker) operation(op *openapi3.Operation, path []string) {
	for i, p := range op.Parameters {
		if p.Ref == "" && p.Value != nil {
			c.parameter(p.Value, append(slices.Clone(path), "parameters", itoa(i)))
		}
	}
	if rb := op.RequestBody; rb != nil && rb.Ref == "" && rb.Value != nil {
		c.content(rb.Value.Content, append(slices.Clone(path), "requestBody", "content"), false)
	}
	if op.Responses != nil {
		for code, r := range op.Responses.Map() {
			if r.Ref == "" && r.Value != nil {
				c.content(r.Value.Content, append(slices.Clone(path), "responses", code, "content"), true)
			}
		}
	}
}

func (c *exampleChecker) parameter(p *openapi3.Parameter, path []string) {
	if p.Schema == nil || p.Schema.Value == nil {
		return
	}
	c.value(p.Schema.Value, p.Example, append(slices.Clone(path), "example"), false)
	for name, ex := range p.Examples {
		if ex.Ref == "" && ex.Value != nil {
			c.value(p.Schema.Value, ex.Value.Value, append(slices.Clone(path), "examples", name, "value"), false)
		}
	}
}

func (c *exampleChecker) content(content openapi3.Content, path []string, response bool) {
	for ctype, mt := range content {
		if mt.Schema == nil || mt.Schema.Value == nil {
			continue
		}
		mpath := append(slices.Clone(path), ctype)
		c.value(mt.Schema.Value, mt.Example, append(slices.Clone(mpath), "example"), response)
		for name, ex := range mt.Examples {
			if ex.Ref == "" && ex.Value != nil {
				c.value(mt.Schema.Value, ex.Value.Value, append(slices.Clone(mpath), "examples", name, "value"), response)
			}
		}
		if mt.Schema.Ref == "" {
			c.schema(mt.Schema, append(mpath, "schema"))
		}
	}
}

// schema checks the example of a schema and of the inline schemas inside it.
func (c *exampleChecker) schema(ref *openapi3.SchemaRef, path []string) {
	if ref == nil || ref.Ref != "" || ref.Value == nil || c.seen[ref.Value] {
		return
	}
	s := ref.Value
	c.seen[s] = true
	c.value(s, s.Example, append(slices.Clone(path), "example"), false)
	for name, p := range s.Properties {
		c.schema(p, append(slices.Clone(path), "properties", name))
	}
	c.schema(s.Items, append(slices.Clone(path), "items"))
	c.schema(s.AdditionalProperties.Schema, append(slices.Clone(path), "additionalProperties"))
	for kw, list := range map[string]openapi3.SchemaRefs{"allOf": s.AllOf, "oneOf": s.OneOf, "anyOf": s.AnyOf} {
		for i, sub := range list {
			c.schema(sub, append(slices.Clone(path), kw, itoa(i)))
		}
	}
}

func (c *exampleChecker) value(s *openapi3.Schema, v any, path []string, response bool) {
	if v == nil {
		return
	}
	opts := []openapi3.SchemaValidationOption{openapi3.MultiErrors()}
	if response {
		opts = append(opts, openapi3.VisitAsResponse())
	} else {
		opts = append(opts, openapi3.VisitAsRequest())
	}
	err := s.VisitJSON(v, opts...)
	if err == nil {
		return
	}
	var leaves []error
	var me openapi3.MultiError
	if errors.As(err, &me) {
		leaves = flatten(me)
	} else {
		leaves = []error{err}
	}
	for _, leaf := range leaves {
		var se *openapi3.SchemaError
		if !errors.As(leaf, &se) {
			c.diags.Add(c.loc.Pos(path...), strings.Join(path, "."), "example: %s", firstLine(leaf.Error()))
			continue
		}
		ptr := se.JSONPointer()
		at := append(slices.Clone(path), ptr...)
		c.diags.Add(c.loc.Pos(at...), strings.Join(path, "."), "example value at /%s: %s",
			strings.Join(ptr, "/"), se.Reason)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
