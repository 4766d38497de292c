package load

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// toJSON renders the YAML node tree the Locator already parsed as the JSON that
// kin-openapi would make of the same YAML, so that its loader, which tries
// encoding/json before YAML, decodes the spec without parsing the YAML a second
// time. That second parse, with its origin bookkeeping, was half of generation.
//
// What kin-openapi does with YAML (github.com/oasdiff/yaml with timestamps off) is:
// decode into map/slice/scalar values, turn integer map keys into their decimal
// text, json.Marshal. toJSON reproduces that for the plain YAML specs are written
// in, and gives up (ok false) on anything whose decoding it does not reproduce
// exactly: aliases and merge keys (expansion and its aliasing limits), explicit
// tags (!!binary, !!str 1, custom tags), keys that are not strings or plain
// decimal integers, floats JSON cannot hold (.inf, .nan), strings that are not
// UTF-8, and the "__origin__" key kin-openapi's origin tracking claims. The
// caller then hands kin-openapi the original bytes, as before. sizeHint is the
// YAML's size, which the JSON comes close to.
func toJSON(root *yaml.Node, sizeHint int) (data []byte, ok bool) {
	w := jsonWriter{buf: make([]byte, 0, sizeHint)}
	if !w.value(root) {
		return nil, false
	}
	return w.buf, true
}

type jsonWriter struct {
	buf []byte
}

func (w *jsonWriter) value(n *yaml.Node) bool {
	if n.Style&yaml.TaggedStyle != 0 {
		return false
	}
	switch n.Kind {
	case yaml.MappingNode:
		return w.mapping(n)
	case yaml.SequenceNode:
		w.buf = append(w.buf, '[')
		for i, item := range n.Content {
			if i > 0 {
				w.buf = append(w.buf, ',')
			}
			if !w.value(item) {
				return false
			}
		}
		w.buf = append(w.buf, ']')
		return true
	case yaml.ScalarNode:
		return w.scalar(n)
	}
	return false // aliases, and documents nested where a value belongs
}

func (w *jsonWriter) mapping(n *yaml.Node) bool {
	w.buf = append(w.buf, '{')
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, ok := mapKey(n.Content[i])
		if !ok {
			return false
		}
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		if !w.string(key) {
			return false
		}
		w.buf = append(w.buf, ':')
		if !w.value(n.Content[i+1]) {
			return false
		}
	}
	w.buf = append(w.buf, '}')
	return true
}

// mapKey is the JSON object key of a YAML mapping key. Duplicates need no care:
// the Locator has refused specs with duplicate keys before anything loads them.
func mapKey(k *yaml.Node) (string, bool) {
	if k.Kind != yaml.ScalarNode || k.Style&yaml.TaggedStyle != 0 || k.Value == "__origin__" {
		return "", false
	}
	switch k.Tag {
	case "!!str":
		return k.Value, true
	case "!!int": // status codes written without quotes: 200
		return k.Value, canonicalInt(k.Value)
	}
	return "", false
}

// canonicalInt says whether s is an integer written the way strconv writes it, so
// that YAML's reading of it (base prefixes, "_", "+", leading zeros) cannot differ.
func canonicalInt(s string) bool {
	i, err := strconv.ParseInt(s, 10, 64)
	return err == nil && strconv.FormatInt(i, 10) == s
}

func (w *jsonWriter) scalar(n *yaml.Node) bool {
	switch n.Tag {
	case "!!str", "!!timestamp": // timestamps stay strings: kin-openapi turns their resolution off
		return w.string(n.Value)
	case "!!null":
		w.buf = append(w.buf, "null"...)
		return true
	case "!!bool":
		switch n.Value {
		case "true", "True", "TRUE":
			w.buf = append(w.buf, "true"...)
			return true
		case "false", "False", "FALSE":
			w.buf = append(w.buf, "false"...)
			return true
		}
	case "!!int", "!!float":
		num, ok := numberText(n)
		w.buf = append(w.buf, num...)
		return ok
	}
	return false
}

// numberText is the JSON number an !!int or !!float scalar becomes. A canonical
// integer is its own text; anything else goes through YAML's own reading and
// encoding/json's writing, as in kin-openapi: 1e3 must reach an integer field as
// 1000, 0x1F as 31.
func numberText(n *yaml.Node) (string, bool) {
	if n.Tag == "!!int" && canonicalInt(n.Value) {
		return n.Value, true
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return "", false
	}
	text, err := json.Marshal(v)
	if err != nil { // ±Inf, NaN
		return "", false
	}
	return string(text), true
}

// string appends s as a JSON string. encoding/json would also escape <, >, & and
// U+2028/9; that changes the text but not the decoded value.
func (w *jsonWriter) string(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	w.buf = append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		w.buf = append(w.buf, s[start:i]...)
		switch c {
		case '"', '\\':
			w.buf = append(w.buf, '\\', c)
		case '\n':
			w.buf = append(w.buf, '\\', 'n')
		case '\r':
			w.buf = append(w.buf, '\\', 'r')
		case '\t':
			w.buf = append(w.buf, '\\', 't')
		default:
			w.buf = append(w.buf, '\\', 'u', '0', '0', hexDigit[c>>4], hexDigit[c&0xF])
		}
		start = i + 1
	}
	w.buf = append(w.buf, s[start:]...)
	w.buf = append(w.buf, '"')
	return true
}

const hexDigit = "0123456789abcdef"
