package acs

import (
	"net/url"
	"slices"
	"strings"
)

// PercentEncode encodes s as RFC 3986 asks and Alibaba's signature documents: every
// byte except A–Z a–z 0–9 - _ . ~ becomes %XX with upper-case hex, so a space is %20
// (never +), * is %2A and ~ stays literal.
func PercentEncode(s string) string {
	if !needsEncoding(s) {
		return s
	}
	var b strings.Builder
	b.Grow(encodedLen(s))
	writePercentEncoded(&b, s)
	return b.String()
}

// writePercentEncoded writes PercentEncode(s) to b.
func writePercentEncoded(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
}

// encodedLen is len(PercentEncode(s)).
func encodedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n += 2
		}
	}
	return n
}

func needsEncoding(s string) bool {
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			return true
		}
	}
	return false
}

func unreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// PathSegment escapes one path parameter value so that it stays one segment: a "/"
// inside it becomes %2F, and a value of "." or ".." becomes %2E or %2E%2E, which
// are not dot segments (RFC 3986 §5.2.4): sent raw, a proxy or server would
// remove them, and a request for ID ".." would go to the parent path. Generated
// ROA methods build their paths with it.
func PathSegment(s string) string {
	switch s {
	case ".":
		return "%2E"
	case "..":
		return "%2E%2E"
	}
	return PercentEncode(s)
}

// EncodeQuery renders q sorted by name, names and values percent-encoded.
// The same text is the wire query and the canonical query of the signature, so the
// two cannot disagree.
func EncodeQuery(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	var namesArray [16]string // operations have a handful of parameters: no allocation
	names := namesArray[:0]
	size := 0
	for k, vs := range q {
		names = append(names, k)
		size += (encodedLen(k) + 2) * max(len(vs), 1)
		for _, v := range vs {
			size += encodedLen(v)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	b.Grow(size) // exactly what is written, plus one for the "&" the first pair lacks
	for _, k := range names {
		vs := q[k] // repeated values keep their order: it is the order of an array's items
		if len(vs) == 0 {
			vs = []string{""}
		}
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			writePercentEncoded(&b, k)
			b.WriteByte('=')
			writePercentEncoded(&b, v)
		}
	}
	return b.String()
}
