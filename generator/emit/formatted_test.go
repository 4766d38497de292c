package emit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// formatted keeps the formatted source of its one Write, and says when the
// source does not parse or comes in pieces.
func TestFormattedWriter(t *testing.T) {
	var f formatted
	src := []byte("package p\nvar  x=1\n")
	n, err := f.Write(src)
	require.NoError(t, err)
	assert.Equal(t, len(src), n)
	require.NoError(t, f.err)
	assert.Equal(t, "package p\n\nvar x = 1\n", string(f.src))
	_, err = f.Write([]byte("package p\n"))
	assert.EqualError(t, err, "source written in pieces")

	var bad formatted
	_, err = bad.Write([]byte("package p\nfunc {\n"))
	require.NoError(t, err)
	assert.Error(t, bad.err)
}
