package contract

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// fastCassette reads the YAML that go-vcr v4 writes (yaml/v4's Marshal of a
// cassette: block mappings and sequences, plain, quoted and literal scalars)
// straight from the file's text, without the node tree the full parser builds.
// It accepts only what it can read exactly as yaml/v4 would; on anything else
// (anchors, aliases, tags, flow collections, folded or multi-line scalars,
// comments, blank lines, tabs, unknown or repeated keys, another version) it
// declines, returning false before fn has been called, and eachCassette runs
// the full parser instead. FuzzFastCassette holds it to that.
//
// The text is read twice: once to check that all of it is in the subset, since
// a decline after fn has seen interactions could not be undone, then again to
// build each interaction and give it to fn. The first pass allocates only its
// scratch space.
// Strings that need no decoding (URLs, header names and values) are slices of
// src; bodies are copied once, into the []byte an Interaction holds.
func fastCassette(path, src string, fn func(int, Interaction) error) (bool, error) {
	if !fastText(src) {
		return false, nil
	}
	check := fastReader{src: src}
	if !check.cassette() {
		return false, nil
	}
	build := fastReader{src: src, build: true, emit: func(i int, ix Interaction) error {
		if err := checkURL(path, i, ix.URL); err != nil {
			return err
		}
		return fn(i, ix)
	}}
	if !build.cassette() && build.err == nil {
		// Both passes take the same decisions on the same text; this is a bug.
		return true, fmt.Errorf("%s: the fast cassette reader declined what it had accepted", path)
	}
	return true, build.err
}

// fastText reports whether src ends with a line break and holds only characters
// that yaml/v4 reads as themselves: no carriage returns, no byte order mark, no
// NEL, LS or PS (which YAML 1.1 counts as line breaks), nothing the YAML reader
// refuses (control characters, invalid UTF-8).
func fastText(src string) bool {
	if !strings.HasSuffix(src, "\n") {
		return false
	}
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(src); {
		if i+8 <= len(src) {
			// Eight printable ASCII bytes at a time: none below ' ', none 0x7f or above.
			x := uint64(src[i]) | uint64(src[i+1])<<8 | uint64(src[i+2])<<16 | uint64(src[i+3])<<24 |
				uint64(src[i+4])<<32 | uint64(src[i+5])<<40 | uint64(src[i+6])<<48 | uint64(src[i+7])<<56
			if (x|(x-0x20*ones)|(x+0x01*ones))&highs == 0 {
				i += 8
				continue
			}
		}
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < ' ' && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(src[i:])
		if r < 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError && n == 1 {
			return false
		}
		i += n
	}
	return true
}

// fastReader walks src line by line. Every line is either structure (a mapping
// key or a sequence dash, indented by spaces) or a line of a literal block.
type fastReader struct {
	src   string
	next  int    // offset of the line after the current one
	ind   int    // indentation of the current line; -1 at the end
	text  string // the current line after its indentation
	build bool   // false: only check; true: build and emit the interactions
	emit  func(int, Interaction) error
	err   error           // from emit
	buf   []byte          // scratch for checking escapes
	names []string        // the header names read so far, for duplicates
	seen  map[string]bool // the same, once there are many
}

func (r *fastReader) advance() {
	if r.next >= len(r.src) {
		r.ind, r.text = -1, ""
		return
	}
	end := r.next + strings.IndexByte(r.src[r.next:], '\n') // src ends with '\n'
	line := r.src[r.next:end]
	r.next = end + 1
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	r.ind, r.text = i, line[i:]
}

// structural reports whether the current line can be a key or a dash: not
// blank, not a comment, not indented with a tab.
func (r *fastReader) structural() bool {
	return r.text != "" && r.text[0] != '#' && r.text[0] != '\t'
}

// cassette reads "version: 2" and "interactions:" (a block sequence, or []),
// optionally after "---", as the only top-level keys.
func (r *fastReader) cassette() bool {
	if strings.HasPrefix(r.src, "---\n") {
		r.next = 4
	}
	r.advance()
	var version, list bool
	for r.ind == 0 && r.structural() {
		key, rest, ok := r.key()
		switch {
		case !ok:
			return false
		case key == "version" && !version:
			if rest != strconv.Itoa(cassette.CassetteFormatVersion) {
				return false // the full reader says what is wrong with it
			}
			version = true
			r.advance()
		case key == "interactions" && !list:
			list = true
			if rest == "[]" {
				r.advance()
				continue
			}
			if rest != "" {
				return false
			}
			r.advance()
			if r.ind <= 0 || !r.interactions(r.ind) {
				return false
			}
		default:
			return false
		}
	}
	return r.ind == -1 && version && list
}

