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

// writePercentEncoded writes PercentEncode(s) to b. Runs of unreserved bytes, which
// are most of what a query holds (IDs, names, enum values), are copied whole.
func writePercentEncoded(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			continue
		}
		b.WriteString(s[start:i])
		b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		start = i + 1
	}
	b.WriteString(s[start:])
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

func unreserved(c byte) bool { return unreservedBytes[c] }

// unreservedBytes marks A–Z a–z 0–9 - _ . ~: one load where the encoders test every
// byte of a query.
var unreservedBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == '~'
	}
	return t
}()

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
func EncodeQuery(q url.Values) string { return EncodeQueries(q, nil) }

// EncodeQueries renders q and encoded, a query whose values are already
// percent-encoded (see SetJoined), as one query sorted by name: names are
// percent-encoded, q's values are, encoded's are written as they are but for
// any byte besides unreserved characters, "%XX" escapes and the delimiters ","
// and "|", which is encoded (so a value cannot add a pair). A name in both gets
// q's values first.
func EncodeQueries(q, encoded url.Values) string {
	if len(q) == 0 && len(encoded) == 0 {
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
	for k, vs := range encoded {
		if _, dup := q[k]; !dup {
			names = append(names, k)
		}
		size += (encodedLen(k) + 2) * max(len(vs), 1)
		for _, v := range vs {
			size += len(v)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	b.Grow(size) // about what is written
	pair := func(k, v string, pre bool) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		writePercentEncoded(&b, k)
		b.WriteByte('=')
		if pre {
			writePreEncoded(&b, v)
		} else {
			writePercentEncoded(&b, v)
		}
	}
	for _, k := range names {
		vs, pre := q[k], encoded[k] // repeated values keep their order: it is the order of an array's items
		if len(vs) == 0 && len(pre) == 0 {
			vs = []string{""}
		}
		for _, v := range vs {
			pair(k, v, false)
		}
		for _, v := range pre {
			pair(k, v, true)
		}
	}
	return b.String()
}

// writePreEncoded writes the already percent-encoded s, encoding what EncodeQueries
// does not let through.
func writePreEncoded(b *strings.Builder, s string) {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case unreserved(c) || c == ',' || c == '|':
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// Query delimiters of SetJoined, as OpenAPI 3.0's style table sends them.
const (
	SepForm           = ","   // style form, explode: false: ids=3,4,5
	SepSpaceDelimited = "%20" // spaceDelimited: ids=3%204%205
	SepPipeDelimited  = "|"   // pipeDelimited: ids=3|4|5
)

// SetJoined sets name in encoded (a Request's EncodedQuery) to items joined
// with sep (SepForm, SepSpaceDelimited or SepPipeDelimited), as OpenAPI 3.0 sends a
// query array that is not exploded. The delimiter is sent as the style table shows
// (a literal "," or "|", a space as %20) and each item is percent-encoded, so a
// value's own "," or "|" is sent as %2C or %7C: a decoder that splits the raw
// value tells the two apart. (One that splits the decoded value, as kin-openapi's
// does, cannot; neither can anyone tell a space of spaceDelimited from a value's.)
func SetJoined(encoded url.Values, name, sep string, items ...string) {
	var b strings.Builder
	for i, item := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		writePercentEncoded(&b, item)
	}
	encoded.Set(name, b.String())
}

// SetJoinedObject sets name in encoded (a Request's EncodedQuery) to the members of
// the object v as style form without explode sends them, color=R,100,G,200: the
// members are ObjectParam's, each name and value percent-encoded, joined with
// literal commas. A nil v or an object without members sets nothing; a member that
// is an object or an array, and a v that is not an object, are errors.
func SetJoinedObject(encoded url.Values, name string, v any) error {
	members, err := jsonMembers(name, v)
	if err != nil || len(members) == 0 {
		return err
	}
	SetJoined(encoded, name, SepForm, members...)
	return nil
}
