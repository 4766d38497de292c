package contract

import (
	"bytes"
	"encoding/base64"
	"math/bits"
	"time"
	"unicode/utf8"
)

// fastValue is a string value of a cassette as the fast reader notes it: where
// its text lies in src and how to decode it, so that the interactions can be
// built once all of src is known to be read exactly, without reading it again.
// Offsets fit in int32: fastCassette declines a larger src.
type fastValue struct {
	start, end int32 // the text: plain, between the quotes, or the block's lines
	size       int32 // the length of the value, decoded
	n          int32 // '|': the block's indentation
	style      byte  // 0 (plain, or quoted without escapes), '\'', '"' or '|'
	chomp      byte  // '|': '-', '+' or 0
	binary     bool  // the text is base64 of the value (a "!!binary" tag)
}

// scalar reads a string value that starts with rest (a suffix of the current
// line) on the current line, a mapping value at column m or a sequence item
// whose dash is at m, and moves past it. Besides the styles of fastValue, it
// reads "!!binary" before a plain or literal scalar, which is how yaml/v4
// writes a string that is not UTF-8.
func (r *fastReader) scalar(rest []byte, m int) (fastValue, bool) {
	at := r.off(rest)
	binary := hasPrefix(rest, "!!binary ")
	if binary {
		rest, at = rest[len("!!binary "):], at+len("!!binary ")
	}
	var v fastValue
	switch {
	case len(rest) == 0:
		return fastValue{}, false // null, or a collection
	case rest[0] == '"' || rest[0] == '\'':
		var end int
		var ok bool
		if v, end, ok = quotedScalar(rest, at); !ok || end != len(rest) || binary {
			return fastValue{}, false
		}
		r.advance()
	case rest[0] == '|':
		var ok bool
		if v, ok = r.literal(rest[1:], m); !ok {
			return fastValue{}, false
		}
	case plainOK(rest) && (binary || plainString(rest)):
		v = fastValue{start: int32(at), end: int32(at + len(rest)), size: int32(len(rest))}
		r.advance()
	default:
		return fastValue{}, false
	}
	if binary {
		text := r.appendText(r.buf[:0], v)
		value, err := base64.StdEncoding.AppendDecode(text[len(text):], text)
		r.buf = text[:0]
		if err != nil {
			return fastValue{}, false
		}
		v.binary, v.size = true, int32(len(value))
	}
	return v, true
}

// quotedScalar reads the single-line quoted scalar at the start of t, which is at
// offset at of src, and returns the offset in t past its closing quote. A
// double-quoted one has its escapes checked, and its decoded size counted, on
// the way.
func quotedScalar(t []byte, at int) (fastValue, int, bool) {
	q := t[0]
	escapes, size := 0, 0 // the bytes escapes take in t, and in the value
	done := func(end int) (fastValue, int, bool) {
		v := fastValue{start: int32(at + 1), end: int32(at + end), size: int32(end - 1 - escapes + size)}
		if escapes > 0 {
			v.style = q
		}
		return v, end + 1, true
	}
	if q == '\'' {
		// '' is a quote; IndexByte jumps between quotes.
		for i := 1; ; {
			j := bytes.IndexByte(t[i:], '\'')
			if j < 0 {
				return fastValue{}, 0, false // the scalar goes on to the next line
			}
			end := i + j
			if end+1 < len(t) && t[end+1] == '\'' {
				escapes, size, i = escapes+2, size+1, end+2
				continue
			}
			return done(end)
		}
	}
	// Double quotes: the scalar ends at the first quote no backslash escapes.
	for i := 1; ; {
		j := quoteOrBackslash(t, i)
		if j < 0 {
			return fastValue{}, 0, false // the scalar goes on to the next line
		}
		if t[j] == '"' {
			return done(j)
		}
		n, decoded := escape(t[j+1:])
		if n == 0 {
			return fastValue{}, 0, false // unknown, or a line continuation
		}
		escapes, size, i = escapes+1+n, size+decoded, j+1+n
	}
}

