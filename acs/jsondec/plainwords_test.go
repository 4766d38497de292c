package jsondec

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// plain reports whether a string holds c as it is, the byte loop's rule.
func plain(c byte) bool { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' }

// plainWordsByBytes is plainWords byte by byte: the start of the first 8-byte
// word from i that holds a byte that is not plain.
func plainWordsByBytes(data []byte, i int) int {
	for ; i+8 <= len(data); i += 8 {
		for _, c := range data[i : i+8] {
			if !plain(c) {
				return i
			}
		}
	}
	return i
}

// Every byte value, at every place in a word and after words of every plain byte,
// stops plainWords exactly where it is not plain.
func TestPlainWordsStopsAtEveryOtherByte(t *testing.T) {
	for c := range 256 {
		for at := range 16 {
			for _, fill := range []byte{' ', '!', '#', '[', ']', '~', 0x7f, 'a'} {
				data := bytes.Repeat([]byte{fill}, 20)
				data[at] = byte(c)
				require.Equal(t, plainWordsByBytes(data, 0), plainWords(data, 0), "byte %#x at %d among %q", c, at, fill)
				require.Equal(t, plainWordsByBytes(data, 3), plainWords(data, 3), "byte %#x at %d among %q, from 3", c, at, fill)
			}
		}
	}
	rng := rand.New(rand.NewPCG(8, 8))
	alphabet := []byte("a Z~\"\\\x00\x1f\x7f\x80\xff\xc3\xa9")
	for range 100000 {
		data := make([]byte, rng.IntN(40))
		for i := range data {
			if rng.IntN(4) == 0 {
				data[i] = alphabet[rng.IntN(len(alphabet))]
			} else {
				data[i] = byte(0x20 + rng.IntN(0x60))
			}
		}
		from := rng.IntN(len(data) + 1)
		require.Equal(t, plainWordsByBytes(data, from), plainWords(data, from), "%q from %d", data, from)
	}
}
