package jsondec

import "strings"

// Struct is what decoding needs of a generated struct type: its name, for errors,
// and the JSON names of its fields, in field order.
type Struct struct {
	name  string
	names []string
	exact map[string]int

	// What strict decoding checks (see strict.go); zero for plain decoding.
	required []int  // indices of the fields that must be present
	nullable []bool // by index: the field may be null; nil for none
	closed   bool   // members no field names are refused
}

// NewStruct describes the struct type goType with the given field names.
func NewStruct(goType string, names ...string) *Struct {
	s := &Struct{name: goType, names: names, exact: make(map[string]int, len(names))}
	for i, n := range names {
		if _, dup := s.exact[n]; !dup {
			s.exact[n] = i
		}
	}
	return s
}

// index is the field a key names: an exact match, else (but in strict decoding)
// the first field whose name equals the key under Unicode case folding, as
// encoding/json matches; -1 for none.
func (s *Struct) index(key []byte, strict bool) int {
	if i, ok := s.exact[string(key)]; ok {
		return i
	}
	if strict {
		return -1
	}
	for i, n := range s.names {
		if strings.EqualFold(n, string(key)) {
			return i
		}
	}
	return -1
}

// Object is the walk over the members of one JSON object that decode into a
// struct. Members whose keys name no field are checked and skipped.
type Object struct {
	d     *Decoder
	s     *Struct
	field int
	state uint8
	null  bool   // the value was null
	seen  []bool // strict decoding of a struct with required fields: which were present
}

const (
	objectBefore = iota // the opening brace is still to be read
	objectInside        // a member's value was just decoded
	objectDone
)

// Object starts decoding the value at the cursor into a struct described by s.
// null decodes to nothing, as it leaves a struct unchanged; any other value that
// is not an object is a TypeError.
func (d *Decoder) Object(s *Struct) Object { return Object{d: d, s: s} }

// Next moves to the next member whose key names a field, leaving the cursor at
// its value, which the caller must then decode; false at the end of the object or
// at an error.
func (o *Object) Next() bool {
	d := o.d
	switch o.state {
	case objectBefore:
		if !o.open() {
			o.state = objectDone
			o.checkRequired()
			return false
		}
		o.state = objectInside
	case objectInside:
		if !o.more() {
			o.state = objectDone
			o.checkRequired()
			return false
		}
	default:
		return false
	}
	for {
		c, ok := d.peek()
		if !ok {
			break
		}
		if c != '"' {
			d.syntaxError("looking for beginning of object key string")
			break
		}
		key, ok := d.stringBytes()
		if !ok || !d.colon() {
			break
		}
		if i := o.s.index(key, d.strict); i >= 0 {
			o.field = i
			d.path[len(d.path)-1] = o.s.names[i]
			if d.strict {
				o.present(i)
				d.nullOK = o.s.allowsNull(i)
			}
			return true
		}
		if d.strict && o.s.closed {
			d.path[len(d.path)-1] = string(key)
			d.schemaError("property %q is not one of the properties of %s, and no other is allowed", key, o.s.name)
			break
		}
		d.skipValue()
		if !o.more() {
			break
		}
	}
	o.state = objectDone
	o.checkRequired()
	return false
}

// present records, in strict decoding, that field i was in the object.
func (o *Object) present(i int) {
	if len(o.s.required) == 0 {
		return
	}
	if o.seen == nil {
		o.seen = make([]bool, len(o.s.names))
	}
	o.seen[i] = true
}

// checkRequired refuses, in strict decoding, an object read to its end without
// every field its struct requires.
func (o *Object) checkRequired() {
	d := o.d
	if !d.strict || d.err != nil || o.null {
		return
	}
	for _, i := range o.s.required {
		if o.seen == nil || !o.seen[i] {
			d.schemaError("required property %q of %s is missing", o.s.names[i], o.s.name)
			return
		}
	}
}

// Field is the index, in the Struct's names, of the field the member names.
func (o *Object) Field() int { return o.field }

// open reads the opening brace and reports whether members follow.
func (o *Object) open() bool {
	d := o.d
	c, ok := d.peek()
	switch {
	case !ok:
		return false
	case c == 'n':
		o.null = d.acceptNull(o.s.goType)
		return false
	case c != '{':
		d.typeError(kindOf(c), o.s.name)
		return false
	}
	d.pos++
	if !d.enter() {
		return false
	}
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		d.leave()
		return false
	}
	d.path = append(d.path, "")
	return true
}

// more reads what follows a member: a comma (true) or the closing brace.
func (o *Object) more() bool {
	d := o.d
	if d.err != nil {
		return false
	}
	if d.nextMember('{') {
		return true
	}
	if d.err == nil {
		d.leave()
		d.path = d.path[:len(d.path)-1]
	}
	return false
}
