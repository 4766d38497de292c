package load

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// checkExamples validates every example and default against its schema.
// kin-openapi can do this inside doc.Validate, but its errors there carry no spec
// location (a bad default in a component is "Error at "/0"" at 1:1); walking the
// spec here positions each failure at the offending value inside the example or
// default itself.
//
// An example that does not match is a warning, and is taken out of the spec:
// nothing generated may show it as a valid value (the generated example
// functions, the docs). A default is an error, unless only its format is off
// (`04/03/2001` for a date): generated code never reads a default, so it stays,
// as written, for the docs.
func checkExamples(doc *openapi3.T, loc *Locator) diag.List {
	c := &exampleChecker{loc: loc, seen: map[*openapi3.Schema]bool{}}
	if doc.Paths != nil {
		for _, key := range sortedKeys(doc.Paths.Map()) {
			item := doc.Paths.Value(key)
			for i, p := range item.Parameters {
				if p.Ref == "" && p.Value != nil {
					c.parameter(p.Value, []string{"paths", key, "parameters", itoa(i)})
				}
			}
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
				c.response(r.Value, []string{"components", "responses", name})
			}
		}
		for name, h := range comp.Headers {
			if h.Ref == "" && h.Value != nil {
				c.parameter(&h.Value.Parameter, []string{"components", "headers", name})
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
				c.response(r.Value, append(slices.Clone(path), "responses", code))
			}
		}
	}
}

func (c *exampleChecker) response(r *openapi3.Response, path []string) {
	c.content(r.Content, append(slices.Clone(path), "content"), true)
	for name, h := range r.Headers {
		if h.Ref == "" && h.Value != nil {
			c.parameter(&h.Value.Parameter, append(slices.Clone(path), "headers", name))
		}
	}
}

func (c *exampleChecker) parameter(p *openapi3.Parameter, path []string) {
	if p.Schema == nil || p.Schema.Value == nil {
		return
	}
	if c.value(p.Schema.Value, p.Example, append(slices.Clone(path), "example"), asRequest, "") {
		p.Example = nil
	}
	c.examples(p.Schema.Value, p.Examples, path, asRequest)
	if p.Schema.Ref == "" {
		c.schema(p.Schema, append(slices.Clone(path), "schema"))
	}
}

// examples checks named examples; one that is a $ref to components.examples is
// checked against the schema at hand and reported where its value is written.
func (c *exampleChecker) examples(s *openapi3.Schema, examples openapi3.Examples, path []string, as visit) {
	for _, name := range sortedKeys(examples) {
		ex := examples[name]
		if ex.Value == nil {
			continue
		}
		at := append(slices.Clone(path), "examples", name, "value")
		note := ""
		if target, ok := strings.CutPrefix(ex.Ref, "#/components/examples/"); ok {
			note = fmt.Sprintf(" (as the example %s at %s)", name, c.loc.Pos(append(slices.Clone(path), "examples", name)...))
			at = []string{"components", "examples", target, "value"}
		} else if ex.Ref != "" {
			continue
		}
		if c.value(s, ex.Value.Value, at, as, note) {
			delete(examples, name) // here only: another place may use the same component
		}
	}
}

func (c *exampleChecker) content(content openapi3.Content, path []string, response bool) {
	for ctype, mt := range content {
		if mt.Schema == nil || mt.Schema.Value == nil {
			continue
		}
		mpath := append(slices.Clone(path), ctype)
		as := asRequest
		if response {
			as = asResponse
		}
		if c.value(mt.Schema.Value, mt.Example, append(slices.Clone(mpath), "example"), as, "") {
			mt.Example = nil
		}
		c.examples(mt.Schema.Value, mt.Examples, mpath, as)
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
	// Paths are made only for what is there: most schemas have no example, no
	// default and few of the keywords below.
	if s.Example != nil && c.value(s, s.Example, append(slices.Clone(path), "example"), asRequest, "") {
		s.Example = nil
	}
	if s.Default != nil {
		c.value(s, s.Default, append(slices.Clone(path), "default"), asDefault, "")
	}
	for name, p := range s.Properties {
		c.schema(p, append(slices.Clone(path), "properties", name))
	}
	if s.Items != nil {
		c.schema(s.Items, append(slices.Clone(path), "items"))
	}
	if s.AdditionalProperties.Schema != nil {
		c.schema(s.AdditionalProperties.Schema, append(slices.Clone(path), "additionalProperties"))
	}
	for _, kw := range [...]struct {
		name string
		list openapi3.SchemaRefs
	}{{"allOf", s.AllOf}, {"oneOf", s.OneOf}, {"anyOf", s.AnyOf}} {
		for i, sub := range kw.list {
			c.schema(sub, append(slices.Clone(path), kw.name, itoa(i)))
		}
	}
}

// visit says what a value is checked as: readOnly properties may not be sent in a
// request, writeOnly ones not in a response; a default is neither.
type visit int

const (
	asRequest visit = iota
	asResponse
	asDefault
)

// value checks v against s; note, if any, ends each message. It reports whether v
// is an example that does not match, to be taken out.
func (c *exampleChecker) value(s *openapi3.Schema, v any, path []string, as visit, note string) bool {
	if v == nil {
		return false
	}
	opts := []openapi3.SchemaValidationOption{openapi3.MultiErrors()}
	what := "example"
	switch as {
	case asResponse:
		opts = append(opts, openapi3.VisitAsResponse())
	case asRequest:
		opts = append(opts, openapi3.VisitAsRequest())
	case asDefault:
		what = "default"
	}
	err := s.VisitJSON(v, opts...)
	if err == nil {
		return false
	}
	var leaves []error
	var me openapi3.MultiError
	if errors.As(err, &me) {
		leaves = flatten(me)
	} else {
		leaves = []error{err}
	}
	for _, leaf := range leaves {
		report, standIn := c.diags.Add, ""
		var se *openapi3.SchemaError
		isSchemaErr := errors.As(leaf, &se)
		switch {
		case as != asDefault:
			report, standIn = c.diags.Warn, "; the example is left out of generated examples and docs"
		case isSchemaErr && se.SchemaField == "format":
			report, standIn = c.diags.Warn, "; generated code does not read defaults, and the docs show it as written"
		}
		if !isSchemaErr {
			report(c.loc.Pos(path...), strings.Join(path, "."), "%s: %s%s%s", what, firstLine(leaf.Error()), note, standIn)
			continue
		}
		ptr := se.JSONPointer()
		at := append(slices.Clone(path), ptr...)
		report(c.loc.Pos(at...), strings.Join(path, "."), "%s value at /%s: %s%s%s",
			what, strings.Join(ptr, "/"), se.Reason, note, standIn)
	}
	return as != asDefault
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
