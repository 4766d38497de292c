package jsondec

import (
	"strconv"
	"unsafe"
)

// Exact is what exact decoding (UnmarshalExact) noticed besides errors. A check of
// a recorded body (acsgen contract) decodes it into the generated type and then
// needs to know whether the value says all the body says: json.Marshal of it
// encodes JSON equal to the body, equal meaning that encoding/json decodes the two
// into equal values of type any. Decoding exactly answers that in the same walk.
type Exact struct {
	// Judge, if set, tells whether a value that decoded itself with its own
	// UnmarshalJSON (json.RawMessage; generated unions and acs.Nullable fields
	// decode through DecodeJSON, inside the walk) would
	// encode as part, the bytes it came from; v is a pointer to the value.
	// Without a Judge every such value counts as lost.
	Judge func(v any, part []byte) bool

	// Lost reports that decoding may have lost part of what the document says,
	// so that the value need not encode as it: a null, a key that names no field
	// or names one in another letter case, a field given twice (whose values
	// merge), an absent required field, a float32 that does not encode as the
	// number, a value the Judge did not accept. It errs towards true; when it is false, the value encodes as the
	// document. LostAt is the offset of the first such value.
	Lost   bool
	LostAt int

	// UnknownEnum reports that a string or integer decoded into an enum type is
	// not one of the values it lists (its IsKnown method says false). A value the
	// Judge judged is its own business.
	UnknownEnum bool

	// Null reports a null where the schema allows none: every null but those of
	// acs.Nullable, of raw JSON and of the fields a Struct marks AllowNull. Go
	// holds such a null as a nil slice, map or pointer, which may well encode as
	// null again, so Lost alone cannot tell a schema that refuses it.
	Null bool
}

// UnmarshalExact is UnmarshalDepth recording in x what the decoding may have lost.
// It decodes the same value and returns the same error. The strings of the value
// share a few large allocations rather than one each: what a check that throws
// the value away wants, not a client that may keep one string of a large body.
func UnmarshalExact(data []byte, v Decodable, maxDepth int, x *Exact) error {
	*x = Exact{Judge: x.Judge}
	both := &struct {
		d Decoder
		s exactState
	}{d: Decoder{data: data, limit: int32(min(maxDepth, MaxDepth))}, s: exactState{x: x}}
	d := &both.d
	d.exact = &both.s
	d.path = d.pathArray[:0]
	v.DecodeJSON(d)
	if d.err == nil {
		d.skipSpace()
		if d.pos < len(d.data) {
			d.syntaxError("after top-level value")
		}
	}
	return d.err
}

// exactState is what a Decoder keeps only in exact decoding, apart from it so
// that plain decoding's Decoder does not grow.
type exactState struct {
	x        *Exact
	arena    []byte   // the bytes of decoded strings (see keep)
	wideSeen []uint64 // the fields met of open objects past their 64th
}

// lose records, in exact decoding, that the value at offset at may not encode as
// its bytes.
func (d *Decoder) lose(at int) {
	if e := d.exact; e != nil && !e.x.Lost {
		e.x.Lost, e.x.LostAt = true, at
	}
}

// noteEnum records, in exact decoding, a decoded value outside its enum.
func noteEnum[T any](d *Decoder, v *T) {
	if d.exact == nil {
		return
	}
	switch any(v).(type) {
	case *string, *int32, *int64, *int, *int16, *int8: // the base types, no enum's
		return
	}
	if k, ok := any(v).(interface{ IsKnown() bool }); ok && !k.IsKnown() {
		d.exact.x.UnknownEnum = true
	}
}

// float32Exact reports whether the float32 f, decoded from text, encodes as a
// number equal to text's: json.Marshal writes the shortest decimal that is f,
// and encoding/json reads both as float64.
func float32Exact(f float32, text []byte) bool {
	want, err := strconv.ParseFloat(string(text), 64)
	if err != nil {
		return false
	}
	var buf [32]byte
	got, err := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], float64(f), 'g', -1, 32)), 64)
	return err == nil && got == want
}

// str consumes the string at the cursor and returns its contents decoded. In
// exact decoding the bytes go to the arena, not an allocation of their own.
func (d *Decoder) str() (string, bool) {
	b, ok := d.stringBytes()
	switch {
	case !ok:
		return "", false
	case d.exact != nil && len(b) > 0:
		return d.keep(b), true
	}
	return string(b), true
}

// keep copies b to the arena and returns the copy as a string. The arena is
// only ever appended to, so bytes once handed out never change; a full one is
// left to the strings that use it and a larger one made.
func (d *Decoder) keep(b []byte) string {
	e := d.exact
	if len(b) > cap(e.arena)-len(e.arena) {
		e.arena = make([]byte, 0, max(len(b), 2*cap(e.arena), len(d.data)/4, 256))
	}
	n := len(e.arena)
	e.arena = append(e.arena, b...)
	return unsafe.String(&e.arena[n], len(b))
}
