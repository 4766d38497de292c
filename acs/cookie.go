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
	addCookiePairs(h, func(b *strings.Builder) {
		b.WriteString(name)
		b.WriteByte('=')
		for i, v := range values {
			if i > 0 {
				b.WriteByte(',')
			}
			writePercentEncoded(b, v)
		}
	})
}

// AddCookiePairs adds one name=value pair per value to the Cookie header of h:
// an array cookie of style form with explode: true (OpenAPI 3.0's default),
// ids=3; ids=4. OpenAPI's table writes the exploded pairs as a query joins them
// (with "&"); a Cookie header's pairs are joined with "; " (RFC 6265 §4.2.1), as
// OpenAPI 3.2's style cookie writes them. Values are percent-encoded as by
// AddCookie; no values add nothing.
func AddCookiePairs(h http.Header, name string, values ...string) {
	if len(values) == 0 {
		return
	}
	addCookiePairs(h, func(b *strings.Builder) {
		for i, v := range values {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(name)
			b.WriteByte('=')
			writePercentEncoded(b, v)
		}
	})
}

// CookieObject adds the object v (a struct or a map whose members are strings,
// numbers or booleans, as ObjectParam takes) to the Cookie header of h as a
// cookie of style form: with explode, one pair per member named by the member
// (R=100; G=200, joined as AddCookiePairs joins them); without, one pair
// name=R,100,G,200. Names and values are percent-encoded as by AddCookie, the
// commas between them left as they are. A nil v, or one without members, adds
// nothing.
func CookieObject(h http.Header, name string, explode bool, v any) error {
	members, err := jsonMembers(name, v)
	if err != nil || len(members) == 0 {
		return err
	}
	addCookiePairs(h, func(b *strings.Builder) {
		if !explode {
			b.WriteString(name)
			b.WriteByte('=')
		}
		for i, m := range members {
			switch {
			case i == 0:
			case explode && i%2 == 0:
				b.WriteString("; ")
			case explode:
				b.WriteByte('=')
			default:
				b.WriteByte(',')
			}
			writePercentEncoded(b, m)
		}
	})
	return nil
}

// addCookiePairs appends what write writes to the Cookie header of h, after
// "; " when it has pairs already.
func addCookiePairs(h http.Header, write func(*strings.Builder)) {
	var b strings.Builder
	if c := h.Get("Cookie"); c != "" {
		b.WriteString(c)
		b.WriteString("; ")
	}
	write(&b)
	h.Set("Cookie", b.String())
}
