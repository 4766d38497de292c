package emit

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPlainTextNeedsNoEscaping holds commentLine's shortcut to the general path:
// whatever plainText accepts comes out of safeCommentText as it went in.
func TestPlainTextNeedsNoEscaping(t *testing.T) {
	pieces := []string{"a", "Z", "0", " ", "~", "!", "\t", "*/", "/*", "\\", "\"", "`"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var text string
		for range rng.IntN(12) {
			text += pieces[rng.IntN(len(pieces))]
		}
		require.True(t, plainText(text), "%q", text)
		require.Equal(t, text, safeCommentText(text), "%q", text)
	}
	for c := range 128 {
		text := "a" + string(rune(c)) + "b"
		if plainText(text) {
			require.Equal(t, text, safeCommentText(text), "%q", text)
		}
	}
}