// interactions reads the sequence whose dashes are at column s.
func (r *fastReader) interactions(s int) bool {
	for i := 0; r.ind == s; i++ {
		t := r.text
		if len(t) < 3 || t[0] != '-' || t[1] != ' ' || t[2] == ' ' {
			return false
		}
		// The item's mapping starts on the dash line, its keys two columns in.
		r.ind, r.text = s+2, t[2:]
		var ix Interaction
		if !r.interaction(s+2, &ix) {
			return false
		}
		if r.build && r.err == nil {
			r.err = r.emit(i, ix)
		}
		if r.err != nil {
			return false
		}
	}
	return r.ind < s
}

func (r *fastReader) interaction(m int, ix *Interaction) bool {
	// yaml/v4 leaves an absent body "", which []byte makes empty, not nil.
	ix.Body, ix.RespBody = []byte(""), []byte("")
	var seen uint8
	for r.ind == m && r.structural() {
		key, rest, ok := r.key()
		if !ok {
			return false
		}
		var bit uint8
		switch key {
		case "id":
			bit = 1
			if _, ok = plainInt(rest); ok {
				r.advance()
			}
		case "request", "response":
			bit = 2
			if key == "response" {
				bit = 4
			}
			if ok = rest == ""; ok {
				r.advance()
				if ok = r.ind > m; ok {
					ok = r.message(r.ind, key == "request", ix)
				}
			}
		}
		if bit == 0 || !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
	}
	return r.ind < m
}

// requestFields and responseFields are the YAML keys of cassette.Request and
// cassette.Response with the kind of value each holds: 's' string, 'i' int,
// 'b' bool, 'd' time.Duration, 'l' []string, 'h' http.Header or url.Values
// (TestFastFieldsAreGoVCRs holds them to go-vcr's struct tags).
var (
	requestFields = []fastField{{"proto", 's'}, {"proto_major", 'i'}, {"proto_minor", 'i'}, {"content_length", 'i'},
		{"transfer_encoding", 'l'}, {"trailer", 'h'}, {"host", 's'}, {"remote_addr", 's'}, {"request_uri", 's'},
		{"body", 's'}, {"form", 'h'}, {"headers", 'h'}, {"url", 's'}, {"method", 's'}}
	responseFields = []fastField{{"proto", 's'}, {"proto_major", 'i'}, {"proto_minor", 'i'}, {"transfer_encoding", 'l'},
		{"trailer", 'h'}, {"content_length", 'i'}, {"uncompressed", 'b'}, {"body", 's'}, {"headers", 'h'},
		{"status", 's'}, {"code", 'i'}, {"duration", 'd'}}
)

type fastField struct {
	name string
	kind byte
}

// message reads a cassette.Request (request) or cassette.Response at column m,
// keeping what an Interaction holds and checking that the rest decodes.
func (r *fastReader) message(m int, request bool, ix *Interaction) bool {
	fields := responseFields
	if request {
		fields = requestFields
	}
	var seen uint16
	for r.ind == m && r.structural() {
		key, rest, ok := r.key()
		f := 0
		for f < len(fields) && fields[f].name != key {
			f++
		}
		if !ok || f == len(fields) || seen&(1<<f) != 0 {
			return false // unknown or repeated
		}
		seen |= 1 << f
		switch fields[f].kind {
		case 's':
			v, ok := r.scalar(rest, m)
			if !ok {
				return false
			}
			if r.build {
				switch key {
				case "url":
					ix.URL = r.str(v)
				case "method":
					ix.Method = r.str(v)
				case "body":
					if request {
						ix.Body = r.bytes(v)
					} else {
						ix.RespBody = r.bytes(v)
					}
				}
			}
		case 'i', 'b', 'd':
			n, ok := plainInt(rest)
			switch fields[f].kind {
			case 'b':
				ok = rest == "true" || rest == "false"
			case 'd':
				ok = plainDuration(rest)
			}
			if !ok {
				return false
			}
			if key == "code" {
				ix.Status = n
			}
			r.advance()
		case 'l':
			if !r.list(rest, m, func(fastScalar) {}) {
				return false
			}
		case 'h':
			h, ok := r.header(rest, m)
			if !ok {
				return false
			}
			if key == "headers" && request {
				ix.Header = h
			} else if key == "headers" {
				ix.RespHeader = h
			}
		}
	}
	return r.ind < m
}

