package acs

import (
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A declared length is not data: an answer that declares 16 MiB and stalls after
// ten bytes costs a buffer of at most maxPrealloc, not 16 MiB.
func TestReadBodyDoesNotTrustTheDeclaredLength(t *testing.T) {
	stalled := errors.New("stalled")
	resp := &http.Response{ContentLength: 16 << 20, Body: io.NopCloser(io.MultiReader(strings.NewReader("0123456789"), errReader{stalled}))}
	got, err := readBody(resp, DefaultMaxResponseBytes)
	require.ErrorIs(t, err, stalled)
	assert.Equal(t, "0123456789", string(got))
	assert.LessOrEqual(t, cap(got), maxPrealloc)

	// A body that does send its declared length arrives whole.
	body := strings.Repeat("q", 3*maxPrealloc+7)
	got, err = readBody(&http.Response{ContentLength: int64(len(body)), Body: io.NopCloser(strings.NewReader(body))}, DefaultMaxResponseBytes)
	require.NoError(t, err)
	assert.Equal(t, body, string(got))
}

// math.MaxInt64 as the limit has no room for the extra byte; it used to panic on a
// declared length and read a chunked body as empty.
func TestReadBodyWithTheLargestLimit(t *testing.T) {
	const body = `{"A":1}`
	for _, declared := range []int64{int64(len(body)), -1, math.MaxInt64} {
		got, err := readBody(&http.Response{ContentLength: declared, Body: io.NopCloser(strings.NewReader(body))}, math.MaxInt64)
		require.NoError(t, err, "declared %d", declared)
		assert.Equal(t, body, string(got), "declared %d", declared)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }
