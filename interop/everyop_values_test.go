package interop_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/acsgen/acsgen/metadata"
)

// Values for the every-operation wire test, made from the metadata's schemas (the
// official SDK generator's view of an operation), not from acsgen's spec. One value
// feeds both sides: acsgen gets it as request JSON, darabonba as the maps and
// structs an SDK method hands to CallApi.

// sdkStruct is an object as an official SDK model holds it: a struct whose fields
// the Go SDK generator sorts by Go name (the JSON key, first letter upper-cased; the
// GetPluginAttachment v10.1.0 model tree in shared/reference is in that order), so
// encoding/json writes its members in that order. A map (additionalProperties)
// is a Go map instead, written in key order.
type sdkStruct []sdkField

type sdkField struct {
	key   string
	value any
}

func (s sdkStruct) MarshalJSON() ([]byte, error) {
	sorted := slices.Clone(s)
	slices.SortStableFunc(sorted, func(a, b sdkField) int { return strings.Compare(goFieldName(a.key), goFieldName(b.key)) })
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range sorted {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshalNoHTML(f.key)
		if err != nil {
			return nil, err
		}
		v, err := marshalNoHTML(f.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// goFieldName is the SDK field name's sort key: the JSON key with its first letter
// upper-cased.
func goFieldName(key string) string {
	r := []rune(key)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// marshalNoHTML encodes as dara.Stringify does: no HTML escaping, no newline.
func marshalNoHTML(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// valueGen makes random values that fit a metadata schema, so that the generated
// client's Validate passes them; the values include ones that need encoding.
type valueGen struct {
	r       *rand.Rand
	schemas metadata.Schemas
}

// awkward are string values that test encoding: spaces, reserved characters of
// URLs and forms, HTML characters (which encoding/json would escape), UTF-8.
var awkward = []string{"v1", "a b", "x/y?z#w", "ü-插件", "a+b%c&d=e", "<&>", "~*'()", "1,2", "\"q\"\\"}

func (g *valueGen) value(s *metadata.Schema, depth int) any {
	for s != nil && s.Ref != "" {
		name := strings.TrimPrefix(s.Ref, "#/components/schemas/")
		s, _ = g.schemas.Get(name)
	}
	if s == nil {
		return "v"
	}
	if len(s.Enum) > 0 {
		return enumValue(s, s.Enum[g.r.IntN(len(s.Enum))])
	}
	switch s.Type {
	case "integer":
		lo, hi := bound(s.Minimum, 0), bound(s.Maximum, 1000)
		if hi < lo {
			hi = lo
		}
		return json.Number(strconv.FormatInt(lo+g.r.Int64N(min(hi-lo, 1000)+1), 10))
	case "number":
		lo := bound(s.Minimum, 0)
		return json.Number(strconv.FormatFloat(float64(lo)+float64(g.r.IntN(8))/4, 'f', -1, 64))
	case "boolean":
		return g.r.IntN(2) == 0
	case "array":
		n := max(1+g.r.IntN(2), int(bound(s.MinItems, 0)))
		if hi := bound(s.MaxItems, 0); hi > 0 {
			n = min(n, int(hi))
		}
		items := make([]any, n)
		for i := range items {
			items[i] = g.value(s.Items, depth+1)
		}
		return items
	case "object":
		if depth > 6 {
			return sdkStruct{}
		}
		if s.Properties.Len() == 0 {
			// A map, or a free-form object: the SDKs declare both as Go maps.
			var values *metadata.Schema = s.AdditionalProperties
			return map[string]any{"k1": g.value(values, depth+1), "Ka": g.value(values, depth+1)}
		}
		var obj sdkStruct
		for _, name := range s.Properties.Keys {
			obj = append(obj, sdkField{name, g.value(s.Properties.Values[name], depth+1)})
		}
		return obj
	}
	v := awkward[g.r.IntN(len(awkward))]
	if n := int(bound(s.MaxLength, 0)); n > 0 && len(v) > n {
		v = v[:n]
	}
	return v
}

// enumValue is an enum value as the schema's type has it (the metadata writes
// them as strings whatever the type).
func enumValue(s *metadata.Schema, v any) any {
	text := fmt.Sprint(v)
	switch s.Type {
	case "integer", "number":
		return json.Number(text)
	case "boolean":
		return text == "true"
	}
	return text
}

// bound reads a metadata bound, a number or a string holding one.
func bound(v any, def int64) int64 {
	switch v := v.(type) {
	case float64:
		return int64(v)
	case string:
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			return int64(n)
		}
	}
	return def
}
