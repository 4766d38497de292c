package load

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
)

// schemaLeniencies reads schemas that are slightly off the way their author
// evidently meant them, each with a warning at the problem:
//   - properties written as null (`properties:` with nothing under it) are none,
//     as YAML writes an empty mapping;
//   - const, which OpenAPI 3.0 lacks, is the enum of its one value, as in JSON
//     Schema (one not among the schema's enum values is an error: no value is both);
//   - an array without items has items of any type, as in JSON Schema;
//   - numbers and booleans among a string enum's values (`enum: [a, 2, true]`,
//     unquoted in YAML) are the strings written: no string could equal them.
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
		if s.Type.Is("string") {
			for i, v := range s.Enum {
				kind := ""
				switch v.(type) {
				case float64:
					kind = "a number"
				case bool:
					kind = "a boolean"
				default:
					continue
				}
				vpath := append(at("enum"), itoa(i))
				text := jsonText(v)
				if n := deref(loc.node(vpath...)); n != nil && n.Kind == yaml.ScalarNode {
					text = n.Value // as written: 2.50 stays "2.50"
				}
				warn(vpath, "enum value %s is %s, but the schema's type is string; it is read as the string %q", jsonText(v), kind, text)
				s.Enum[i] = text
			}
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
