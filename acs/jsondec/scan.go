package jsondec

import (
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"
)

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (d *Decoder) skipSpace() {
	// Indented documents are mostly whitespace: the loop keeps the cursor in a
	// register, and any byte above ' ' (every one that starts a token) ends it at
	// one comparison.
	data, pos := d.data, d.pos
	for pos < len(data) {
		if c := data[pos]; c > ' ' || !isSpace(c) {
			break
		}
		pos++
	}
	d.pos = pos
}

// peek skips whitespace and returns the first byte of the next value, or false at
// an error or the end of input (which it records).
func (d *Decoder) peek() (byte, bool) {
	if d.err != nil {
		return 0, false
	}
	d.skipSpace()
	if d.pos >= len(d.data) {
		d.syntaxError("")
		return 0, false
	}
	return d.data[d.pos], true
}

// literal consumes one of true, false and null at the cursor.
func (d *Decoder) literal(word string) bool {
	for i := 0; i < len(word); i++ {
		if d.pos >= len(d.data) || d.data[d.pos] != word[i] {
			d.syntaxError("in literal " + word + " (expecting " + quoteChar(word[i]) + ")")
			return false
		}
		d.pos++
	}
	return true
}

// null consumes a null at the cursor and reports whether there was one.
func (d *Decoder) null() bool {
	c, ok := d.peek()
	return ok && c == 'n' && d.literal("null")
}

// number consumes a number at the cursor and returns its text: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *Decoder) number() ([]byte, bool) {
	start := d.pos
	if d.pos < len(d.data) && d.data[d.pos] == '-' {
		d.pos++
	}
	switch {
	case d.pos < len(d.data) && d.data[d.pos] == '0':
		d.pos++
	case d.pos < len(d.data) && '1' <= d.data[d.pos] && d.data[d.pos] <= '9':
		d.digits()
	default:
		d.syntaxError("in numeric literal")
		return nil, false
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		if !d.atDigit() {
			d.syntaxError("after decimal point in numeric literal")
			return nil, false
		}
		d.digits()
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if !d.atDigit() {
			d.syntaxError("in exponent of numeric literal")
			return nil, false
		}
		d.digits()
	}
	return d.data[start:d.pos], true
}

func (d *Decoder) atDigit() bool {
	return d.pos < len(d.data) && '0' <= d.data[d.pos] && d.data[d.pos] <= '9'
}

func (d *Decoder) digits() {
	for d.atDigit() {
		d.pos++
	}
}

// stringBytes consumes a string at the cursor and returns its contents decoded.
// Without escapes or invalid UTF-8 the result is a subslice of the input;
// otherwise it is d.buf, valid until the next call.
func (d *Decoder) stringBytes() ([]byte, bool) {
	d.pos++ // the opening quote
	start := d.pos
	d.pos = plainWords(d.data, d.pos)
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			return d.data[start : d.pos-1], true
		case c == '\\':
			return d.unescape(start)
		case c < 0x20:
			d.syntaxError("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				return d.unescape(start)
			}
			d.pos = plainWords(d.data, d.pos+size)
		}
	}
	d.syntaxError("")
	return nil, false
}

// Bytes repeated in each of a word's eight, for plainWords.
const (
	eachByte = 0x0101010101010101
	highBits = 0x8080808080808080
)

// plainWords skips, from data[i], whole 8-byte words of bytes a string holds as
// they are (ASCII from the space up, but the quote and the backslash), and
// returns where the first word that holds another byte starts: the byte loop
// reads on from there. Each test is exact for "some byte is": a word is skipped
// only when none is.
func plainWords(data []byte, i int) int {
	for i+8 <= len(data) {
		w := binary.LittleEndian.Uint64(data[i:])
		quote, backslash := w^(eachByte*'"'), w^(eachByte*'\\')
		special := (w-eachByte*0x20)&^w | // below the space
			(quote-eachByte)&^quote | (backslash-eachByte)&^backslash | // zero after the xor
			w // not ASCII
		if special&highBits != 0 {
			break
		}
		i += 8
	}
	return i
}

// unescape finishes a string whose plain prefix starts at start, writing its
// decoded contents to d.buf as encoding/json does: escapes resolved, surrogate
// pairs joined, and lone surrogates and invalid UTF-8 bytes each made U+FFFD.
func (d *Decoder) unescape(start int) ([]byte, bool) {
	d.buf = append(d.buf[:0], d.data[start:d.pos]...)
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			return d.buf, true
		case c == '\\':
			if !d.escape() {
				return nil, false
			}
		case c < 0x20:
			d.syntaxError("in string literal")
			return nil, false
		case c < utf8.RuneSelf:
			d.buf = append(d.buf, c)
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			d.buf = utf8.AppendRune(d.buf, r) // RuneError for an invalid byte, as encoding/json writes
			d.pos += size
		}
	}
	d.syntaxError("")
	return nil, false
}

