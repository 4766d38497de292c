package contract

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// build makes the Interaction ix notes. Its two bodies share one []byte and
// the values of its two headers one []string, each allocated at the size the
// reading counted; every piece is capped, so an append to one never writes
// into another.
func (r *fastReader) build(ix *fastIx) Interaction {
	out := Interaction{URL: r.valueString(ix.url), Method: r.valueString(ix.method), Status: int(ix.status)}
	values := make([]string, ix.header.count+ix.respHeader.count)
	out.Header, values = r.makeHeader(ix.header, values)
	out.RespHeader, _ = r.makeHeader(ix.respHeader, values)
	// An absent body is "", which yaml/v4 leaves as an empty, non-nil []byte.
	bodies := make([]byte, 0, ix.body.size+ix.respBody.size)
	bodies = r.appendValue(bodies, ix.body)
	out.Body = bodies[:len(bodies):len(bodies)]
	bodies = r.appendValue(bodies[len(bodies):], ix.respBody)
	out.RespBody = bodies[:len(bodies):len(bodies)]
	return out
}

// makeHeader makes the http.Header h notes, its values taken from the front of
// values; it returns the rest of values.
func (r *fastReader) makeHeader(h fastHeader, values []string) (http.Header, []string) {
	if !h.present {
		return nil, values
	}
	out := make(http.Header, h.len)
	vals := r.vals[h.values : h.values+h.count]
	for _, e := range r.entries[h.first : h.first+h.len] {
		vs := values[:e.count:e.count]
		for i := range vs {
			vs[i] = r.valueString(vals[i])
		}
		out[r.valueString(e.name)] = vs
		values, vals = values[e.count:], vals[e.count:]
	}
	return out, values
}

// valueString is the value of v: a slice of src unless it was escaped.
func (r *fastReader) valueString(v fastValue) string {
	if v.style == 0 && !v.binary {
		return r.src[v.start:v.end]
	}
	b := r.appendValue(r.str[:0], v)
	r.str = b[:0]
	return string(b)
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
// each line without its indentation, the line breaks between them, and the
// last ones as chomped.
func appendLiteral(dst []byte, raw string, n int, chomp byte) []byte {
	breaks := 0
	for raw != "" {
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
		dst = append(dst, line[n:]...)
		breaks = 1
	}
	switch chomp {
	case 0:
		dst = append(dst, '\n')
	case '+':
		for ; breaks > 0; breaks-- {
			dst = append(dst, '\n')
		}
	}
	return dst
}

// appendSingleQuoted appends the value of a single-quoted scalar's text s, in
// which two quotes in a row stand for one.
func appendSingleQuoted(dst []byte, s string) []byte {
	for {
		i := strings.Index(s, "''")
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i+1]...)
		s = s[i+2:]
	}
}

// appendEscaped appends the value of a double-quoted scalar's text s, whose
// escapes quotedScalar has checked (and which holds no bare quote).
func appendEscaped(dst []byte, s string) []byte {
	for {
		i := quoteOrBackslash(s, 0)
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		n, _ := escape(s[i+1:])
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
		s = s[i+1+n:]
	}
}
