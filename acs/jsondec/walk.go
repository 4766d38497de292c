package jsondec

import (
	"bytes"
	"errors"
	"strconv"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Walk is a Decoder that the validate-only walkers acsgen generates (check_gen.go)
// read a body with: they check a document against a schema token by token and
// keep nothing, so that acsgen contract can trust a recorded body without
// decoding it into Go types. A walker only answers yes or no; the grammar and the
// nesting bound are checked as decoding checks them, and the first error sticks.
type Walk struct {
	Decoder
	strict bool
	unsure bool
	seen   []uint64 // the fields met of the objects of over 64 fields being walked (Members)
}

// Verdict is a walker's answer on a whole document.
type Verdict uint8

const (
	Refused  Verdict = iota // the document breaks a rule, or is not JSON
	Accepted                // every rule holds
	// Unsure is a document the walker cannot judge cheaply: a union value whose
	// alternative needs trying, equal items where uniqueItems is set. The
	// decoding check (UnmarshalExact, Validate) judges it instead.
	Unsure
)

// Unsure gives the document up to another judge and returns false, which
// ends the walk.
func (w *Walk) Unsure() bool {
	w.unsure = true
	w.fail(errUnsure)
	return false
}

var errUnsure = errors.New("jsondec: left to decoding")

var walks = sync.Pool{New: func() any { return new(Walk) }}

// Judge walks data, which must hold one value that walk accepts and nothing
// else, and returns the verdict. Walks come from a pool, so judging allocates
// nothing once warm.
func Judge(data []byte, strict bool, walk func(*Walk) bool) Verdict {
	w := walks.Get().(*Walk)
	w.Start(data, strict)
	v := Refused
	switch {
	case walk(w) && w.Finish():
		v = Accepted
	case w.unsure:
		v = Unsure
	}
	w.Start(nil, false) // keep no document alive in the pool
	walks.Put(w)
	return v
}

// Start makes w read data from its start. In strict mode a value outside an
// open enum is refused: strict contract checks report those as drift, which
// only the interpreting check words.
func (w *Walk) Start(data []byte, strict bool) {
	w.Reset(data)
	w.strict, w.unsure = strict, false
	w.seen = w.seen[:0]
}

// Strict reports whether the walk refuses values outside open enums.
func (w *Walk) Strict() bool { return w.strict }

// Failed reports whether the walk met an error.
func (w *Walk) Failed() bool { return w.err != nil }

// Is reports whether the value at the cursor starts with c, a byte that can
// only begin one kind of value ('{', '[', '"', 'n'), without consuming it.
func (w *Walk) Is(c byte) bool {
	got, ok := w.peek()
	return ok && got == c
}

// IsNumber reports whether the value at the cursor is a number.
func (w *Walk) IsNumber() bool {
	c, ok := w.peek()
	return ok && (c == '-' || '0' <= c && c <= '9')
}

// IsBool reports whether the value at the cursor is true or false.
func (w *Walk) IsBool() bool {
	c, ok := w.peek()
	return ok && (c == 't' || c == 'f')
}

// Null consumes null if it is the value at the cursor and reports whether it was.
func (w *Walk) Null() bool { return w.Is('n') && w.literal("null") }

// Bool consumes the value at the cursor and reports whether it is true or false.
func (w *Walk) Bool() bool {
	c, ok := w.peek()
	switch {
	case !ok:
		return false
	case c == 't':
		return w.literal("true")
	case c == 'f':
		return w.literal("false")
	}
	return false
}

// Str consumes the value at the cursor and reports whether it is a string.
func (w *Walk) Str() bool {
	_, ok := w.text()
	return ok
}

// Text consumes the value at the cursor and reports whether it is a string
// whose contents, decoded as encoding/json decodes them, rule accepts; rule
// must not keep the bytes, which the walk reuses.
func (w *Walk) Text(rule func(s []byte) bool) bool {
	s, ok := w.text()
	return ok && rule(s)
}

func (w *Walk) text() ([]byte, bool) {
	if !w.Is('"') {
		return nil, false
	}
	return w.stringBytes()
}

// Int consumes the value at the cursor and reports whether it is a number
// written as an integer that fits bits bits, as decoding into a Go integer
// requires.
func (w *Walk) Int(bits int) bool {
	_, ok := w.int(bits)
	return ok
}

// IntIn is Int that also holds the value, as a float64 (as JSON Schema's
// bounds see numbers), to rule.
func (w *Walk) IntIn(bits int, rule func(x float64) bool) bool {
	n, ok := w.int(bits)
	return ok && rule(float64(n))
}

func (w *Walk) int(bits int) (int64, bool) {
	if !w.IsNumber() {
		return 0, false
	}
	text, ok := w.number()
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(view(text), 10, bits)
	return n, err == nil
}

// Float consumes the value at the cursor and reports whether it is a number
// that a float64 holds.
func (w *Walk) Float() bool {
	_, ok := w.float()
	return ok
}

// FloatIn is Float that also holds the value, read as encoding/json reads it
// into a float64, to rule.
func (w *Walk) FloatIn(rule func(x float64) bool) bool {
	f, ok := w.float()
	return ok && rule(f)
}

func (w *Walk) float() (float64, bool) {
	if !w.IsNumber() {
		return 0, false
	}
	text, ok := w.number()
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(view(text), 64)
	return f, err == nil
}

// errNotObject fails a walk that met another value where an object belongs.
var errNotObject = errors.New("jsondec: not an object")

// Open consumes the opening brace of the object at the cursor and reports
// whether a member follows, as Enter does; any other value fails the walk.
func (w *Walk) Open() bool {
	if !w.Is('{') {
		w.fail(errNotObject)
		return false
	}
	return w.Enter()
}

// Array consumes the value at the cursor and reports whether it is an array of
// lo to hi items (hi < 0 for no upper bound), each of which item accepts, and
// if unique, no two of which are equal.
func (w *Walk) Array(lo, hi int, unique bool, item Check) bool {
	if !w.Is('[') {
		return false
	}
	var spans [uniqueSpans][2]int
	n := 0
	for more := w.Enter(); more; more = w.Next('[') {
		w.skipSpace()
		start := w.pos
		if !w.check(&item) {
			return false
		}
		if unique && n < uniqueSpans {
			spans[n] = [2]int{start, w.pos}
		}
		n++
	}
	if w.err != nil || n < lo || hi >= 0 && n > hi {
		return false
	}
	if unique && n > 1 {
		return w.distinct(spans[:min(n, uniqueSpans)], n)
	}
	return true
}

// uniqueSpans is how many items of a uniqueItems array a walk tells apart.
const uniqueSpans = 8

// distinct reports whether the n items at spans are pairwise unequal, as
// kin-openapi compares them: by json.Marshal of each decoded with UseNumber,
// so numbers by their text and strings by their contents. Items it cannot
// compare by their bytes (a string with an escape or invalid UTF-8, an array
// or object, more than uniqueSpans) leave the array to decoding (Unsure).
func (w *Walk) distinct(spans [][2]int, n int) bool {
	if n > len(spans) {
		return w.Unsure()
	}
	for i, a := range spans {
		x := w.data[a[0]:a[1]]
		switch c := x[0]; {
		case c == '[' || c == '{':
			return w.Unsure()
		case c == '"' && (bytes.IndexByte(x, '\\') >= 0 || !utf8.Valid(x)):
			return w.Unsure()
		}
		for _, b := range spans[:i] {
			if bytes.Equal(x, w.data[b[0]:b[1]]) {
				return false
			}
		}
	}
	return true
}

// Map consumes the value at the cursor and reports whether it is an object of
// lo to hi members (hi < 0 for no upper bound), each member's value accepted
// by value. A key given twice counts twice here and once in JSON Schema, so
// with lo above 1 the object is left to decoding (Unsure).
func (w *Walk) Map(lo, hi int, value Check) bool {
	if !w.Is('{') {
		return false
	}
	if lo > 1 {
		return w.Unsure()
	}
	n := 0
	for more := w.Enter(); more; more = w.Next('{') {
		n++
		if _, ok := w.ReadKey(); !ok || !w.check(&value) {
			return false
		}
	}
	return w.err == nil && n >= lo && (hi < 0 || n <= hi)
}

// Field consumes an object member's key and the colon after it and returns the
// index of the field of s the key names exactly (as JSON Schema matches
// properties), -1 for none or at an error. prev is the field of the member
// before, -1 for none: bodies mostly list members in field order, so the field
// after it is tried first.
func (w *Walk) Field(s *Struct, prev int) int {
	key, ok := w.ReadKey()
	if !ok {
		return -1
	}
	i, _ := s.index(key, prev+1, true)
	return i
}

// Any consumes the value at the cursor, whatever it is but null (unless
// nullOK), checking its grammar; kinds, when not empty, are the JSON types it
// may have ("object", "array", "string", "number", "integer", "boolean").
func (w *Walk) Any(nullOK bool, kinds ...string) bool {
	kind := w.Kind()
	if kind == "" || kind == "null" && !nullOK {
		return false
	}
	if len(kinds) > 0 && kind != "null" {
		fits := false
		for _, k := range kinds {
			fits = fits || k == kind
		}
		if !fits {
			return false
		}
	}
	w.skipValue()
	return w.err == nil
}

// Runes reports whether the string s holds from lo to hi code points (hi < 0
// for no upper bound), counted as JSON Schema counts length.
func Runes(s []byte, lo, hi int) bool {
	n := utf8.RuneCount(s)
	return n >= lo && (hi < 0 || n <= hi)
}

// View is s as a string, without a copy: valid for as long as s is unchanged,
// for a check that keeps nothing (a format, an enum's switch).
func View(s []byte) string { return view(s) }

func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
