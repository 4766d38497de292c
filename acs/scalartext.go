package acs

import (
	"encoding/json"
	"fmt"
)

// ScalarText renders v, a value whose JSON encoding is a string, number or
// boolean, as the text of a parameter: a string as it is, a number or boolean as
// encoding/json writes it (42, 1.5, 1e+21, true). Generated unions whose
// alternatives are all scalars (a string or an integer, say) are sent so, as the
// alternative that is set: on the wire a parameter is text, whatever its type.
// A union with no alternative set, and a value that encodes as null, an array
// or an object, are errors.
func ScalarText(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("acs: %w", err)
	}
	switch kind := JSONKind(b); kind {
	case "string":
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return "", fmt.Errorf("acs: %w", err)
		}
		return s, nil
	case "number", "boolean":
		return string(b), nil
	default:
		return "", fmt.Errorf("acs: a JSON %s is not a string, number or boolean", kind)
	}
}

// ScalarTexts renders each item as ScalarText does, for an array parameter.
func ScalarTexts[T any](items []T) ([]string, error) {
	out := make([]string, len(items))
	for i, item := range items {
		s, err := ScalarText(item)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i+1, err)
		}
		out[i] = s
	}
	return out, nil
}
