package acs

import (
	"encoding/json"
	"reflect"
)

// JSONValues decodes the JSON texts of the values of an enum of objects or
// arrays, once, for InJSONEnum. The texts are generated code's, written by
// acsgen from the spec: one that does not decode is a bug, and panics.
func JSONValues(texts ...string) []any {
	values := make([]any, len(texts))
	for i, t := range texts {
		if err := json.Unmarshal([]byte(t), &values[i]); err != nil {
			panic("acs: enum value " + t + " is not JSON: " + err.Error())
		}
	}
	return values
}

// InJSONEnum reports whether data, a JSON value, equals one of values (from
// JSONValues) as JSON Schema compares an enum: numbers by value (1 and 1.0 are
// equal), objects by their members whatever their order, arrays item by item.
func InJSONEnum(data []byte, values []any) bool {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return false
	}
	// encoding/json decodes numbers as float64 and objects as map[string]any on
	// both sides, so deep equality is equality of JSON values.
	for _, w := range values {
		if reflect.DeepEqual(v, w) {
			return true
		}
	}
	return false
}