// header reads an http.Header (or url.Values): a mapping of names to non-empty
// sequences of strings, on the lines after the key at column m.
func (r *fastReader) header(rest string, m int) (http.Header, bool) {
	if rest != "" {
		return nil, false // {} or a flow mapping
	}
	r.advance()
	hm := r.ind
	if hm <= m {
		return nil, false // null
	}
	var h http.Header
	if r.build {
		h = http.Header{}
	}
	names := r.names[:0]
	clear(r.seen)
	defer func() { r.names = names[:0] }()
	for r.ind == hm && r.structural() {
		raw, rest, ok := r.key()
		if !ok {
			return nil, false
		}
		name := raw
		if len(names) < 32 {
			for _, n := range names {
				if n == name {
					return nil, false
				}
			}
			names = append(names, name)
			if len(names) == 32 {
				if r.seen == nil {
					r.seen = map[string]bool{}
				}
				for _, n := range names {
					r.seen[n] = true
				}
			}
		} else {
			if r.seen[name] {
				return nil, false
			}
			r.seen[name] = true
		}
		var values []string
		if !r.list(rest, hm, func(v fastScalar) {
			if r.build {
				values = append(values, r.str(v))
			}
		}) {
			return nil, false
		}
		if r.build {
			h[name] = values
		}
	}
	return h, r.ind < hm
}

// list reads a non-empty block sequence of strings on the lines after the key
// at column m, giving each to add.
func (r *fastReader) list(rest string, m int, add func(fastScalar)) bool {
	if rest != "" {
		return false // [] or a flow sequence
	}
	r.advance()
	s := r.ind
	if s <= m {
		return false // null, or a sequence as indented as its key
	}
	for r.ind == s {
		t := r.text
		if len(t) < 3 || t[0] != '-' || t[1] != ' ' || t[2] == ' ' {
			return false
		}
		v, ok := r.scalar(t[2:], s)
		if !ok {
			return false
		}
		add(v)
	}
	return r.ind < s
}

