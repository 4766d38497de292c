package acs

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
)

// readBody must read exactly what io.ReadAll(io.LimitReader(body, limit+1)) reads,
// whatever the declared length says and however the body hands out its bytes.
func TestReadBodyMatchesLimitedReadAll(t *testing.T) {
	errBroken := errors.New("connection reset")
	readers := map[string]func(string) io.Reader{
		"whole":    func(s string) io.Reader { return strings.NewReader(s) },
		"one byte": func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) },
		"half":     func(s string) io.Reader { return iotest.HalfReader(strings.NewReader(s)) },
		"data+EOF": func(s string) io.Reader { return iotest.DataErrReader(strings.NewReader(s)) },
		"broken":   func(s string) io.Reader { return io.MultiReader(strings.NewReader(s), iotest.ErrReader(errBroken)) },
	}
	const limit = 16
	for _, body := range []string{"", "x", strings.Repeat("a", limit-1), strings.Repeat("b", limit), strings.Repeat("c", limit+1), strings.Repeat("d", 3*limit)} {
		// Declared lengths: unknown, true, and lies in both directions.
		for _, declared := range []int64{-1, int64(len(body)), 0, int64(len(body)) - 1, int64(len(body)) + 1, limit, limit + 1} {
			for name, mk := range readers {
				want, wantErr := io.ReadAll(io.LimitReader(mk(body), limit+1))
				got, gotErr := readBody(&http.Response{ContentLength: declared, Body: io.NopCloser(mk(body))}, limit)
				assert.Equal(t, string(want), string(got), "%s body %d bytes declared %d", name, len(body), declared)
				assert.Equal(t, wantErr, gotErr, "%s body %d bytes declared %d", name, len(body), declared)
			}
		}
	}
}

// A declared length is read into one buffer of that size, with room for the EOF read.
func TestReadBodyAllocatesOnceForADeclaredLength(t *testing.T) {
	body := strings.Repeat("z", 3000)
	allocs := testing.AllocsPerRun(100, func() {
		r := strings.NewReader(body)
		_, _ = readBody(&http.Response{ContentLength: int64(len(body)), Body: io.NopCloser(r)}, DefaultMaxResponseBytes)
	})
	// The reader, its NopCloser and the buffer.
	assert.LessOrEqual(t, allocs, 3.0)
}