// quoteOrBackslash is the offset of the first '"' or '\\' in s at or after i,
// -1 if there is none. It looks at eight bytes at a time: JSON bodies have an
// escape every few bytes, too close together for IndexByte to pay.
func quoteOrBackslash(s []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		q, b := x^'"'*ones, x^'\\'*ones
		// The lowest byte set is the first zero byte of q or b; bytes above it
		// may be set by the borrow.
		if m := (q-ones)&^q&highs | (b-ones)&^b&highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			return i
		}
	}
	return -1
}

// escape is the length of the escape after a backslash at the start of s and
// the length of what it stands for, (0, 0) if yaml/v4's scanner does not know
// it.
func escape(s []byte) (n, size int) {
	if len(s) == 0 {
		return 0, 0
	}
	digits := 0
	switch s[0] {
	case '0', 'a', 'b', 't', '\t', 'n', 'v', 'f', 'r', 'e', ' ', '"', '\'', '\\':
		return 1, 1
	case 'N', '_': // U+0085, U+00A0
		return 1, 2
	case 'L', 'P': // U+2028, U+2029
		return 1, 3
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return 0, 0
	}
	if len(s) <= digits {
		return 0, 0
	}
	code := 0
	for _, c := range s[1 : 1+digits] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			c = c | 0x20 - 'a' + 10
		default:
			return 0, 0
		}
		code = code<<4 | int(c)
	}
	if code >= 0xD800 && code <= 0xDFFF || code > 0x10FFFF {
		return 0, 0
	}
	return 1 + digits, utf8.RuneLen(rune(code))
}

// spaces is compared with a literal block's lines to find their indentation
// without counting it byte by byte.
const spaces = "                                                                " // 64

// indentedBy reports whether the line at pos of src starts with n spaces, n at
// most 64 (false beyond). For the indentations go-vcr gives a body's lines, 8
// to 16, that is two words, overlapping, and no call.
func indentedBy(src []byte, pos, n int) bool {
	const eight = 0x2020202020202020
	if n >= 8 && n <= 16 && pos+n <= len(src) {
		return load64(src, pos) == eight && load64(src, pos+n-8) == eight
	}
	return n <= len(spaces) && hasPrefix(src[pos:], spaces[:n])
}

// literal reads a literal block scalar ("|", with optional chomping and
// indentation indicators in hdr) of a node at column m, counting the length of
// its value as appendLiteral writes it. It declines whitespace-only lines and
// a block without content, whose handling by YAML is subtle and which go-vcr
// does not write.
func (r *fastReader) literal(hdr []byte, m int) (fastValue, bool) {
	v := fastValue{style: '|'}
	for range 2 {
		if len(hdr) == 0 {
			break
		}
		switch c := hdr[0]; {
		case (c == '-' || c == '+') && v.chomp == 0:
			v.chomp = c
		case c >= '1' && c <= '9' && v.n == 0:
			v.n = int32(m + int(c-'0'))
		default:
			return fastValue{}, false
		}
		hdr = hdr[1:]
	}
	if len(hdr) != 0 {
		return fastValue{}, false
	}
	src := r.src
	start, pos := r.next, r.next
	size, breaks := 0, 0 // as appendLiteral counts them
	content := false
	for pos < len(src) {
		if src[pos] == '\n' {
			breaks++
			pos++
			continue
		}
		n := int(v.n)
		var end int
		if n > 0 && indentedBy(src, pos, n) {
			// Indented enough: the line is content unless it is only spaces.
			end = pos + n + bytes.IndexByte(src[pos+n:], '\n')
			if src[end-1] == ' ' && len(bytes.Trim(src[pos:end], " ")) == 0 {
				return fastValue{}, false
			}
		} else {
			end = pos + bytes.IndexByte(src[pos:], '\n')
			line := src[pos:end]
			sp := 0
			for sp < len(line) && line[sp] == ' ' {
				sp++
			}
			if sp == len(line) {
				return fastValue{}, false
			}
			if n == 0 {
				if sp <= m || line[sp] == '\t' {
					return fastValue{}, false // empty, or a tab yaml/v4 refuses
				}
				v.n, n = int32(sp), sp
			}
			if sp < n {
				break
			}
		}
		size += breaks + end - pos - n
		breaks, content = 1, true
		pos = end + 1
	}
	if !content {
		return fastValue{}, false // no content
	}
	switch v.chomp {
	case 0:
		size++
	case '+':
		size += breaks
	}
	v.start, v.end, v.size = int32(start), int32(pos), int32(size)
	r.next = pos
	r.advance()
	return v, true
}

