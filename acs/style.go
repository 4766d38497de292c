package acs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// JSONParam renders v as the one parameter value of a `style: json` parameter, as
// darabonba-openapi v2's ArrayToStringWithSpecifiedStyle(v, name, "json") does (the
// official SDKs send it as the parameter's *Shrink field):
//
//   - v is JSON-encoded without HTML escaping (<, > and & stay as they are; U+2028
//     and U+2029 are still escaped, as encoding/json always does), with no trailing
//     newline. A struct's members are in the order an SDK model declares its
//     fields (by JSON key with the first letter upper-cased, then by key), a map's
//     by key. Floats are in Go's shortest form (1e+21, 1e-7, 0.1).
//   - A nil v, or a nil pointer, slice or map, gives "" (an empty slice gives "[]").
//     The official SDKs do not set the parameter at all when the field is nil. So
//     does an empty string of a named string type: darabonba's dara.IsNil takes it
//     for nil (the runtime boxes every empty string as the shared zero value).
//   - A string, *string or []byte is returned as it is, not JSON-quoted.
//
// An io.Reader is refused (darabonba would read it). darabonba turns an encoding error
// into ""; JSONParam returns it.
func JSONParam(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case *string:
		if v == nil {
			return "", nil
		}
		return *v, nil
	case []byte:
		return string(v), nil
	case io.Reader:
		return "", errors.New("acs: JSONParam: an io.Reader is not a parameter value")
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		if rv.IsNil() {
			return "", nil
		}
	case reflect.String:
		if rv.Len() == 0 {
			return "", nil
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("acs: JSONParam: %w", err)
	}
	data, err := reorderAsSDK(b.Bytes(), reflect.ValueOf(v))
	if err != nil {
		return "", fmt.Errorf("acs: JSONParam: %w", err)
	}
	return string(data), nil
}

// Array styles of JoinParam: the separator darabonba joins the items with.
const (
	StyleSimple         = "simple"         // a,b
	StyleSpaceDelimited = "spaceDelimited" // a b
	StylePipeDelimited  = "pipeDelimited"  // a|b
)

// JoinParam renders items as the one parameter value of a `style: simple`,
// `spaceDelimited` or `pipeDelimited` array, as darabonba-openapi v2's
// ArrayToStringWithSpecifiedStyle(items, name, style) does:
//
//   - Items are joined with ",", " " or "|". Nothing is escaped: an item that
//     contains the separator is not told apart from two items.
//   - An item is dereferenced (one pointer or interface, then one more pointer). A
//     string, or any type whose kind is string (an enum type), is used as it is.
//     Anything else is json.Marshal-ed, which escapes HTML: 1, 1.5, 1e+21, true,
//     {"Key":"\u003ck\u003e"} (unlike JSONParam).
//   - No items (nil or empty) give "". The official SDKs still send `Name=` for an
//     empty, non-nil slice.
//
// A nil item (darabonba panics on one), an item that cannot be encoded and an
// unknown style are errors.
func JoinParam[T any](items []T, style string) (string, error) {
	var sep string
	switch style {
	case StyleSimple:
		sep = ","
	case StyleSpaceDelimited:
		sep = " "
	case StylePipeDelimited:
		sep = "|"
	default:
		return "", fmt.Errorf("acs: JoinParam: style %q is not simple, spaceDelimited or pipeDelimited", style)
	}
	var b strings.Builder
	var rv reflect.Value // of items, made once only if an item needs it
	for i := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		switch item := any(items[i]).(type) {
		case string:
			b.WriteString(item)
			continue
		case *string:
			if item != nil {
				b.WriteString(*item)
				continue
			}
		}
		if !rv.IsValid() {
			rv = reflect.ValueOf(items)
		}
		s, err := joinItem(rv.Index(i))
		if err != nil {
			return "", fmt.Errorf("acs: JoinParam: item %d: %w", i+1, err)
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// joinItem is how darabonba's flatArray renders one item.
func joinItem(v reflect.Value) (string, error) {
	if v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if !v.IsValid() {
		return "", errors.New("nil item (darabonba-openapi panics on one)")
	}
	if v.Kind() == reflect.String {
		return v.String(), nil
	}
	b, err := json.Marshal(v.Interface())
	if err != nil {
		return "", err
	}
	return string(b), nil
}
