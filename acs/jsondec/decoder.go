// Package jsondec is the runtime of the JSON decoders acsgen generates for its
// models. Generated code walks a document with a Decoder and the helpers of this
// package, field by field, instead of encoding/json walking the types by reflection,
// which profiling showed to be a third of a whole call's time.
//
// Decoding means what encoding/json.Unmarshal means: the same documents are refused
// (the grammar is checked as strictly, and nesting is bounded at the same depth),
// keys match fields exactly or else case-insensitively, null leaves values as they
// are and clears pointers, slices and maps, invalid UTF-8 and lone surrogates become
// U+FFFD, and a value decoded twice (a repeated key) merges as it does there. The
// generated packages' differential tests and fuzz targets hold the two to the same
// verdict and value on every recording and on arbitrary input.
//
// UnmarshalExact decodes the same way and also notes, in the same walk, anything
// that would keep the value from encoding back as the document: what acsgen
// contract needs to trust a generated type's check of a recorded body.
//
// Why not a library: github.com/mailru/easyjson's jlexer accepts documents
// encoding/json refuses (leading zeros, raw control characters) and keeps invalid
// UTF-8; github.com/goccy/go-json has open reports of fatal, unrecoverable errors on
// malformed input (goccy/go-json#575, #604), which a client reading a server's
// bytes cannot risk; github.com/go-json-experiment/json is safe but still decodes by
// reflection, at half encoding/json's time where this is a third.
package jsondec

import (
	"errors"
	"fmt"
	"strings"
)

// MaxDepth is how deeply arrays and objects may nest, encoding/json's own limit.
const MaxDepth = 10000

// ErrTooDeep is wrapped by the SyntaxError of a document nested past the limit.
var ErrTooDeep = errors.New("exceeded max depth")

// Decoder reads one JSON document. The first error sticks: every later call
// returns at once, so generated code need not check after each value.
type Decoder struct {
	data      []byte
	pos       int
	err       error
	depth     int32
	limit     int32    // of depth
	path      []string // JSON names of the fields being decoded, for errors
	buf       []byte   // scratch for strings that hold escapes
	skipStack []byte   // open containers of the value skipValue is skipping
	strings   []string // the rest of the slab newString hands out
	strict    bool     // decoding as JSON Schema judges (strict.go)
	nullOK    bool     // strict and exact: the member about to be read may be null
	memo      map[any]any

	exact *exactState // nil but in exact decoding (UnmarshalExact)

	// Inline first storage for path: the Decoder escapes to the heap anyway, as a
	// generated method's argument, so a typical document's path costs nothing more.
	pathArray [8]string
}

// Decodable is a generated type: DecodeJSON decodes the value at d's cursor into
// the receiver.
type Decodable interface {
	DecodeJSON(d *Decoder)
}

// Unmarshal decodes data, which must hold exactly one JSON value, into v, with the
// result json.Unmarshal would give.
func Unmarshal(data []byte, v Decodable) error { return UnmarshalDepth(data, v, MaxDepth) }

// UnmarshalDepth is Unmarshal with arrays and objects nested at most maxDepth deep
// (at most MaxDepth): one pass both bounds and decodes a document.
func UnmarshalDepth(data []byte, v Decodable, maxDepth int) error {
	d := &Decoder{data: data, limit: int32(min(maxDepth, MaxDepth))}
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

// SyntaxError is a document that is not JSON.
type SyntaxError struct {
	Offset int64 // bytes read before the error
	msg    string
	err    error // ErrTooDeep or nil
}

func (e *SyntaxError) Error() string { return e.msg }
func (e *SyntaxError) Unwrap() error { return e.err }

// TypeError is a JSON value of a kind the Go value cannot hold, such as a string
// where a number belongs or a number that overflows its Go type.
type TypeError struct {
	Value  string // "string", "number 1.5", "object", ...
	GoType string // e.g. "int32"
	Field  string // dotted JSON names from the top-level value, "" at the top
	Offset int64  // bytes read when the value began
}

func (e *TypeError) Error() string {
	where := ""
	if e.Field != "" {
		where = " field " + e.Field
	}
	return fmt.Sprintf("json: cannot unmarshal %s into%s of Go type %s (offset %d)", e.Value, where, e.GoType, e.Offset)
}

func (d *Decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// syntaxError reports the byte at the cursor, or the end of input, as unexpected.
func (d *Decoder) syntaxError(context string) {
	if d.pos >= len(d.data) {
		d.fail(&SyntaxError{Offset: int64(len(d.data)), msg: "unexpected end of JSON input"})
		return
	}
	d.fail(&SyntaxError{Offset: int64(d.pos) + 1,
		msg: fmt.Sprintf("invalid character %s %s", quoteChar(d.data[d.pos]), context)})
}

// quoteChar formats c as encoding/json's errors do.
func quoteChar(c byte) string {
	switch c {
	case '\'':
		return `'\''`
	case '"':
		return `'"'`
	}
	s := fmt.Sprintf("%q", rune(c))
	return "'" + s[1:len(s)-1] + "'"
}

// typeError records that the value at the cursor, of JSON kind value, cannot be a
// goType, and skips it so that the document's grammar is still checked.
func (d *Decoder) typeError(value, goType string) {
	start := d.pos
	d.skipValue()
	if d.err != nil {
		return
	}
	if value == "number" {
		value += " " + string(d.data[start:d.pos])
	}
	d.fail(&TypeError{Value: value, GoType: goType, Field: d.field(), Offset: int64(start)})
}

// field is the dotted path of JSON names to the value being decoded.
func (d *Decoder) field() string { return strings.Join(d.path, ".") }

// kindOf names the JSON kind a value starting with c has, as errors say it.
func kindOf(c byte) string {
	switch c {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// enter opens an array or object, refusing one nested past the limit.
func (d *Decoder) enter() bool {
	d.nullOK = false // a field's leave to be null is not its items' or members'
	d.depth++
	if d.depth > d.limit {
		d.fail(&SyntaxError{Offset: int64(d.pos), msg: ErrTooDeep.Error(), err: ErrTooDeep})
		return false
	}
	return true
}

func (d *Decoder) leave() { d.depth-- }