// plainOK reports whether s, the rest of a line after "key: " or "- ", is one
// plain scalar in block context: it does not start with an indicator, and holds
// no ": " or " #" (a mapping value or a comment), tab or trailing space.
func plainOK(s []byte) bool {
	switch s[0] {
	case '-', '?', ':':
		if len(s) == 1 || s[1] == ' ' {
			return false // "- ", "? " and ": " are indicators
		}
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	}
	if last := s[len(s)-1]; last == ' ' || last == ':' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i+8 <= len(s) && plainWord(load64(s, i)) == 0 {
			i += 7
			continue
		}
		switch s[i] {
		case '\t':
			return false
		case ':':
			if s[i+1] == ' ' {
				return false
			}
		case '#':
			if s[i-1] == ' ' {
				return false
			}
		}
	}
	return true
}

// plainWord sets the high bit of each byte of x that may matter to plainOK: a
// tab, ':' or '#' (and, harmlessly, bytes of 0x80 or above).
func plainWord(x uint64) uint64 {
	const low7, highs, ones = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080, 0x0101010101010101
	c := x & low7
	other := ((c ^ '\t'*ones) + low7) & ((c ^ ':'*ones) + low7) & ((c ^ '#'*ones) + low7)
	return (x | ^other) & highs
}

// plainString reports whether yaml/v4 decodes the plain scalar s into a Go
// string as its text. It does for numbers; nulls become "" and booleans and the
// merge key are declined to be safe; a timestamp (which starts with four digits
// and a dash) does not decode into a string at all.
func plainString(s []byte) bool {
	switch string(s) {
	case "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "<<":
		return false
	}
	if len(s) > 4 && s[4] == '-' {
		for i := range 4 {
			if s[i] < '0' || s[i] > '9' {
				return true
			}
		}
		return false
	}
	return true
}

// plainInt reads a decimal int of up to nine digits, as yaml/v4 resolves it.
func plainInt(s []byte) (int, bool) {
	d := s
	if len(d) > 0 && d[0] == '-' {
		d = d[1:]
	}
	if len(d) == 0 || len(d) > 9 || (d[0] == '0' && (len(d) > 1 || len(s) > 1)) {
		return 0, false // "-0" resolves to a float
	}
	n := 0
	for _, c := range d {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if len(d) < len(s) {
		n = -n
	}
	return n, true
}

// plainDuration reports whether yaml/v4 decodes the plain scalar s into a
// time.Duration: a string time.ParseDuration reads, with a unit. (An int does
// not decode into a Duration; a string with a unit letter that ParseDuration
// reads is never a YAML number, bool or null.)
func plainDuration(s []byte) bool {
	if len(s) == 0 || !plainOK(s) || !bytes.ContainsAny(s, "hmsuµn") {
		return false
	}
	if shortDuration(s) {
		return true
	}
	_, err := time.ParseDuration(string(s))
	return err == nil
}

// shortDuration reports whether s is one number, of at most six digits before
// its point and nine after, and a unit: a duration time.ParseDuration reads
// (it cannot overflow), known without the string ParseDuration would need.
func shortDuration(s []byte) bool {
	digits := func(i int) int {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	i := digits(0)
	whole, frac := i, 0
	if i < len(s) && s[i] == '.' {
		j := digits(i + 1)
		i, frac = j, j-i-1
	}
	if whole > 6 || frac > 9 || whole+frac == 0 {
		return false
	}
	switch string(s[i:]) {
	case "ns", "us", "µs", "μs", "ms", "s", "m", "h":
		return true
	}
	return false
}

// hasPrefix reports whether b begins with s.
func hasPrefix(b []byte, s string) bool { return len(b) >= len(s) && string(b[:len(s)]) == s }
