// Package jsonrepeat tells whether a JSON document repeats an object key, for
// differential tests: kin-openapi sees the last member of such an object only,
// decoding into Go every one, as encoding/json does, so the two need not agree.
package jsonrepeat

import (
	"encoding/json"
	"strings"
)

// Keys reports whether an object in the JSON document repeats a key; false for
// a document that is not JSON.
func Keys(doc string) bool {
	dec := json.NewDecoder(strings.NewReader(doc))
	var objects []map[string]bool // the keys of each open object; nil for an array
	expectKey := false
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('{'):
			objects, expectKey = append(objects, map[string]bool{}), true
			continue
		case json.Delim('['):
			objects, expectKey = append(objects, nil), false
			continue
		case json.Delim('}'), json.Delim(']'):
			objects = objects[:len(objects)-1]
		default:
			if key, ok := tok.(string); ok && expectKey {
				if objects[len(objects)-1][key] {
					return true
				}
				objects[len(objects)-1][key] = true
				expectKey = false
				continue
			}
		}
		expectKey = len(objects) > 0 && objects[len(objects)-1] != nil
	}
}
