package acs

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The official SDKs' JSON is not encoding/json's of a generated type: their model
// structs declare fields sorted by Go name, and a request body goes through
// utils.ParseToMap (every object becomes a map) before dara.Stringify writes it
// without HTML escaping. These re-encode acsgen's JSON so that the bytes on the
// wire, and so the signed content hash, are the SDKs' own.

// encodeBody is a JSON request body as CallApi sends the SDKs' body map: an object
// has its members sorted by key at every level (ParseToMap makes every object a
// map, which encoding/json writes in key order), numbers keep their text, and <, >
// and & are not escaped. A body that is not an object (an array of models, say)
// the SDKs pass as it is, so it is written as JSONParam writes a value.
func encodeBody(v any) ([]byte, error) {
	data, err := marshalNoHTML(v)
	if err != nil {
		return nil, err
	}
	if len(data) == 0 || data[0] != '{' {
		return reorderAsSDK(data, reflect.ValueOf(v))
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var tree any
	if err := d.Decode(&tree); err != nil {
		return nil, err
	}
	return marshalNoHTML(tree)
}

// sdkFieldOrder orders object members as an official SDK model declares its
// fields: by Go name, the JSON key with its first letter upper-cased, then by key.
// For a map, which the SDKs write in plain key order, the two differ only between
// keys whose first letters differ in case and in order (a, B).
func sdkFieldOrder(a, b string) int {
	return cmp.Or(strings.Compare(upperFirst(a), upperFirst(b)), strings.Compare(a, b))
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// reorderAsSDK re-encodes data, the JSON encoding of shape without HTML escaping,
// as dara.Stringify writes the same value held in SDK types: a struct's members in
// SDK field order, a map's by key. Every string and number keeps the text
// encoding/json gave it (an invalid byte stays \ufffd, as Stringify writes it).
// Where shape does not tell (raw JSON, a value with its own MarshalJSON), an
// object is taken for a map: the SDKs hold a free-form object as
// map[string]interface{}.
func reorderAsSDK(data []byte, shape reflect.Value) ([]byte, error) {
	n, rest, err := parseRaw(bytes.TrimSpace(data))
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, errors.New("trailing data after JSON value")
	}
	var out bytes.Buffer
	writeShaped(&out, n, shape)
	return out.Bytes(), nil
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

// writeShaped writes n, whose Go value is rv (invalid when unknown).
func writeShaped(out *bytes.Buffer, n *rawNode, rv reflect.Value) {
	for rv.IsValid() && (rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface) && !rv.Type().Implements(marshalerType) {
		rv = rv.Elem()
	}
	if rv.IsValid() && (rv.Type().Implements(marshalerType) || reflect.PointerTo(rv.Type()).Implements(marshalerType)) {
		rv = reflect.Value{}
	}
	switch n.kind {
	case '{':
		// members are the Go values of the object's members by key as written.
		members := map[string]reflect.Value{}
		order := make([]int, len(n.keys))
		for i := range order {
			order[i] = i
		}
		switch {
		case rv.IsValid() && rv.Kind() == reflect.Map:
			// encoding/json wrote the map's keys sorted as Go strings, which is
			// dara.Stringify's order too; a decoded key could sort otherwise (an
			// invalid byte becomes U+FFFD), so the order stays.
			if rv.Type().Key().Kind() == reflect.String {
				for it := rv.MapRange(); it.Next(); {
					if k, err := marshalNoHTML(it.Key().String()); err == nil {
						members[string(k)] = it.Value()
					}
				}
			}
		case rv.IsValid() && rv.Kind() == reflect.Struct:
			structMembers(rv, members)
			slices.SortStableFunc(order, func(a, b int) int { return sdkFieldOrder(n.keys[a], n.keys[b]) })
		default:
			slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(n.keys[a], n.keys[b]) })
		}
		out.WriteByte('{')
		for i, m := range order {
			if i > 0 {
				out.WriteByte(',')
			}
			out.Write(n.rawKeys[m])
			out.WriteByte(':')
			writeShaped(out, n.items[m], members[string(n.rawKeys[m])])
		}
		out.WriteByte('}')
	case '[':
		out.WriteByte('[')
		for i, item := range n.items {
			if i > 0 {
				out.WriteByte(',')
			}
			var irv reflect.Value
			if rv.IsValid() && (rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array) && i < rv.Len() {
				irv = rv.Index(i)
			}
			writeShaped(out, item, irv)
		}
		out.WriteByte(']')
	default:
		out.Write(n.raw)
	}
}

