package acs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Path styles of PathParam and PathObject, as OpenAPI 3.0 names them (StyleSimple,
// the default of path and header parameters, is declared beside JoinParam).
const (
	StyleLabel  = "label"  // .5, arrays .3,4,5 or (explode) .3.4.5
	StyleMatrix = "matrix" // ;id=5, arrays ;id=3,4,5 or (explode) ;id=3;id=4;id=5
)

// PathParam renders the path parameter name, a primitive (one item) or an array
// (its items, already formatted as strings), as one path segment in the OpenAPI
// 3.0 style given (simple, label or matrix), following its style table:
//
//	style   explode  5      [3, 4, 5]
//	simple  either   5      3,4,5
//	label   false    .5     .3,4,5
//	label   true     .5     .3.4.5
//	matrix  false    ;id=5  ;id=3,4,5
//	matrix  true     ;id=5  ;id=3;id=4;id=5
//
// Each item is percent-encoded as PathSegment encodes (RFC 3986 unreserved
// characters kept), so that a "/", ",", ";" or "=" of a value cannot be taken for
// a delimiter; in style label a "." of a value is sent as %2E for the same reason.
// The delimiters and prefixes are sent as they are. A segment that would be "."
// or ".." is sent as %2E or %2E%2E, as PathSegment does. An unknown style gives
// the simple rendering.
func PathParam(style, name string, explode bool, items ...string) string {
	var b strings.Builder
	prefix, sep := pathDelims(style, name, explode)
	b.WriteString(prefix)
	for i, item := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		writePathItem(&b, item, style == StyleLabel)
	}
	return dotSegment(b.String())
}

// PathObject renders the object v (a struct or a map whose members are strings,
// numbers or booleans) as the path parameter name in the OpenAPI 3.0 style given,
// following its style table for {R: 100, G: 200}:
//
//	style   explode  value
//	simple  false    R,100,G,200
//	simple  true     R=100,G=200
//	label   false    .R,100,G,200
//	label   true     .R=100.G=200
//	matrix  false    ;color=R,100,G,200
//	matrix  true     ;R=100;G=200
//
// The members are those ObjectParam sends (encoding/json's, nulls left out); names
// and values are percent-encoded as PathParam encodes items. A member that is an
// object or an array, and a v that is not an object, are errors; a nil v or an
// object without members renders as the style's prefix alone ("", "." or ";color").
func PathObject(style, name string, explode bool, v any) (string, error) {
	members, err := jsonMembers(name, v)
	if err != nil {
		return "", err
	}
	return dotSegment(renderObject(style, name, explode, members, func(b *strings.Builder, s string) {
		writePathItem(b, s, style == StyleLabel)
	})), nil
}

// HeaderObject renders the object v as a header parameter of style simple (the
// only style OpenAPI 3.0 defines for headers): R=100,G=200 with explode, else
// R,100,G,200. Names and values are written as they are, as a header's primitive
// values are; the members are those of PathObject.
func HeaderObject(explode bool, v any) (string, error) {
	members, err := jsonMembers("", v)
	if err != nil {
		return "", err
	}
	return renderObject(StyleSimple, "", explode, members, func(b *strings.Builder, s string) { b.WriteString(s) }), nil
}

// renderObject writes prefix, then key=value pairs (explode) or key,value items
// (not exploded) joined by the style's delimiter.
func renderObject(style, name string, explode bool, members []string, write func(*strings.Builder, string)) string {
	var b strings.Builder
	prefix, sep := pathDelims(style, name, explode)
	kv := ","
	if explode {
		kv = "="
		if style == StyleMatrix { // ;R=100;G=200: each member is its own name=value
			prefix, sep = ";", ";"
		}
	}
	b.WriteString(prefix)
	for i := 0; i+1 < len(members); i += 2 {
		if i > 0 {
			b.WriteString(sep)
		}
		write(&b, members[i])
		b.WriteString(kv)
		write(&b, members[i+1])
	}
	return b.String()
}

// pathDelims is the prefix and the item delimiter of style.
func pathDelims(style, name string, explode bool) (prefix, sep string) {
	switch style {
	case StyleLabel:
		if explode {
			return ".", "."
		}
		return ".", ","
	case StyleMatrix:
		encoded := PercentEncode(name)
		if explode {
			return ";" + encoded + "=", ";" + encoded + "="
		}
		return ";" + encoded + "=", ","
	}
	return "", ","
}

// writePathItem writes PercentEncode(s), "." as %2E too when dots is set.
func writePathItem(b *strings.Builder, s string, dots bool) {
	if !dots || !strings.Contains(s, ".") {
		writePercentEncoded(b, s)
		return
	}
	for i, part := range strings.Split(s, ".") {
		if i > 0 {
			b.WriteString("%2E")
		}
		writePercentEncoded(b, part)
	}
}

// dotSegment keeps a rendered segment from being a dot segment (RFC 3986 §5.2.4).
func dotSegment(s string) string {
	switch s {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return s
}

// jsonMembers is v's members as key, value, key, value, …: nil for a nil v.
func jsonMembers(name string, v any) ([]string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("acs: parameter %s: %w", name, err)
	}
	if string(bytes.TrimSpace(b)) == "null" {
		return nil, nil
	}
	members, err := objectMembers(b)
	if err != nil {
		return nil, fmt.Errorf("acs: parameter %s: %w", name, err)
	}
	return members, nil
}
