package acs

import (
	"encoding/json"
	"errors"
	"fmt"
)

// UnionTag returns the value of the discriminator property of the JSON object
// data, which names the alternative of a union it is: generated UnmarshalJSON
// methods switch on it. A missing property, or one that is not a string, is an
// error, as kin-openapi's validation has it.
func UnionTag(data []byte, property string) (string, error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return "", err
	}
	raw, ok := members[property]
	if !ok {
		return "", fmt.Errorf("the object has no %q property to name its alternative", property)
	}
	var tag string
	if err := json.Unmarshal(raw, &tag); err != nil {
		return "", fmt.Errorf("property %q is not a string", property)
	}
	return tag, nil
}

// UnionKeys returns those of keys the JSON object data has, in the order given:
// the properties that tell the object alternatives of a union apart, each
// required by one alternative alone.
func UnionKeys(data []byte, keys ...string) ([]string, error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return nil, err
	}
	if members == nil {
		return nil, errors.New("not a JSON object")
	}
	var present []string
	for _, k := range keys {
		if _, ok := members[k]; ok {
			present = append(present, k)
		}
	}
	return present, nil
}

// UnionKeyKind returns the JSON type ("string", "number", ...) of the member key
// of the JSON object data: the property every object alternative of a union
// requires, with a JSON type of its own in each.
func UnionKeyKind(data []byte, key string) (string, error) {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return "", err
	}
	raw, ok := members[key]
	if !ok {
		return "", fmt.Errorf("the object has no %q property, whose JSON type tells its alternative", key)
	}
	return JSONKind(raw), nil
}

// CountSet counts the true values: how many alternatives of a union value are
// set, for its Validate, which refuses more than one.
func CountSet(set ...bool) int {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	return n
}
