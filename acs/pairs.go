package acs

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pair is one query parameter and its value, for Request.Pairs.
type Pair struct{ Name, Value string }

// QueryText is s as Flatten sends a string: as it is, but each byte of invalid
// UTF-8 as U+FFFD, as darabonba's JSON round trip leaves it. Generated code puts
// string parameters into Request.Pairs with it.
func QueryText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return validUTF8(s)
}

// encodeRequestQuery is the query of req: EncodeQueries of its maps, with its
// pairs among Query's parameters.
func encodeRequestQuery(req *Request) string {
	if len(req.Pairs) == 0 {
		return EncodeQueries(req.Query, req.EncodedQuery)
	}
	if len(req.Query) == 0 && len(req.EncodedQuery) == 0 {
		return encodePairs(req.Pairs)
	}
	q := make(url.Values, len(req.Query)+len(req.Pairs))
	for k, vs := range req.Query {
		q[k] = vs
	}
	for _, p := range req.Pairs {
		q[p.Name] = append(q[p.Name], p.Value)
	}
	return EncodeQueries(q, req.EncodedQuery)
}

// encodePairs is EncodeQuery of the pairs as a url.Values: sorted by name (pairs of
// one name keep their order), names and values percent-encoded. It sorts pairs.
func encodePairs(pairs []Pair) string {
	slices.SortStableFunc(pairs, func(a, b Pair) int { return strings.Compare(a.Name, b.Name) })
	size := 0
	for _, p := range pairs {
		size += encodedLen(p.Name) + encodedLen(p.Value) + 2
	}
	var b strings.Builder
	b.Grow(size)
	for i, p := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		writePercentEncoded(&b, p.Name)
		b.WriteByte('=')
		writePercentEncoded(&b, p.Value)
	}
	return b.String()
}
