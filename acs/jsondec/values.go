package jsondec

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unsafe"
)

// goType names T in errors, as fmt's %T does.
func goType[T any]() string {
	var zero T
	return fmt.Sprintf("%T", zero)
}

// String decodes a JSON string into v; null leaves v unchanged.
func String[T ~string](v *T, d *Decoder) {
	c, ok := d.peek()
	switch {
	case !ok:
	case c == '"':
		if s, ok := d.str(); ok {
			*v = T(s)
			noteEnum(d, v)
		}
	case c == 'n':
		d.lose(d.pos)
		d.acceptNull(goType[T])
	default:
		d.typeError(kindOf(c), goType[T]())
	}
}

// Bool decodes true or false into v; null leaves v unchanged.
func Bool[T ~bool](v *T, d *Decoder) {
	c, ok := d.peek()
	switch {
	case !ok:
	case c == 't':
		if d.literal("true") {
			*v = true
		}
	case c == 'f':
		if d.literal("false") {
			*v = false
		}
	case c == 'n':
		d.lose(d.pos)
		d.acceptNull(goType[T])
	default:
		d.typeError(kindOf(c), goType[T]())
	}
}

// Int decodes a JSON number into v. As with encoding/json, a number with a
// fraction or an exponent, or one v cannot hold, is a TypeError (but an integral
// one in strict decoding); null leaves v unchanged.
func Int[T ~int8 | ~int16 | ~int32 | ~int64 | ~int](v *T, d *Decoder) {
	text, start, ok := numberAt[T](d)
	if !ok {
		return
	}
	n, err := strconv.ParseInt(string(text), 10, 64)
	if err != nil || int64(T(n)) != n {
		if m, ok := strictInt[T](text); ok && d.strict {
			*v = m
			noteEnum(d, v)
			return
		}
		d.numberError(text, start, goType[T]())
		return
	}
	*v = T(n)
	noteEnum(d, v)
}

// Float decodes a JSON number into v; one out of v's range is a TypeError, and
// null leaves v unchanged.
func Float[T ~float32 | ~float64](v *T, d *Decoder) {
	text, start, ok := numberAt[T](d)
	if !ok {
		return
	}
	n, err := strconv.ParseFloat(string(text), int(unsafe.Sizeof(*v))*8)
	if err != nil {
		d.numberError(text, start, goType[T]())
		return
	}
	*v = T(n)
	if d.exact != nil && unsafe.Sizeof(*v) == 4 && !float32Exact(float32(n), text) {
		d.lose(start)
	}
}

// numberAt consumes the number at the cursor; false for null (consumed), errors,
// and other kinds of value (a TypeError).
func numberAt[T any](d *Decoder) (text []byte, start int, ok bool) {
	c, ok := d.peek()
	switch {
	case !ok:
		return nil, 0, false
	case c == '-' || '0' <= c && c <= '9':
		start = d.pos
		text, ok = d.number()
		return text, start, ok
	case c == 'n':
		d.lose(d.pos)
		d.acceptNull(goType[T])
	default:
		d.typeError(kindOf(c), goType[T]())
	}
	return nil, 0, false
}

func (d *Decoder) numberError(text []byte, start int, goType string) {
	d.fail(&TypeError{Value: "number " + string(text), GoType: goType, Field: d.field(), Offset: int64(start)})
}

// Ptr decodes into the value *p points to, allocating it if *p is nil; null sets
// *p to nil.
func Ptr[T any](p **T, d *Decoder, decode func(*T, *Decoder)) {
	c, ok := d.peek()
	if !ok {
		return
	}
	if c == 'n' {
		d.lose(d.pos) // nil, which omitzero leaves out and a required field writes as null: Ptr cannot tell which
		if d.acceptNull(goType[*T]) {
			*p = nil
		}
		return
	}
	if *p == nil {
		if sp, ok := any(p).(**string); ok {
			*sp = d.newString()
		} else {
			*p = new(T)
		}
	}
	decode(*p, d)
}

