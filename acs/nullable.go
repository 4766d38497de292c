package acs

import (
	"bytes"
	"encoding/json"

	"github.com/acsgen/acsgen/acs/jsondec"
)

// Nullable holds an optional value that may also be JSON null, keeping the three
// states apart: absent (the zero Nullable, omitted by `json:",omitzero"`), null, and a
// value. Generated code uses it for optional properties the spec marks nullable.
type Nullable[T any] struct {
	value T
	state nullState
}

type nullState uint8

const (
	absent nullState = iota
	null
	present
)

// Value returns a Nullable holding v.
func Value[T any](v T) Nullable[T] { return Nullable[T]{value: v, state: present} }

// Null returns a Nullable that is JSON null.
func Null[T any]() Nullable[T] { return Nullable[T]{state: null} }

// Get returns the value and whether there is one (false when absent or null).
func (n Nullable[T]) Get() (T, bool) { return n.value, n.state == present }

// IsNull reports whether n is JSON null.
func (n Nullable[T]) IsNull() bool { return n.state == null }

// IsZero reports whether n is absent; `json:",omitzero"` then leaves it out.
func (n Nullable[T]) IsZero() bool { return n.state == absent }

// MarshalJSON encodes the value, or null when n is null or absent.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if n.state != present {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON decodes null or a value. encoding/json never calls it for an absent
// property, so that state survives decoding untouched.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		var zero T
		n.value, n.state = zero, null
		return nil
	}
	if err := json.Unmarshal(data, &n.value); err != nil {
		return err
	}
	n.state = present
	return nil
}

// DecodeJSONWith decodes null or a value at d's cursor, the value with decode,
// the generated decoder of T: what UnmarshalJSON does, in jsondec's one pass
// (and strictly when d is trying a union's alternative).
func (n *Nullable[T]) DecodeJSONWith(d *jsondec.Decoder, decode func(*T, *jsondec.Decoder)) {
	if d.Peek() == 'n' {
		if d.ReadLiteral() == 'n' {
			var zero T
			n.value, n.state = zero, null
		}
		return
	}
	decode(&n.value, d)
	if d.Err() == nil {
		n.state = present
	}
}
