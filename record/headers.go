package record

import (
	"net/http"
	"strings"
)

// Clients built on darabonba/tea set headers by assigning to the map with
// lower-case keys ("authorization", "x-acs-security-token"), which http.Header's
// Get and Set never see. Every lookup and edit here compares names without
// regard to case, so that no spelling of a secret header escapes redaction.

// headerGet returns the first value of the header called name in any case.
func headerGet(h http.Header, name string) string {
	if v := h.Get(name); v != "" {
		return v
	}
	for k, vs := range h {
		if strings.EqualFold(k, name) && len(vs) > 0 && vs[0] != "" {
			return vs[0]
		}
	}
	return ""
}

// headerMap rewrites in place every value of every header called name in any
// case, and reports whether there was one. Callers clone h first when the map
// may be shared.
func headerMap(h http.Header, name string, f func(string) string) bool {
	found := false
	for k, vs := range h {
		if strings.EqualFold(k, name) {
			for j := range vs {
				vs[j] = f(vs[j])
			}
			found = true
		}
	}
	return found
}

func redactedValue(string) string { return Redacted }
