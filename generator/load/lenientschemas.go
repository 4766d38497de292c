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

// schemaFixes reads schemas that are slightly off the way their author evidently
// meant them, each with a warning at the problem:
//   - properties written as null (`properties:` with nothing under it) are none,
//     as YAML writes an empty mapping;
//   - const, which OpenAPI 3.0 lacks, is the enum of its one value, as in JSON
//     Schema (one not among the schema's enum values is an error: no value is both);
//   - an array without items has items of any type, as in JSON Schema;
//   - numbers and booleans among a string enum's values (`enum: [a, 2, true]`,
//     unquoted in YAML) are the strings written: no string could equal them.
type schemaFixes struct {
	loc *Locator
	w   diag.List
}

func (f *schemaFixes) warn(path []string, key string, format string, args ...any) {
	at := path
	if key != "" {
		at = append(slices.Clone(path), key)
	}
	f.w.Warn(f.loc.Pos(at...), strings.Join(at, "."), format, args...)
}

func (f *schemaFixes) schema(s *openapi3.Schema, path []string) {
	node := deref(f.loc.node(path...))
	if n := childValue(node, "properties"); n != nil && isNull(n) {
		f.warn(path, "properties", "properties is null, not an object; the schema has no properties")
	}
	if s.Const != nil {
		value := jsonText(s.Const)
		switch {
		case len(s.Enum) == 0 || slices.ContainsFunc(s.Enum, func(v any) bool { return reflect.DeepEqual(v, s.Const) }):
			f.warn(path, "const", "const is OpenAPI 3.1; in 3.0 it is read as enum: [%s]", value)
			s.Enum = []any{s.Const}
		default:
			at := append(slices.Clone(path), "const")
			f.w.Add(f.loc.Pos(at...), strings.Join(at, "."), "const %s is not among the schema's enum values; no value can be both", value)
		}
		s.Const = nil
	}
	if s.Type.Is("string") {
		f.stringEnum(s, path, childValue(node, "enum"))
	}
	if s.Type.Is("array") && s.Items == nil {
		f.warn(path, "", "the array schema has no items, which OpenAPI 3.0 requires; its items may be any JSON value")
		s.Items = openapi3.NewSchemaRef("", &openapi3.Schema{})
	}
}

// stringEnum reads the numbers and booleans of a string enum as the text written
// (in values, the enum's node): 2.50 stays "2.50".
func (f *schemaFixes) stringEnum(s *openapi3.Schema, path []string, values *yaml.Node) {
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
		text := jsonText(v)
		if values != nil && values.Kind == yaml.SequenceNode && i < len(values.Content) && values.Content[i].Kind == yaml.ScalarNode {
			text = values.Content[i].Value
		}
		f.warn(append(slices.Clone(path), "enum"), itoa(i), "enum value %s is %s, but the schema's type is string; it is read as the string %q", jsonText(v), kind, text)
		s.Enum[i] = text
	}
}

// childValue is the value of key in the mapping n, or nil.
func childValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	return deref(field(n, key))
}

// jsonText writes v, a value decoded from the spec, as JSON.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