// StringPtr is Ptr(p, d, String[T]), for optional string and string enum fields:
// the variable comes from the slab newString hands out rather than an
// allocation of its own.
func StringPtr[T ~string](p **T, d *Decoder) {
	c, ok := d.peek()
	if !ok {
		return
	}
	if c == 'n' {
		d.lose(d.pos)
		if d.acceptNull(goType[*T]) {
			*p = nil
		}
		return
	}
	if *p == nil {
		*p = (*T)(unsafe.Pointer(d.newString())) // T is a string underneath: the same variable
	}
	String(*p, d)
}

// stringSlab is how many *string fields share one allocation.
const stringSlab = 16

// newString hands out a string variable from a slab, so that a body with many
// optional string fields costs one allocation per stringSlab of them instead of
// one each. A kept pointer holds its slab (16 string headers, 256 bytes) alive,
// not the body.
func (d *Decoder) newString() *string {
	if len(d.strings) == 0 {
		d.strings = make([]string, stringSlab)
	}
	s := &d.strings[0]
	d.strings = d.strings[1:]
	return s
}

// Slice decodes a JSON array into *p, element by element, reusing *p's elements
// and storage as encoding/json does: [] makes an empty, non-nil slice, and null
// sets *p to nil.
func Slice[T any](p *[]T, d *Decoder, decode func(*T, *Decoder)) {
	c, ok := d.peek()
	switch {
	case !ok:
		return
	case c == 'n':
		d.lose(d.pos)
		if d.acceptNull(goType[[]T]) {
			*p = nil
		}
		return
	case c != '[':
		d.typeError(kindOf(c), goType[[]T]())
		return
	}
	d.pos++
	if !d.enter() {
		return
	}
	s, i := *p, 0
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
	} else {
		for {
			if i >= cap(s) {
				s = append(s[:cap(s)], *new(T))[:i]
			}
			s = s[:max(len(s), i+1)]
			decode(&s[i], d)
			i++
			if d.err != nil {
				*p = s
				return
			}
			if !d.nextMember('[') {
				break
			}
		}
		if d.err != nil {
			*p = s
			return
		}
	}
	d.leave()
	if i == 0 {
		s = []T{}
	}
	*p = s[:i]
}

// Map decodes a JSON object into *p, making the map if *p is nil and adding to it
// otherwise; each value decodes into a fresh zero V. null sets *p to nil.
func Map[V any](p *map[string]V, d *Decoder, decode func(*V, *Decoder)) {
	c, ok := d.peek()
	switch {
	case !ok:
		return
	case c == 'n':
		d.lose(d.pos)
		if d.acceptNull(goType[map[string]V]) {
			*p = nil
		}
		return
	case c != '{':
		d.typeError(kindOf(c), goType[map[string]V]())
		return
	}
	d.pos++
	if !d.enter() {
		return
	}
	if *p == nil {
		*p = map[string]V{}
	}
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		d.leave()
		return
	}
	d.path = append(d.path, "")
	for {
		c, ok := d.peek()
		if !ok {
			return
		}
		if c != '"' {
			d.syntaxError("looking for beginning of object key string")
			return
		}
		key, ok := d.str() // a string, before decoding the value, which may reuse d.buf
		if !ok || !d.colon() {
			return
		}
		d.path[len(d.path)-1] = key
		var v V
		decode(&v, d)
		if d.err != nil {
			return
		}
		(*p)[key] = v // a repeated key's last value, whole: nothing merges, nothing is lost
		if !d.nextMember('{') {
			break
		}
	}
	if d.err != nil {
		return
	}
	d.path = d.path[:len(d.path)-1]
	d.leave()
}

// Unmarshaler hands the value at the cursor, null included, to v's own
// UnmarshalJSON, as encoding/json does for a type that has one held by value
// (json.RawMessage, and whatever else has one; generated code decodes unions
// and acs.Nullable with their DecodeJSON methods instead).
func Unmarshaler[T any, P interface {
	*T
	json.Unmarshaler
}](v *T, d *Decoder) {
	if _, ok := d.peek(); !ok {
		return
	}
	start := d.pos
	d.skipValue()
	if d.err != nil {
		return
	}
	if err := P(v).UnmarshalJSON(d.data[start:d.pos]); err != nil {
		d.fail(err)
		return
	}
	if e := d.exact; e != nil && (e.x.Judge == nil || !e.x.Judge(v, d.data[start:d.pos])) {
		d.lose(start)
	}
}