// key splits the current line into a key and what follows ": ". Keys are plain
// words (letters, digits, "-", "_", ".", starting with a letter, not a YAML
// boolean or null) or quoted strings, at most 1,000 bytes: YAML limits an
// implicit key to 1,024 characters.
func (r *fastReader) key() (key, rest string, ok bool) {
	t := r.text
	var i int
	switch t[0] {
	case '"', '\'':
		var v fastScalar
		if v, i, ok = r.quoted(t); !ok {
			return "", "", false
		}
		key = r.str(v)
	default:
		for i < len(t) && (isLetter(t[i]) || t[i] >= '0' && t[i] <= '9' || t[i] == '-' || t[i] == '_' || t[i] == '.') {
			i++
		}
		key = t[:i]
		if i == 0 || !isLetter(t[0]) || !plainString(key) {
			return "", "", false
		}
	}
	if i > 1000 || i == len(t) || t[i] != ':' {
		return "", "", false
	}
	rest = t[i+1:]
	if rest == "" {
		return key, "", true
	}
	if len(rest) < 2 || rest[0] != ' ' || rest[1] == ' ' || rest[1] == '\t' {
		return "", "", false
	}
	return key, rest[1:], true
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// fastScalar is a string value as written: plain, quoted or a literal block.
type fastScalar struct {
	raw   string // the text: plain, between the quotes, or the block's lines
	style byte   // 0 (plain, or quoted without escapes), '\'', '"' or '|'
	n     int    // '|': the block's indentation
	chomp byte   // '|': '-', '+' or 0
	// binary: the text is base64 of the value (a "!!binary" tag)
	binary bool
}

// scalar reads a string value that starts with rest on the current line, a
// mapping value at column m or a sequence item whose dash is at m, and moves
// past it. Besides the styles of fastScalar, it reads "!!binary" before a
// plain or literal scalar, which is how yaml/v4 writes a string that is not
// UTF-8.
func (r *fastReader) scalar(rest string, m int) (fastScalar, bool) {
	binary := strings.HasPrefix(rest, "!!binary ")
	if binary {
		rest = rest[len("!!binary "):]
	}
	var v fastScalar
	switch {
	case rest == "":
		return fastScalar{}, false // null, or a collection
	case rest[0] == '"' || rest[0] == '\'':
		var end int
		var ok bool
		if v, end, ok = r.quoted(rest); !ok || end != len(rest) || binary {
			return fastScalar{}, false
		}
		r.advance()
	case rest[0] == '|':
		var ok bool
		if v, ok = r.literal(rest[1:], m); !ok {
			return fastScalar{}, false
		}
	case plainOK(rest) && (binary || plainString(rest)):
		v = fastScalar{raw: rest}
		r.advance()
	default:
		return fastScalar{}, false
	}
	if binary {
		v.binary = true
		var text []byte
		if v.style == '|' {
			text = appendLiteral(r.buf[:0], v)
		} else {
			text = append(r.buf[:0], v.raw...)
		}
		_, err := base64.StdEncoding.AppendDecode(text[len(text):], text)
		r.buf = text[:0]
		if err != nil {
			return fastScalar{}, false
		}
	}
	return v, true
}

// quoted reads the single-line quoted scalar at the start of t and returns the
// offset past its closing quote. A double-quoted one is scanned byte by byte,
// checking its escapes on the way: JSON bodies have one every few bytes.
func (r *fastReader) quoted(t string) (fastScalar, int, bool) {
	q := t[0]
	esc := false
	done := func(end int) (fastScalar, int, bool) {
		v := fastScalar{raw: t[1:end]}
		if esc {
			v.style = q
		}
		return v, end + 1, true
	}
	if q == '\'' {
		// '' is a quote; IndexByte jumps between quotes.
		for i := 1; ; {
			j := strings.IndexByte(t[i:], '\'')
			if j < 0 {
				return fastScalar{}, 0, false // the scalar goes on to the next line
			}
			end := i + j
			if end+1 < len(t) && t[end+1] == '\'' {
				esc, i = true, end+2
				continue
			}
			return done(end)
		}
	}
	// Double quotes: the scalar ends at the first quote no backslash escapes.
	// quote is the next quote at or after i, found again only once an escape
	// has consumed it, so a long scalar is scanned once however it is escaped.
	quote := -1
	for i := 1; ; {
		if quote < i {
			j := strings.IndexByte(t[i:], '"')
			if j < 0 {
				return fastScalar{}, 0, false // the scalar goes on to the next line
			}
			quote = i + j
		}
		k := strings.IndexByte(t[i:quote], '\\')
		if k < 0 {
			return done(quote)
		}
		at := i + k
		n := escapeLen(t[at+1:])
		if n == 0 {
			return fastScalar{}, 0, false // unknown, or a line continuation
		}
		esc, i = true, at+1+n
	}
}

// escapeLen is the length of the escape after a backslash at the start of s,
// 0 if yaml/v4's scanner does not know it.
func escapeLen(s string) int {
	if s == "" {
		return 0
	}
	digits := 0
	switch s[0] {
	case '0', 'a', 'b', 't', '\t', 'n', 'v', 'f', 'r', 'e', ' ', '"', '\'', '\\', 'N', '_', 'L', 'P':
		return 1
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return 0
	}
	if len(s) <= digits {
		return 0
	}
	code := 0
	for _, c := range []byte(s[1 : 1+digits]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			c = c | 0x20 - 'a' + 10
		default:
			return 0
		}
		code = code<<4 | int(c)
	}
	if code >= 0xD800 && code <= 0xDFFF || code > 0x10FFFF {
		return 0
	}
	return 1 + digits
}

// literal reads a literal block scalar ("|", with optional chomping and
// indentation indicators in hdr) of a node at column m. It declines whitespace-
// only lines and a block without content, whose handling by YAML is subtle and
// which go-vcr does not write.
func (r *fastReader) literal(hdr string, m int) (fastScalar, bool) {
	v := fastScalar{style: '|'}
	for range 2 {
		if hdr == "" {
			break
		}
		switch c := hdr[0]; {
		case (c == '-' || c == '+') && v.chomp == 0:
			v.chomp = c
		case c >= '1' && c <= '9' && v.n == 0:
			v.n = m + int(c-'0')
		default:
			return fastScalar{}, false
		}
		hdr = hdr[1:]
	}
	if hdr != "" {
		return fastScalar{}, false
	}
	start, pos := r.next, r.next
	content := false
	for pos < len(r.src) {
		end := pos + strings.IndexByte(r.src[pos:], '\n')
		line := r.src[pos:end]
		if line != "" {
			sp := 0
			for sp < len(line) && line[sp] == ' ' {
				sp++
			}
			if sp == len(line) {
				return fastScalar{}, false
			}
			if v.n == 0 {
				if sp <= m || line[sp] == '\t' {
					return fastScalar{}, false // empty, or a tab yaml/v4 refuses
				}
				v.n = sp
			}
			if sp < v.n {
				break
			}
			content = true
		}
		pos = end + 1
	}
	if !content {
		return fastScalar{}, false
	}
	v.raw = r.src[start:pos]
	r.next = pos
	r.advance()
	return v, true
}

