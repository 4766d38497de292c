package load

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// lineStartsByRune is lineStarts written the plain way, a rune at a time.
func lineStartsByRune(src []byte) []int {
	starts := []int{0}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		i += size
		switch r {
		case '\r':
			if i < len(src) && src[i] == '\n' {
				i++
			}
		case '\n', '\u0085', '\u2028', '\u2029':
		default:
			continue
		}
		starts = append(starts, i)
	}
	return starts
}

func TestLineStartsBreaksAtEveryLineBreak(t *testing.T) {
	// Line breaks, their pieces, other multi-byte characters and invalid UTF-8.
	pieces := []string{"a", " ", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u00e9", "\u20ac", "\xc2", "\xe2\x80", "\x85", "\xa8", "\xff", "🙂"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var src []byte
		for range rng.IntN(20) {
			src = append(src, pieces[rng.IntN(len(pieces))]...)
		}
		require.Equal(t, lineStartsByRune(src), lineStarts(src), "%q", src)
	}
}
