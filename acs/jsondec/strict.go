package jsondec

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
)

// Strict decoding reads a document as JSON Schema judges it, where plain decoding
// reads it as encoding/json does. A generated union uses it to try its
// alternatives: an alternative fits a value only if strict decoding of the value
// into it succeeds (and the result validates), so an alternative a schema rules
// out is never taken for one encoding/json would happily fill. Strictly:
//
//   - a key names a field only when it is the field's JSON name exactly (no case
//     folding), and a Closed struct (additionalProperties: false) refuses members
//     no field names;
//   - every field a struct marks Mandatory (the schema requires it) must be
//     present;
//   - null is refused where the schema does not allow it: everywhere but fields
//     marked AllowNull and values decoded by their own UnmarshalJSON (raw JSON);
//   - an integer may be written with a fraction or an exponent when its value is
//     integral (2.0, 1e3), as JSON Schema counts integers by value.
//
// Everything else, the grammar included, is as in plain decoding.

// SchemaError is a document strict decoding refuses though encoding/json would
// decode it: a missing required property, a null, an unknown member of a closed
// object.
type SchemaError struct {
	Field  string // dotted JSON names from the top-level value, "" at the top
	Msg    string // e.g. `required property "id" is missing`
	Offset int64  // bytes read when the problem was found
}

func (e *SchemaError) Error() string {
	if e.Field == "" {
		return e.Msg
	}
	return e.Field + ": " + e.Msg
}

func (d *Decoder) schemaError(format string, args ...any) {
	d.fail(&SchemaError{Field: d.field(), Msg: fmt.Sprintf(format, args...), Offset: int64(d.pos)})
}

// Mandatory marks the fields (indices into the names NewStruct was given) that
// the schema requires, which strict decoding requires to be present; it returns
// s. (Required, for exact decoding, names those encoding/json always writes.)
func (s *Struct) Mandatory(fields ...int) *Struct {
	s.mandatory = append(s.mandatory, fields...)
	return s
}

// AllowNull marks the fields that may be null in strict decoding: required
// nullable properties, which a pointer or a nil slice or map holds.
func (s *Struct) AllowNull(fields ...int) *Struct {
	if s.nullable == nil {
		s.nullable = make([]bool, len(s.names))
	}
	for _, i := range fields {
		s.nullable[i] = true
	}
	return s
}

// Closed makes strict decoding refuse members whose keys name no field: the
// schema sets additionalProperties to false. It returns s.
func (s *Struct) Closed() *Struct {
	s.closed = true
	return s
}

func (s *Struct) goType() string { return s.name }

func (s *Struct) allowsNull(i int) bool { return s.nullable != nil && s.nullable[i] }

// acceptNull consumes the null at the cursor and reports whether decoding takes
// it: always in plain decoding, in strict decoding only for a field that allows
// it (the flag Object.Next sets for that member's value). Exact decoding takes
// it and notes one the schema refuses (Exact.Null).
func (d *Decoder) acceptNull(goType func() string) bool {
	if !d.literal("null") {
		return false
	}
	switch {
	case d.nullOK:
	case d.strict:
		d.pos -= len("null")
		d.schemaError("null is not allowed for Go type %s", goType())
		return false
	case d.exact != nil:
		d.exact.x.Null = true
	}
	return true
}

// strictInt reads a number with a fraction or an exponent as an integer in
// strict decoding, when its value is integral and fits n's type.
func strictInt[T ~int8 | ~int16 | ~int32 | ~int64 | ~int](text []byte) (T, bool) {
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil || !big.NewFloat(f).IsInt() || f < math.MinInt64 || f >= math.MaxInt64 {
		return 0, false
	}
	n := int64(f)
	return T(n), int64(T(n)) == n
}

// isPresent records, in strict decoding, that field i was in the object.
func (o *Object) isPresent(i int) {
	if len(o.s.mandatory) == 0 {
		return
	}
	if o.present == nil {
		o.present = make([]bool, len(o.s.names))
	}
	o.present[i] = true
}

// checkMandatory refuses, in strict decoding, an object read to its end without
// every field the schema requires.
func (o *Object) checkMandatory() {
	d := o.d
	if !d.strict || d.err != nil || o.null {
		return
	}
	for _, i := range o.s.mandatory {
		if o.present == nil || !o.present[i] {
			d.schemaError("required property %q of %s is missing", o.s.names[i], o.s.name)
			return
		}
	}
}
