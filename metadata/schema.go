package metadata

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// refPrefix is how the metadata (and OpenAPI) point at a shared schema.
const refPrefix = "#/components/schemas/"

// stringFormats are the string formats carried over; the metadata's other
// formats describe documentation, not the wire.
var stringFormats = []string{"date", "date-time", "byte", "binary", "password", "email", "uri", "uuid"}

// schema converts a metadata schema. at names it in problems
// ("apis.GetThing.parameters[0] (ThingId).schema"). Shared schemas it refers to
// are recorded in c.refs.
func (c *converter) schema(s *Schema, at string) *yaml.Node {
	n := mapping()
	if s == nil {
		return n
	}
	if s.Ref != "" {
		name, ok := strings.CutPrefix(s.Ref, refPrefix)
		if !ok || name == "" {
			c.problem(at, "$ref %q does not point into components.schemas", s.Ref)
			return n
		}
		if _, ok := c.doc.Components.Schemas.Get(name); !ok {
			c.problem(at, "$ref %q names no schema in components.schemas", s.Ref)
			return n
		}
		c.need(name)
		set(n, "$ref", str(s.Ref))
		return n
	}
	typ := s.Type
	switch typ {
	case "string", "integer", "number", "boolean", "array", "object":
		set(n, "type", str(typ))
	case "", "any":
		typ = "" // any JSON value
	default:
		c.problem(at, "type %q is not a JSON Schema type; the schema is left untyped", s.Type)
		typ = ""
	}
	switch {
	case (typ == "integer" && (s.Format == "int32" || s.Format == "int64")) ||
		(typ == "number" && (s.Format == "float" || s.Format == "double")) ||
		(typ == "string" && slices.Contains(stringFormats, s.Format)):
		setStr(n, "format", s.Format)
	}
	setStr(n, "description", strings.TrimRight(s.Description, "\n")+descriptionEnd(s.Description))
	if s.Deprecated {
		set(n, "deprecated", boolean(true))
	}
	switch {
	case typ == "boolean" && len(s.Enum) > 0:
		// acsgen has no boolean enums, and [true, false] says nothing anyway.
		if len(s.Enum) < 2 {
			c.warn(at, "a boolean enum of %v is not supported; left out", s.Enum)
		}
	case len(s.Enum) > 0:
		list := sequence()
		for i, e := range s.Enum {
			v, ok := c.typed(typ, e)
			if !ok {
				c.problem(at, "enum value %d (%v) is not a %s", i, e, typ)
				continue
			}
			list.Content = append(list.Content, v)
		}
		set(n, "enum", list)
	}
	if v, ok := c.typed(typ, s.Default); ok {
		set(n, "default", v)
	} else if s.Default != nil {
		c.warn(at, "default %v is not a %s; left out", s.Default, typ)
	}
	c.bounds(n, s, typ, at)
	switch typ {
	case "array":
		if s.Items == nil {
			c.problem(at, "array without items; taken as an array of any value")
		}
		set(n, "items", c.schema(s.Items, at+".items"))
	case "object", "":
		c.properties(n, s, at)
	}
	c.example(n, s, typ, s.Example)
	return n
}

// descriptionEnd keeps a multi-line description ending in a newline, which a
// literal block then shows as written.
func descriptionEnd(d string) string {
	if strings.Contains(strings.TrimRight(d, "\n"), "\n") {
		return "\n"
	}
	return ""
}

// properties converts an object's properties; required comes from each
// property's own flag, as the metadata states it.
func (c *converter) properties(n *yaml.Node, s *Schema, at string) {
	if s.Properties.Len() > 0 {
		props := mapping()
		req := flowSequence()
		for _, name := range s.Properties.Keys {
			p := s.Properties.Values[name]
			set(props, name, c.schema(p, at+".properties."+name))
			if p != nil && p.Required {
				req.Content = append(req.Content, str(name))
			}
		}
		if len(req.Content) > 0 {
			set(n, "required", req)
		}
		set(n, "properties", props)
	}
	if s.AdditionalProperties != nil {
		set(n, "additionalProperties", c.schema(s.AdditionalProperties, at+".additionalProperties"))
	}
}

