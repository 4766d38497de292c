package contract

import (
	"bytes"
	"encoding/base64"
	"net/http"
	"strings"
	"unicode/utf8"
)

// build makes the Interaction ix notes, holding nothing of src: its strings
// (URL, method, header names and values) are slices of one string, its two
// bodies share one []byte and the values of its two headers one []string,
// each allocated at the size the reading counted. Every piece is capped, so an
// append to one never writes into another.
func (r *fastReader) build(ix *fastIx) Interaction {
	var text strings.Builder
	text.Grow(int(ix.url.size+ix.method.size) + r.headerSize(ix.header) + r.headerSize(ix.respHeader))
	out := Interaction{URL: r.valueString(&text, ix.url), Method: r.valueString(&text, ix.method), Status: int(ix.status)}
	values := make([]string, ix.header.count+ix.respHeader.count)
	out.Header, values = r.makeHeader(&text, ix.header, values)
	out.RespHeader, _ = r.makeHeader(&text, ix.respHeader, values)
	// An absent body is "", which yaml/v4 leaves as an empty, non-nil []byte.
	bodies := make([]byte, 0, ix.body.size+ix.respBody.size)
	bodies = r.appendValue(bodies, ix.body)
	out.Body = bodies[:len(bodies):len(bodies)]
	bodies = r.appendValue(bodies[len(bodies):], ix.respBody)
	out.RespBody = bodies[:len(bodies):len(bodies)]
	return out
}

// headerSize is the length of the names and values of h.
func (r *fastReader) headerSize(h fastHeader) int {
	n := 0
	for _, e := range r.entries[h.first : h.first+h.len] {
		n += int(e.name.size)
	}
	for _, v := range r.vals[h.values : h.values+h.count] {
		n += int(v.size)
	}
	return n
}

// makeHeader makes the http.Header h notes, its strings written to text and
// its values taken from the front of values; it returns the rest of values.
func (r *fastReader) makeHeader(text *strings.Builder, h fastHeader, values []string) (http.Header, []string) {
	if !h.present {
		return nil, values
	}
	out := make(http.Header, h.len)
	vals := r.vals[h.values : h.values+h.count]
	for _, e := range r.entries[h.first : h.first+h.len] {
		vs := values[:e.count:e.count]
		for i := range vs {
			vs[i] = r.valueString(text, vals[i])
		}
		out[r.valueString(text, e.name)] = vs
		values, vals = values[e.count:], vals[e.count:]
	}
	return out, values
}

// valueString writes the value of v to text and returns it, a slice of the
// string text builds: what is written to a strings.Builder stays as written.
func (r *fastReader) valueString(text *strings.Builder, v fastValue) string {
	from := text.Len()
	if v.style == 0 && !v.binary {
		text.Write(r.src[v.start:v.end])
	} else {
		b := r.appendValue(r.str[:0], v)
		r.str = b[:0]
		text.Write(b)
	}
	return text.String()[from:]
}

// appendValue appends the value of v to dst.
func (r *fastReader) appendValue(dst []byte, v fastValue) []byte {
	if !v.binary {
		return r.appendText(dst, v)
	}
	text := r.appendText(r.buf[:0], v)
	r.buf = text[:0]
	dst, _ = base64.StdEncoding.AppendDecode(dst, text) // checked when read
	return dst
}

// appendText appends the text of v as its style reads it: for a binary value,
// the base64.
func (r *fastReader) appendText(dst []byte, v fastValue) []byte {
	raw := r.src[v.start:v.end]
	switch v.style {
	case '"':
		return appendEscaped(dst, raw)
	case '|':
		return appendLiteral(dst, raw, int(v.n), v.chomp)
	case '\'':
		return appendSingleQuoted(dst, raw)
	}
	return append(dst, raw...)
}

// appendLiteral appends the value of the literal block raw, indented by n:
// each line without its indentation and with its line break (an empty line is
// its break alone), then the breaks after the last content cut as chomped.
func appendLiteral(dst []byte, raw []byte, n int, chomp byte) []byte {
	last := len(dst) // the end of the last content line, its break included
	for len(raw) != 0 {
		if raw[0] == '\n' {
			dst = append(dst, '\n')
			raw = raw[1:]
			continue
		}
		end := bytes.IndexByte(raw, '\n') + 1
		dst = append(dst, raw[n:end]...)
		last, raw = len(dst), raw[end:]
	}
	switch chomp {
	case 0:
		return dst[:last]
	case '-':
		return dst[:last-1]
	}
	return dst
}

// appendSingleQuoted appends the value of a single-quoted scalar's text s, in
// which two quotes in a row stand for one.
func appendSingleQuoted(dst []byte, s []byte) []byte {
	for {
		i := bytes.Index(s, []byte("''"))
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i+1]...)
		s = s[i+2:]
	}
}

// appendEscaped appends the value of a double-quoted scalar's text s, whose
// escapes quotedScalar has checked (and which holds no bare quote).
func appendEscaped(dst []byte, s []byte) []byte {
	for {
		i := quoteOrBackslash(s, 0)
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		n, _ := escape(s[i+1:])
		switch c := s[i+1]; c {
		case 'x', 'u', 'U':
			code := 0
			for _, c := range s[i+2 : i+1+n] {
				code = code<<4 | int(unhex(c))
			}
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
		s = s[i+1+n:]
	}
}

// unhex is the value of the hex digit c, which escape has checked.
func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