// rawNode is a parsed JSON value whose strings and numbers keep their text.
type rawNode struct {
	kind    byte       // '{', '[' or 0 for a scalar
	raw     []byte     // a scalar's text
	keys    []string   // an object's keys, decoded, in order
	rawKeys [][]byte   // the same as written
	items   []*rawNode // an object's values or an array's items
}

// parseRaw parses one JSON value at the start of data (valid JSON, as encoding/json
// writes it) and returns what follows it.
func parseRaw(data []byte) (*rawNode, []byte, error) {
	data = skipSpace(data)
	if len(data) == 0 {
		return nil, nil, errors.New("unexpected end of JSON")
	}
	switch data[0] {
	case '{', '[':
		n := &rawNode{kind: data[0]}
		end := byte('}')
		if n.kind == '[' {
			end = ']'
		}
		data = skipSpace(data[1:])
		if len(data) > 0 && data[0] == end {
			return n, data[1:], nil
		}
		for {
			if n.kind == '{' {
				key, rest, err := rawString(data)
				if err != nil {
					return nil, nil, err
				}
				var k string
				if err := json.Unmarshal(key, &k); err != nil {
					return nil, nil, err
				}
				n.keys, n.rawKeys = append(n.keys, k), append(n.rawKeys, key)
				rest = skipSpace(rest)
				if len(rest) == 0 || rest[0] != ':' {
					return nil, nil, errors.New("expected : after object key")
				}
				data = rest[1:]
			}
			item, rest, err := parseRaw(data)
			if err != nil {
				return nil, nil, err
			}
			n.items = append(n.items, item)
			rest = skipSpace(rest)
			switch {
			case len(rest) > 0 && rest[0] == ',':
				data = skipSpace(rest[1:])
			case len(rest) > 0 && rest[0] == end:
				return n, rest[1:], nil
			default:
				return nil, nil, errors.New("expected , or the end of an object or array")
			}
		}
	case '"':
		s, rest, err := rawString(data)
		return &rawNode{raw: s}, rest, err
	}
	i := 0
	for i < len(data) && !strings.ContainsRune(",]} \t\r\n", rune(data[i])) {
		i++
	}
	return &rawNode{raw: data[:i]}, data[i:], nil
}

// rawString returns the string token at the start of data, quotes included.
func rawString(data []byte) ([]byte, []byte, error) {
	if len(data) == 0 || data[0] != '"' {
		return nil, nil, errors.New("expected a string")
	}
	for i := 1; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return data[:i+1], data[i+1:], nil
		}
	}
	return nil, nil, errors.New("unterminated string")
}

func skipSpace(b []byte) []byte {
	return bytes.TrimLeft(b, " \t\r\n")
}

// structMembers maps the JSON names of a struct's fields, as written, to their
// values, fields of untagged embedded structs included, as encoding/json names
// them.
func structMembers(rv reflect.Value, into map[string]reflect.Value) {
	t := rv.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		fv := rv.Field(i)
		if f.Anonymous && name == "" {
			for fv.Kind() == reflect.Pointer && !fv.IsNil() {
				fv = fv.Elem()
			}
			if fv.Kind() == reflect.Struct {
				structMembers(fv, into)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		k, err := marshalNoHTML(name)
		if err != nil {
			continue
		}
		if _, taken := into[string(k)]; !taken {
			into[string(k)] = fv
		}
	}
}

// marshalNoHTML encodes v as encoding/json does, without HTML escaping or a
// trailing newline.
func marshalNoHTML(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