// bounds carries minimum, maximum, lengths and item counts over as numbers; the
// metadata often writes them as strings.
func (c *converter) bounds(n *yaml.Node, s *Schema, typ, at string) {
	num := func(key string, v any) {
		if v == nil {
			return
		}
		f, ok := number(v)
		if !ok {
			c.warn(at, "%s %v is not a number; left out", key, v)
			return
		}
		if typ == "integer" && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			set(n, key, integer(int64(f)))
			return
		}
		set(n, key, float(f))
	}
	count := func(key string, v any) {
		if v == nil {
			return
		}
		f, ok := number(v)
		if !ok || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
			c.warn(at, "%s %v is not a count; left out", key, v)
			return
		}
		set(n, key, integer(int64(f)))
	}
	switch typ {
	case "integer", "number":
		num("minimum", s.Minimum)
		num("maximum", s.Maximum)
	case "string":
		count("minLength", s.MinLength)
		count("maxLength", s.MaxLength)
		setStr(n, "pattern", s.Pattern)
	case "array":
		count("minItems", s.MinItems)
		count("maxItems", s.MaxItems)
	}
}

// example sets the example when it can be read as the schema's type and is one
// of its enum values: the metadata writes most examples as strings, and a spec's
// examples must match their schemas.
func (c *converter) example(n *yaml.Node, s *Schema, typ string, ex any) {
	if ex == nil {
		return
	}
	if str, isStr := ex.(string); isStr && str == "" {
		return
	}
	v, ok := c.typed(typ, ex)
	if !ok {
		return // not usable as an example of this type: documentation text, say
	}
	if len(s.Enum) > 0 && typ != "boolean" && !slices.ContainsFunc(s.Enum, func(e any) bool { return fmt.Sprint(e) == v.Value }) {
		return
	}
	set(n, "example", v)
}

// typed converts a metadata value to a node of the JSON type typ (strings are
// parsed for numbers and booleans; arrays and objects from JSON text). ok is
// false when it cannot be.
func (c *converter) typed(typ string, v any) (*yaml.Node, bool) {
	if v == nil {
		return nil, false
	}
	switch typ {
	case "string":
		switch x := v.(type) {
		case string:
			return str(x), true
		case float64, bool:
			return str(fmt.Sprint(x)), true
		}
	case "integer":
		if f, ok := number(v); ok && f == math.Trunc(f) && math.Abs(f) < 1<<53 {
			return integer(int64(f)), true
		}
	case "number":
		if f, ok := number(v); ok {
			return float(f), true
		}
	case "boolean":
		switch x := v.(type) {
		case bool:
			return boolean(x), true
		case string:
			if b, err := strconv.ParseBool(x); err == nil {
				return boolean(b), true
			}
		}
	case "array", "object", "":
		if s, ok := v.(string); ok {
			var parsed any
			dec := json.NewDecoder(strings.NewReader(s))
			dec.UseNumber()
			if dec.Decode(&parsed) != nil || dec.More() {
				if typ == "" {
					return str(s), true // any value: the string itself
				}
				return nil, false
			}
			v = parsed
		}
		v = plainJSON(v)
		switch v.(type) {
		case []any:
			return value(v), typ != "object"
		case map[string]any:
			return value(v), typ != "array"
		}
		return value(v), typ == ""
	}
	return nil, false
}

// number reads a number or a numeric string.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
	}
	return 0, false
}

// plainJSON turns json.Number values into int64 (when integral) or float64, so
// that they are written as YAML numbers.
func plainJSON(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plainJSON(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = plainJSON(e)
		}
		return out
	}
	return v
}