// appendLiteral appends the value of a literal block: each line without its
// indentation, the line breaks between them, and the last ones as chomped.
func appendLiteral(dst []byte, v fastScalar) []byte {
	breaks := 0
	for raw := v.raw; raw != ""; {
		end := strings.IndexByte(raw, '\n')
		line := raw[:end]
		raw = raw[end+1:]
		if line == "" {
			breaks++
			continue
		}
		for ; breaks > 0; breaks-- {
			dst = append(dst, '\n')
		}
		dst = append(dst, line[v.n:]...)
		breaks = 1
	}
	switch v.chomp {
	case 0:
		dst = append(dst, '\n')
	case '+':
		for ; breaks > 0; breaks-- {
			dst = append(dst, '\n')
		}
	}
	return dst
}

// appendEscaped appends the value of a double-quoted scalar's text s, whose
// escapes quoted has checked.
func appendEscaped(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			continue
		}
		dst = append(dst, s[start:i]...)
		n := escapeLen(s[i+1:])
		switch c := s[i+1]; c {
		case 'x', 'u', 'U':
			code, _ := strconv.ParseUint(s[i+2:i+1+n], 16, 32)
			dst = utf8.AppendRune(dst, rune(code))
		case 'N':
			dst = append(dst, "\u0085"...)
		case '_':
			dst = append(dst, "\u00a0"...)
		case 'L':
			dst = append(dst, "\u2028"...)
		case 'P':
			dst = append(dst, "\u2029"...)
		default:
			dst = append(dst, "\x00\x07\x08\x09\x09\x0a\x0b\x0c\x0d\x1b \"'\\"[strings.IndexByte("0abt\tnvfre \"'\\", c)])
		}
		i += n
		start = i + 1
	}
	return append(dst, s[start:]...)
}

// str is the value of v as a string: a slice of src unless it was escaped.
func (r *fastReader) str(v fastScalar) string {
	switch {
	case v.binary:
	case v.style == 0:
		return v.raw
	case v.style == '\'':
		return strings.ReplaceAll(v.raw, "''", "'")
	}
	return string(r.bytes(v))
}

// bytes is the value of v as a new []byte.
func (r *fastReader) bytes(v fastScalar) []byte {
	var b []byte
	switch v.style {
	case '"':
		b = appendEscaped(make([]byte, 0, len(v.raw)), v.raw)
	case '|':
		b = appendLiteral(make([]byte, 0, len(v.raw)), v)
	case '\'':
		b = []byte(strings.ReplaceAll(v.raw, "''", "'"))
	default:
		b = []byte(v.raw)
	}
	if v.binary {
		b, _ = base64.StdEncoding.AppendDecode(nil, b) // checked when read
	}
	return b
}

// plainOK reports whether s, the rest of a line after "key: " or "- ", is one
// plain scalar in block context: it does not start with an indicator, and holds
// no ": " or " #" (a mapping value or a comment), tab or trailing space.
func plainOK(s string) bool {
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

// plainString reports whether yaml/v4 decodes the plain scalar s into a Go
// string as its text. It does for numbers; nulls become "" and booleans and the
// merge key are declined to be safe; a timestamp (which starts with four digits
// and a dash) does not decode into a string at all.
func plainString(s string) bool {
	switch s {
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
func plainInt(s string) (int, bool) {
	d := strings.TrimPrefix(s, "-")
	if d == "" || len(d) > 9 || (d[0] == '0' && (len(d) > 1 || len(s) > 1)) {
		return 0, false // "-0" resolves to a float
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// plainDuration reports whether yaml/v4 decodes the plain scalar s into a
// time.Duration: a string time.ParseDuration reads, with a unit. (An int does
// not decode into a Duration; a string with a unit letter that ParseDuration
// reads is never a YAML number, bool or null.)
func plainDuration(s string) bool {
	if s == "" || !plainOK(s) || !strings.ContainsAny(s, "hmsuµn") {
		return false
	}
	_, err := time.ParseDuration(s)
	return err == nil
}
