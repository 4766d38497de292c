package acs

import (
	"net/http"
	"strings"
)

// AddCookie adds the cookie parameter name to the one Cookie header of h, as
// OpenAPI 3.0 serializes a cookie of style form: name=value for one value,
// name=a,b for the items of an array (explode: false). Each value is
// percent-encoded as PercentEncode encodes the query (a space is %20, "," %2C,
// ";" %3B), so no value can break the header apart; the commas between items
// stay as they are. Pairs are joined with "; " (RFC 6265 §5.4), in the order
// they are added.
func AddCookie(h http.Header, name string, values ...string) {
	var b strings.Builder
	if c := h.Get("Cookie"); c != "" {
		b.WriteString(c)
		b.WriteString("; ")
	}
	b.WriteString(name)
	b.WriteByte('=')
	for i, v := range values {
		if i > 0 {
			b.WriteByte(',')
		}
		writePercentEncoded(&b, v)
	}
	h.Set("Cookie", b.String())
}
