package jsondec

// The methods in this file read a document value by value for code that walks
// JSON alongside something other than a generated type: acsgen contract compares
// a decoded value with the bytes of the body it came from. They check the grammar
// and bound the depth as decoding does; the first error sticks, and every method
// then reports nothing.

// Reset makes d read data from its start, nesting bounded at MaxDepth. A zero
// Decoder must be Reset before use.
func (d *Decoder) Reset(data []byte) {
	buf, stack := d.buf[:0], d.skipStack[:0]
	*d = Decoder{data: data, limit: MaxDepth, buf: buf, skipStack: stack}
	d.path = d.pathArray[:0]
}

// Err is the first error met, nil if none.
func (d *Decoder) Err() error { return d.err }

// Offset is how many bytes of the document have been read.
func (d *Decoder) Offset() int { return d.pos }

// Peek skips whitespace and returns the first byte of the next value: one of
// { [ " t f n, or the first byte of a number ('-' or a digit, or any other byte,
// which the value's reader then refuses). It returns 0 at an error or at the end
// of input, which it records as a syntax error.
func (d *Decoder) Peek() byte {
	c, ok := d.peek()
	if !ok {
		return 0
	}
	return c
}

// ReadString consumes the string Peek saw and returns its contents decoded as
// encoding/json decodes them (invalid UTF-8 and lone surrogates become U+FFFD).
// The bytes are valid until the next call.
func (d *Decoder) ReadString() ([]byte, bool) {
	if c, ok := d.peek(); !ok || c != '"' {
		if ok {
			d.syntaxError("looking for beginning of value")
		}
		return nil, false
	}
	return d.stringBytes()
}

// ReadNumber consumes the number at the cursor and returns its text.
func (d *Decoder) ReadNumber() ([]byte, bool) {
	if _, ok := d.peek(); !ok {
		return nil, false
	}
	return d.number()
}

// ReadLiteral consumes true, false or null at the cursor and returns its first
// byte, 0 at an error.
func (d *Decoder) ReadLiteral() byte {
	c, ok := d.peek()
	if !ok {
		return 0
	}
	word := ""
	switch c {
	case 't':
		word = "true"
	case 'f':
		word = "false"
	case 'n':
		word = "null"
	default:
		d.syntaxError("looking for beginning of value")
		return 0
	}
	if !d.literal(word) {
		return 0
	}
	return c
}

// Enter consumes the opening '{' or '[' at the cursor and reports whether a
// member follows. An empty container is consumed whole, and Enter reports false;
// otherwise, after each member, Next says whether another follows. Inside an
// object, each member starts with ReadKey.
func (d *Decoder) Enter() bool {
	c, ok := d.peek()
	if !ok {
		return false
	}
	if c != '{' && c != '[' {
		d.syntaxError("looking for beginning of value")
		return false
	}
	d.pos++
	if !d.enter() {
		return false
	}
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == closer(c) {
		d.pos++
		d.leave()
		return false
	}
	return true
}

// Next reads what follows a member of the container opened by open ('{' or '['):
// a comma (true), or the closing bracket (false, consumed). Anything else is a
// syntax error (false, recorded).
func (d *Decoder) Next(open byte) bool {
	if d.err != nil {
		return false
	}
	if d.nextMember(open) {
		return true
	}
	if d.err == nil {
		d.leave()
	}
	return false
}

// ReadKey consumes an object member's key and the colon after it, returning the
// key decoded; the bytes are valid until the next call.
func (d *Decoder) ReadKey() ([]byte, bool) {
	c, ok := d.peek()
	if !ok {
		return nil, false
	}
	if c != '"' {
		d.syntaxError("looking for beginning of object key string")
		return nil, false
	}
	key, ok := d.stringBytes()
	if !ok || !d.colon() {
		return nil, false
	}
	return key, true
}

// Skip consumes the value at the cursor, checking its grammar.
func (d *Decoder) Skip() { d.skipValue() }

// Finish reports whether the document was read without error and nothing but
// whitespace follows its top-level value.
func (d *Decoder) Finish() bool {
	if d.err != nil {
		return false
	}
	d.skipSpace()
	if d.pos < len(d.data) {
		d.syntaxError("after top-level value")
		return false
	}
	return true
}
