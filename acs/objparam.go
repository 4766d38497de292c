package acs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Object styles of ObjectParam, as OpenAPI 3.0 names them.
const (
	StyleForm       = "form"       // explode: R=100&G=200; not exploded: color=R,100,G,200
	StyleDeepObject = "deepObject" // color[R]=100&color[G]=200
)

// ObjectParam puts the object v (a struct or a map whose members are strings,
// numbers or booleans) into the query q as OpenAPI 3.0 serializes an object
// parameter named name in the query, following RFC 6570:
//
//   - style form, explode: one pair per member, named by the member (R=100&G=200);
//   - style form, not exploded: one pair name=k1,v1,k2,v2 (color=R,100,G,200);
//   - style deepObject (explode only): one pair per member, name[key]=value.
//
// The members are v's JSON encoding's (encoding/json: a struct's in field order, a
// map's by key), so a member that is null or omitted is not sent; strings are
// used as they are, numbers and booleans as encoding/json writes them (1.5, 1e+21,
// true). A nil v, or an object without members, sends nothing. The runtime
// percent-encodes names and values when it encodes the query (color%5BR%5D=100,
// color=R%2C100).
//
// A member that is an object or an array, a v that is not an object, and an unknown
// style (or deepObject without explode) are errors.
func ObjectParam(q url.Values, name, style string, explode bool, v any) error {
	if style != StyleForm && (style != StyleDeepObject || !explode) {
		return fmt.Errorf("acs: ObjectParam: style %q with explode %t is not form or exploded deepObject", style, explode)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("acs: parameter %s: %w", name, err)
	}
	if string(b) == "null" {
		return nil
	}
	members, err := objectMembers(b)
	if err != nil {
		return fmt.Errorf("acs: parameter %s: %w", name, err)
	}
	if len(members) == 0 {
		return nil
	}
	switch {
	case style == StyleDeepObject:
		for i := 0; i < len(members); i += 2 {
			q.Add(name+"["+members[i]+"]", members[i+1])
		}
	case explode:
		for i := 0; i < len(members); i += 2 {
			q.Add(members[i], members[i+1])
		}
	default:
		q.Set(name, strings.Join(members, ","))
	}
	return nil
}

// objectMembers reads the JSON object b as key, value, key, value, … in its order,
// skipping null members.
func objectMembers(b []byte) ([]string, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return nil, fmt.Errorf("value is not an object: %.20s", b)
	}
	var members []string
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		tok, err = d.Token()
		if err != nil {
			return nil, err
		}
		switch val := tok.(type) {
		case nil:
			continue
		case string:
			members = append(members, key, val)
		case json.Number:
			members = append(members, key, val.String())
		case bool:
			members = append(members, key, fmt.Sprint(val))
		default:
			return nil, errors.New("member " + key + " is an object or an array; object parameters hold strings, numbers and booleans")
		}
	}
	return members, nil
}
