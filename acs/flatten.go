package acs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Flatten adds v to dst as the query parameters (or form fields) named name, the way
// darabonba-openapi v2 puts a structured value on the wire: utils.Query for an RPC
// query (styles repeatList and flat) and utils.ToForm for a formData body, which
// CallApi sends with ReqBodyType "formData". Generated code calls it once per
// parameter with the request field as it is: a scalar, a pointer, a slice, a map or
// a struct whose json tags hold the wire names.
//
// What darabonba does, and so what Flatten does:
//
//   - v goes through encoding/json and back, decoded with UseNumber. The JSON rules
//     therefore decide what is sent: json tags name the keys, omitempty/omitzero and
//     nil pointers drop a field, MarshalJSON methods apply, each byte of invalid
//     UTF-8 in a string or key becomes U+FFFD (in name too: darabonba has it as a map
//     key). A v that encodes as null (nil, a nil pointer, slice or map) adds nothing.
//   - An object adds each member under name + "." + key, recursively (Name.A.B=v).
//     A member that is null adds nothing; an empty object adds nothing.
//   - An array adds item i under name + "." + i, counting from 1 (Name.1=a&Name.2=b).
//     An item that is an object is flattened under that key (Name.1.Key=k), and its
//     members may hold arrays again (Name.1.Sub.1=x). An empty array adds nothing.
//   - An item that is itself an array is not flattened: darabonba prints it with
//     fmt's %v of the decoded value, so [["a b",1]] becomes Name.1=[a b 1] (a nested
//     object there prints as map[k:v], keys sorted). Flatten prints it the same way.
//   - A scalar is sent as text: a string as it is (an empty string is sent, as
//     Name=), a number exactly as encoding/json wrote it (integers in decimal, all
//     digits of an int64 or uint64; floats in Go's shortest form, 1e+21, 1e-7,
//     100000000000000000000, 0.1), a boolean as true or false.
//   - With name "", v must encode as an object and its members become top-level
//     parameters: Flatten(dst, "", m) is utils.Query(m). (darabonba applies the same
//     empty-prefix rule at any depth: a member named "" of a top-level object "" has
//     its own members added without a prefix.)
//
// Where darabonba has no defined answer Flatten returns an error and adds nothing
// more (dst may hold the parameters added before the error):
//
//   - v cannot be JSON-encoded (a NaN, a channel): darabonba ignores the error and
//     sends none of the operation's parameters.
//   - An array holds a null item (a nil pointer in a []*T): darabonba panics.
//   - Two values land on one key (a key containing "." can repeat another path, as
//     {"A.B":1,"A":{"B":2}} does), or the key was already in dst: darabonba keeps
//     whichever it wrote last in Go's random map order.
//
// dst is a url.Values (a query) or a Form (a body) and must not be nil. Each key
// gets exactly one value. Strings, integers, booleans, pointers to them and lists of
// strings take a short path without the JSON round trip, to the same text; use
// Flatten for scalar parameters too, so that they get U+FFFD where darabonba does.
func Flatten(dst map[string][]string, name string, v any) error {
	if done, err := flattenCommon(dst, name, v); done {
		return err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("acs: parameter %s: %w", paramName(name), err)
	}
	if string(b) == "null" {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil { // cannot happen: encoding/json wrote b
		return fmt.Errorf("acs: parameter %s: %w", paramName(name), err)
	}
	if !utf8.ValidString(name) {
		name = validUTF8(name)
	}
	if _, ok := x.(map[string]any); name == "" && !ok {
		return fmt.Errorf("acs: parameters without a name must be an object, not %s", b[:min(len(b), 20)])
	}
	return flattenValue(dst, name, x)
}

// flattenCommon flattens the common shapes of a parameter without the JSON round trip,
// when that gives the same text: valid UTF-8 strings, integers, booleans, pointers to
// them, and lists of strings without nil items. done is false when it did nothing.
func flattenCommon(dst map[string][]string, name string, v any) (done bool, err error) {
	if name == "" || !utf8.ValidString(name) {
		return false, nil
	}
	switch v := v.(type) {
	case string:
		if utf8.ValidString(v) {
			return true, setOnce(dst, name, v)
		}
	case *string:
		if v == nil {
			return true, nil
		}
		if utf8.ValidString(*v) {
			return true, setOnce(dst, name, *v)
		}
	case int:
		return true, setOnce(dst, name, strconv.Itoa(v))
	case int32:
		return true, setOnce(dst, name, strconv.FormatInt(int64(v), 10))
	case int64:
		return true, setOnce(dst, name, strconv.FormatInt(v, 10))
	case *int32:
		if v == nil {
			return true, nil
		}
		return true, setOnce(dst, name, strconv.FormatInt(int64(*v), 10))
	case *int64:
		if v == nil {
			return true, nil
		}
		return true, setOnce(dst, name, strconv.FormatInt(*v, 10))
	case bool:
		return true, setOnce(dst, name, strconv.FormatBool(v))
	case *bool:
		if v == nil {
			return true, nil
		}
		return true, setOnce(dst, name, strconv.FormatBool(*v))
	case []string:
		for _, s := range v {
			if !utf8.ValidString(s) {
				return false, nil
			}
		}
		for i, s := range v {
			if err := setOnce(dst, name+"."+strconv.Itoa(i+1), s); err != nil {
				return true, err
			}
		}
		return true, nil
	case []*string:
		for _, s := range v {
			if s == nil || !utf8.ValidString(*s) {
				return false, nil
			}
		}
		for i, s := range v {
			if err := setOnce(dst, name+"."+strconv.Itoa(i+1), *s); err != nil {
				return true, err
			}
		}
		return true, nil
	}
	return false, nil
}

// flattenValue is darabonba's flatRepeatedList over a decoded value: x is nil, a
// string, a json.Number, a bool, a []any or a map[string]any.
func flattenValue(dst map[string][]string, key string, x any) error {
	switch x := x.(type) {
	case nil:
		return nil
	case map[string]any:
		for k, e := range x {
			if err := flattenValue(dst, joinKey(key, k), e); err != nil {
				return err
			}
		}
		return nil
	case []any:
		for i, e := range x {
			ik := key + "." + strconv.Itoa(i+1)
			switch e.(type) {
			case nil:
				return fmt.Errorf("acs: parameter %s: null list item (darabonba-openapi panics on one)", ik)
			case []any:
				if err := setOnce(dst, ik, fmt.Sprint(e)); err != nil {
					return err
				}
			default:
				if err := flattenValue(dst, ik, e); err != nil {
					return err
				}
			}
		}
		return nil
	case string:
		return setOnce(dst, key, x)
	case json.Number:
		return setOnce(dst, key, string(x))
	case bool:
		return setOnce(dst, key, strconv.FormatBool(x))
	}
	return fmt.Errorf("acs: parameter %s: unexpected %T", paramName(key), x) // not produced by encoding/json
}

// joinKey is darabonba's key of member k under prefix: no dot after an empty prefix.
func joinKey(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

func setOnce(dst map[string][]string, key, value string) error {
	if _, dup := dst[key]; dup {
		return fmt.Errorf("acs: parameter %s is set twice", paramName(key))
	}
	dst[key] = []string{value}
	return nil
}

// validUTF8 is s as a JSON round trip leaves it: every byte of an invalid UTF-8
// sequence becomes U+FFFD.
func validUTF8(s string) string {
	var b strings.Builder
	for _, r := range s { // ranging over a string yields U+FFFD for each invalid byte
		b.WriteRune(r)
	}
	return b.String()
}

func paramName(name string) string {
	if name == "" {
		return `""`
	}
	return name
}
