package jsondec

import "strings"

// Struct is what decoding needs of a generated struct type: its name, for errors,
// the JSON names of its fields, in field order, for exact decoding which of them
// are required, and for strict decoding what the schema says of them.
type Struct struct {
	name     string
	names    []string
	exact    map[string]int
	required []int // fields encoding/json writes whatever their value
	unique   bool  // no two fields share a name
	// described is set by Required when the names are unique: only then can
	// exact decoding judge an object of the type.
	described bool

	// What strict decoding checks (see strict.go); zero for plain decoding.
	mandatory []int  // indices of the fields the schema requires
	nullable  []bool // by index: the field may be null; nil for none
	closed    bool   // members no field names are refused

	// What a walk checks (see members.go); nil until Checks.
	checks   []Check
	mustHave []uint64 // per 64 fields, the bits of the mandatory ones
}

// NewStruct describes the struct type goType with the given field names.
func NewStruct(goType string, names ...string) *Struct {
	s := &Struct{name: goType, names: names, exact: make(map[string]int, len(names))}
	for i, n := range names {
		if _, dup := s.exact[n]; !dup {
			s.exact[n] = i
		}
	}
	s.unique = len(s.exact) == len(names)
	return s
}

// Required records which fields (by index) encoding/json writes even when they
// are zero, those without omitzero, and returns s. Exact decoding (UnmarshalExact)
// counts an object that lacks one of them as lost; it counts every object of a
// Struct that was never told its required fields, none included, the same way.
func (s *Struct) Required(fields ...int) *Struct {
	s.required = fields
	s.described = s.unique
	return s
}

// index is the field a key names: an exact match, else (but in strict decoding)
// the first field whose name equals the key under Unicode case folding, as
// encoding/json matches (folded); -1 for none. Bodies mostly list fields in
// order, so the field after the last member's (next) is tried before the map of
// names.
func (s *Struct) index(key []byte, next int, strict bool) (i int, folded bool) {
	if s.unique && next < len(s.names) && s.names[next] == string(key) {
		return next, false
	}
	if i, ok := s.exact[string(key)]; ok {
		return i, false
	}
	if strict {
		return -1, false
	}
	for i, n := range s.names {
		if strings.EqualFold(n, string(key)) {
			return i, true
		}
	}
	return -1, false
}

// Object is the walk over the members of one JSON object that decode into a
// struct. Members whose keys name no field are checked and skipped.
type Object struct {
	d     *Decoder
	s     *Struct
	field int
	state uint8
	// In exact decoding: where the object starts, the fields met among the first
	// 64, and where in d.exact.wideSeen those past the 64th are kept.
	start int
	seen  uint64
	wide  int
	// In strict decoding: whether the value was null, and for a struct with
	// mandatory fields which were present.
	null    bool
	present []bool
}

const (
	objectBefore = iota // the opening brace is still to be read
	objectInside        // a member's value was just decoded
	objectDone
)

// Object starts decoding the value at the cursor into a struct described by s.
// null decodes to nothing, as it leaves a struct unchanged; any other value that
// is not an object is a TypeError.
func (d *Decoder) Object(s *Struct) Object { return Object{d: d, s: s, field: -1} }

// Next moves to the next member whose key names a field, leaving the cursor at
// its value, which the caller must then decode; false at the end of the object or
// at an error.
func (o *Object) Next() bool {
	d := o.d
	switch o.state {
	case objectBefore:
		if !o.open() {
			o.state = objectDone
			o.checkMandatory()
			return false
		}
		o.state = objectInside
	case objectInside:
		if !o.more() {
			o.state = objectDone
			o.checkMandatory()
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
		at := d.pos
		key, ok := d.stringBytes()
		if !ok || !d.colon() {
			break
		}
		if i, folded := o.s.index(key, o.field+1, d.strict); i >= 0 {
			if d.exact != nil && (o.met(i) || folded) {
				d.lose(at) // a repeated key merges values; a folded one is not what encodes
			}
			o.field = i
			d.path[len(d.path)-1] = o.s.names[i]
			if d.strict {
				o.isPresent(i)
			}
			if d.strict || d.exact != nil {
				d.nullOK = o.s.allowsNull(i)
			}
			return true
		}
		if d.strict && o.s.closed {
			d.path[len(d.path)-1] = string(key)
			d.schemaError("property %q is not one of the properties of %s, and no other is allowed", key, o.s.name)
			break
		}
		d.lose(at) // a key the encoder will not write
		d.skipValue()
		if !o.more() {
			break
		}
	}
	o.state = objectDone
	o.checkMandatory()
	return false
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
		d.lose(d.pos)
		o.null = d.acceptNull(o.s.goType)
		return false
	case c != '{':
		d.typeError(kindOf(c), o.s.name)
		return false
	}
	if d.exact != nil {
		o.openExact()
	}
	d.pos++
	if !d.enter() {
		return false
	}
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		d.leave()
		if d.exact != nil {
			o.closeExact()
		}
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
		if d.exact != nil {
			o.closeExact()
		}
	}
	return false
}

// openExact starts exact decoding's record of the fields the object's members
// name; the cursor is at its opening brace.
func (o *Object) openExact() {
	d := o.d
	o.start = d.pos
	if !o.s.described {
		d.lose(o.start)
	}
	o.wide = len(d.exact.wideSeen)
	for range wideWords(len(o.s.names)) {
		d.exact.wideSeen = append(d.exact.wideSeen, 0)
	}
}

// closeExact ends the record at the object's closing brace: a required field
// that no member named is lost.
func (o *Object) closeExact() {
	for _, i := range o.s.required {
		if !o.has(i) {
			o.d.lose(o.start)
			break
		}
	}
	o.d.exact.wideSeen = o.d.exact.wideSeen[:o.wide]
}

// wideWords is how many words of d.exact.wideSeen an object of n fields takes.
func wideWords(n int) int { return max(n-64+63, 0) / 64 }

// met records that a member names field i and reports whether one did before.
func (o *Object) met(i int) bool {
	word, bit := &o.seen, uint64(1)<<(i%64)
	if i >= 64 {
		word = &o.d.exact.wideSeen[o.wide+(i-64)/64]
	}
	before := *word&bit != 0
	*word |= bit
	return before
}

// has reports whether a member named field i.
func (o *Object) has(i int) bool {
	word := o.seen
	if i >= 64 {
		word = o.d.exact.wideSeen[o.wide+(i-64)/64]
	}
	return word&(uint64(1)<<(i%64)) != 0
}
