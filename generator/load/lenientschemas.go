package load

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// schemaLeniencies reads schemas that are slightly off the way their author
// evidently meant them, each with a warning at the problem:
//   - properties written as null (`properties:` with nothing under it) are none,
//     as YAML writes an empty mapping;
//   - const, which OpenAPI 3.0 lacks, is the enum of its one value, as in JSON
//     Schema (one not among the schema's enum values is an error: no value is both);
//   - an array without items has items of any type, as in JSON Schema.
func schemaLeniencies(doc *openapi3.T, loc *Locator) diag.List {
	var w diag.List
	walker := specWalker{schema: func(s *openapi3.Schema, path []string) {
		at := func(key string) []string { return append(slices.Clone(path), key) }
		warn := func(path []string, format string, args ...any) {
			w.Warn(loc.Pos(path...), strings.Join(path, "."), format, args...)
		}
		if n := loc.node(at("properties")...); n != nil && isNull(deref(n)) {
			warn(at("properties"), "properties is null, not an object; the schema has no properties")
		}
		if s.Const != nil {
			value := jsonText(s.Const)
			switch {
			case len(s.Enum) == 0 || slices.ContainsFunc(s.Enum, func(v any) bool { return reflect.DeepEqual(v, s.Const) }):
				warn(at("const"), "const is OpenAPI 3.1; in 3.0 it is read as enum: [%s]", value)
				s.Enum = []any{s.Const}
			default:
				w.Add(loc.Pos(at("const")...), strings.Join(at("const"), "."), "const %s is not among the schema's enum values; no value can be both", value)
			}
			s.Const = nil
		}
		if s.Type.Is("array") && s.Items == nil {
			warn(path, "the array schema has no items, which OpenAPI 3.0 requires; its items may be any JSON value")
			s.Items = openapi3.NewSchemaRef("", &openapi3.Schema{})
		}
	}}
	walker.walk(doc)
	return w
}

// jsonText writes v, a value decoded from the spec, as JSON.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
