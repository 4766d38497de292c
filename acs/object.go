package acs

import (
	"bytes"
	"encoding/json"
)

// A Member is one member of a JSON object that MarshalObject writes.
type Member struct {
	Key   string // the name on the wire, as it is
	Value any
	Omit  bool // leave the member out: an optional field that is absent
}

// MarshalObject writes members, in order, as one JSON object, the way
// encoding/json writes a struct whose tags hold the same names. Generated
// models whose property names a struct tag cannot hold ("", "a,b", a quote or
// a backtick), which encoding/json would replace with the Go field name, encode
// through it. Nothing is HTML-escaped here: an encoder that escapes (json.Marshal)
// escapes the result as it does the rest of its output, one that does not
// (SetEscapeHTML(false)) leaves it so, as for any other value.
func MarshalObject(members []Member) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteByte('{')
	first := true
	for _, m := range members {
		if m.Omit {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		if err := enc.Encode(m.Key); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode ends each value with a newline
		b.WriteByte(':')
		if err := enc.Encode(m.Value); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
