package acs

import (
	"io"
	"math"
	"net/http"
)

// maxPrealloc bounds the buffer readBody sets aside from a declared Content-Length
// before the bytes arrive. A declared length is a claim, not data: a hundred
// stalled answers each declaring 16 MiB would otherwise hold 1.6 GB while sending
// nothing. Bodies up to this size still take one allocation; larger ones grow with
// what is received.
const maxPrealloc = 256 << 10

// readBody reads at most limit+1 bytes of resp's body (one more than allowed, so
// that an oversized body shows; limit itself when it is math.MaxInt64, where the
// extra byte would overflow).
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	stop := limit
	if stop < math.MaxInt64 {
		stop++
	}
	size := int64(512) // what io.ReadAll starts with, for an undeclared length
	if n := resp.ContentLength; n >= 0 && n < math.MaxInt64 {
		size = n + 1 // +1: the read that finds EOF, or that the length was a lie
	}
	buf := make([]byte, 0, min(size, maxPrealloc, stop))
	for int64(len(buf)) < stop {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow by append's factor
		}
		end := cap(buf)
		if int64(end) > stop {
			end = int(stop)
		}
		m, err := resp.Body.Read(buf[len(buf):end])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}
