package jsondec

// The methods in this file are what a generated union's DecodeJSON needs: it
// looks at the value at the cursor (its JSON kind, its bytes) before it decides
// which alternative to decode it into, and may try several.

// Kind names the JSON type of the value at the cursor: "string", "number",
// "boolean", "null", "array" or "object"; "" at an error, or for a byte that
// begins no value (Fail then reports the syntax error).
func (d *Decoder) Kind() string {
	c, ok := d.peek()
	if !ok {
		return ""
	}
	switch c {
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	case '[':
		return "array"
	case '{':
		return "object"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "number"
	}
	return ""
}

// Span returns the bytes of the value at the cursor, checking its grammar,
// and leaves the cursor where it was; nil at an error, which it records.
func (d *Decoder) Span() []byte {
	if _, ok := d.peek(); !ok {
		return nil
	}
	start, depth := d.pos, d.depth
	d.skipValue()
	if d.err != nil {
		return nil
	}
	span := d.data[start:d.pos]
	d.pos, d.depth = start, depth
	return span
}

// Fail consumes the value at the cursor and records err as the decoding's
// error, unless the value's grammar is wrong: as with a type error, that error
// comes first. In strict decoding, which a Try rewinds, the value is left for
// the reading that follows the Try to check.
func (d *Decoder) Fail(err error) {
	if !d.strict {
		d.skipValue()
	}
	d.fail(err)
}

// Remember keeps v for key until the document is decoded (or d Reset), and
// Recall returns it. A union that tried its alternatives on the value at an
// offset remembers what it found, so that trying alternatives of an enclosing
// union, which read that value again, costs nothing more: without it, two
// alternatives that both hold the union would read a value nested n deep 2^n
// times.
func (d *Decoder) Remember(key, v any) {
	if d.memo == nil {
		d.memo = map[any]any{}
	}
	d.memo[key] = v
}

// Recall returns what Remember kept for key.
func (d *Decoder) Recall(key any) (any, bool) {
	v, ok := d.memo[key]
	return v, ok
}

// SkipTo moves the cursor to end, the offset where an earlier reading of the
// value at the cursor ended (Offset after it).
func (d *Decoder) SkipTo(end int) {
	if d.err == nil && end >= d.pos && end <= len(d.data) {
		d.pos = end
	}
}

// Strict reports whether d decodes strictly (it is trying a union's alternative).
func (d *Decoder) Strict() bool { return d.strict }

// Try decodes the value at the cursor strictly with decode, then puts the cursor
// back where the value begins, as if nothing had been read; it returns decode's
// error. A union tries each alternative this way, then keeps the value of the
// one it picks and moves past the value with Skip. In exact decoding, what a try
// noticed counts, the tries that failed included: Exact.Lost errs towards true.
func (d *Decoder) Try(decode func(*Decoder)) error {
	if d.err != nil {
		return d.err
	}
	pos, depth, path, strict := d.pos, d.depth, len(d.path), d.strict
	d.strict, d.nullOK = true, false
	decode(d)
	err := d.err
	d.pos, d.depth, d.path, d.strict, d.err, d.nullOK = pos, depth, d.path[:path], strict, nil, false
	return err
}
