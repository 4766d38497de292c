package acs

import "net/http"

// headerValues sets single-valued headers whose values share one backing array, so
// that setting n headers allocates once rather than n times. Each value is a full
// one-element slice: a later Add copies it instead of writing into its neighbour.
type headerValues struct {
	h      http.Header
	values []string
}

// newHeaderValues has room for n values; more are allocated as they come.
func newHeaderValues(h http.Header, n int) headerValues {
	return headerValues{h: h, values: make([]string, 0, n)}
}

// set is http.Header.Set for a key already in canonical form.
func (hv *headerValues) set(key, value string) {
	hv.values = append(hv.values, value)
	n := len(hv.values)
	hv.h[key] = hv.values[n-1 : n : n]
}