// escape decodes the escape sequence at the cursor onto d.buf.
func (d *Decoder) escape() bool {
	d.pos++ // the backslash
	if d.pos >= len(d.data) {
		d.syntaxError("")
		return false
	}
	c := d.data[d.pos]
	d.pos++
	switch c {
	case '"', '\\', '/':
		d.buf = append(d.buf, c)
	case 'b':
		d.buf = append(d.buf, '\b')
	case 'f':
		d.buf = append(d.buf, '\f')
	case 'n':
		d.buf = append(d.buf, '\n')
	case 'r':
		d.buf = append(d.buf, '\r')
	case 't':
		d.buf = append(d.buf, '\t')
	case 'u':
		r, ok := d.hex4()
		if !ok {
			return false
		}
		if utf16.IsSurrogate(r) {
			// A pair only if another \u escape follows that completes it; otherwise
			// U+FFFD, and whatever follows is read on its own.
			if d.pos+1 < len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
				save := d.pos
				d.pos += 2
				r2, ok := d.hex4()
				if !ok {
					return false
				}
				if joined := utf16.DecodeRune(r, r2); joined != utf8.RuneError {
					d.buf = utf8.AppendRune(d.buf, joined)
					return true
				}
				d.pos = save
			}
			r = utf8.RuneError
		}
		d.buf = utf8.AppendRune(d.buf, r)
	default:
		d.pos--
		d.syntaxError("in string escape code")
		return false
	}
	return true
}

// hex4 reads the four hex digits of a \u escape.
func (d *Decoder) hex4() (rune, bool) {
	var r rune
	for i := 0; i < 4; i++ {
		if d.pos >= len(d.data) {
			d.syntaxError("")
			return 0, false
		}
		c := d.data[d.pos]
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			d.syntaxError("in \\u hexadecimal character escape")
			return 0, false
		}
		r = r<<4 | rune(c)
		d.pos++
	}
	return r, true
}

// skipValue consumes the value at the cursor, checking its grammar, without
// recursion: open containers are a byte stack, so nesting costs no Go stack.
func (d *Decoder) skipValue() {
	stack := d.skipStack[:0]
	defer func() { d.skipStack = stack[:0] }()
	for {
		c, ok := d.peek()
		if !ok {
			return
		}
		switch c {
		case '{', '[':
			d.pos++
			if !d.enter() {
				return
			}
			d.skipSpace()
			if d.pos < len(d.data) && d.data[d.pos] == closer(c) {
				d.pos++
				d.leave()
				break
			}
			stack = append(stack, c)
			if c == '{' && !d.key() {
				return
			}
			continue // to the first member
		case '"':
			d.stringBytes()
		case 't':
			d.literal("true")
		case 'f':
			d.literal("false")
		case 'n':
			d.literal("null")
		default:
			d.number()
		}
		// After a value: close containers until one goes on or none is left open.
		for d.err == nil {
			if len(stack) == 0 {
				return
			}
			d.skipSpace()
			top := stack[len(stack)-1]
			if d.pos < len(d.data) && d.data[d.pos] == ',' {
				d.pos++
				if top == '{' {
					d.key()
				}
				break
			}
			if d.pos < len(d.data) && d.data[d.pos] == closer(top) {
				d.pos++
				d.leave()
				stack = stack[:len(stack)-1]
				continue
			}
			d.syntaxError(afterMember(top))
		}
		if d.err != nil {
			return
		}
	}
}

// nextMember reads what follows a member of the array or object opened by open:
// a comma (true), or the closing bracket (false, consumed). Anything else is a
// syntax error (false, recorded).
func (d *Decoder) nextMember(open byte) bool {
	d.skipSpace()
	if d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ',':
			d.pos++
			return true
		case closer(open):
			d.pos++
			return false
		}
	}
	d.syntaxError(afterMember(open))
	return false
}

// afterMember is encoding/json's context for a bad byte after a container member.
func afterMember(open byte) string {
	if open == '{' {
		return "after object key:value pair"
	}
	return "after array element"
}

func closer(open byte) byte {
	if open == '{' {
		return '}'
	}
	return ']'
}

// key consumes an object key and the colon after it.
func (d *Decoder) key() bool {
	c, ok := d.peek()
	if !ok {
		return false
	}
	if c != '"' {
		d.syntaxError("looking for beginning of object key string")
		return false
	}
	if _, ok := d.stringBytes(); !ok {
		return false
	}
	return d.colon()
}

func (d *Decoder) colon() bool {
	d.skipSpace()
	if d.pos >= len(d.data) || d.data[d.pos] != ':' {
		d.syntaxError("after object key")
		return false
	}
	d.pos++
	return true
}
