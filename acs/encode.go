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
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) * 3)
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
	return b.String()
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
// inside it becomes %2F. Generated ROA methods build their paths with it.
func PathSegment(s string) string { return PercentEncode(s) }

// EncodeQuery renders q sorted by name, names and values percent-encoded.
// The same text is the wire query and the canonical query of the signature, so the
// two cannot disagree.
func EncodeQuery(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	names := make([]string, 0, len(q))
	for k := range q {
		names = append(names, k)
	}
	slices.Sort(names)
	var b strings.Builder
	for _, k := range names {
		vs := q[k] // repeated values keep their order: it is the order of an array's items
		if len(vs) == 0 {
			vs = []string{""}
		}
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(PercentEncode(k))
			b.WriteByte('=')
			b.WriteString(PercentEncode(v))
		}
	}
	return b.String()
}
