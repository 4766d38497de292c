package build

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// jsonEnum reports whether s is an enum that no Go constant can hold: its
// type is object or array, or a value is.
func jsonEnum(s *openapi3.Schema) bool {
	if s.Type.Is("object") || s.Type.Is("array") {
		return true
	}
	return slices.ContainsFunc(s.Enum, func(v any) bool {
		switch v.(type) {
		case map[string]any, []any:
			return true
		}
		return false
	})
}

// fillJSONEnum makes an enum of objects or arrays a json.RawMessage kept as it
// was sent, which Validate holds to the listed values compared as JSON values.
// A listed value the rest of the schema refuses (a property of the wrong type)
// can never be valid, as kin-openapi checks both the enum and the schema: it is
// left out, with a warning, so the enum alone says which values are valid. null
// is one of them when the schema is nullable, whatever the enum lists.
func (b *builder) fillJSONEnum(m *ir.Model, s *openapi3.Schema, path []string) {
	m.Kind, m.Type = ir.Defined, ir.TypeRef{Kind: ir.RawJSON}
	if b.openEnum(s, path) {
		b.errorf(append(slices.Clone(path), openEnumExt), "%s: true opens enums of strings and integers; an enum of objects or arrays lists every value it takes", openEnumExt)
	}
	c := b.constraints(s, ir.RawJSON, "", path)
	if c == nil {
		c = &ir.Constraints{}
	}
	listed := map[string]int{} // JSON text → index of its first listing
	for i, v := range s.Enum {
		vpath := append(slices.Clone(path), "enum", strconv.Itoa(i))
		text, err := jsonText(v)
		if err != nil {
			b.errorf(vpath, "enum value %v cannot be written as JSON: %v", v, err)
			continue
		}
		if prev, dup := listed[string(text)]; dup {
			b.warnf(vpath, "enum value %s is listed already at %s; the repeat is left out", text, b.loc.Pos(append(slices.Clone(path), "enum", strconv.Itoa(prev))...))
			continue
		}
		listed[string(text)] = i
		if err := s.VisitJSON(v); err != nil {
			b.warnf(vpath, "enum value %s is not valid for its own schema, so no value can be both: %s; it is left out", text, oneLine(err))
			continue
		}
		c.Enum = append(c.Enum, string(text))
	}
	if s.Nullable && !slices.Contains(c.Enum, "null") {
		c.Enum = append(c.Enum, "null") // kin-openapi lets null through a nullable schema before its enum
	}
	c.JSONTypes = nil // the values listed have the types the schema allows
	if len(c.Enum) == 0 {
		b.errorf(path, "none of the enum's values is valid for the rest of the schema (the warnings at each say why), so no value could be")
		return
	}
	m.Type.Constraints = c
	m.Doc += "\n\nIts value is the JSON as sent; Validate checks that it is one of: " + strings.Join(c.Enum, ", ") + "."
}

// oneLine is the first line of err's message: kin-openapi's schema errors go on
// to print the schema and the value.
func oneLine(err error) string {
	first, _, _ := strings.Cut(err.Error(), "\n")
	return first
}

// jsonText writes v as JSON, one text per JSON value (encoding/json sorts map
// keys), leaving <, > and & as they are for the messages that quote it.
func jsonText(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
