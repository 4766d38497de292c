package contract

import (
	"encoding/binary"
	"unicode/utf8"
)

// fastText reports whether src ends with a line break and holds only characters
// that yaml/v4 reads as themselves: no carriage returns, no byte order mark, no
// NEL, LS or PS (which YAML 1.1 counts as line breaks), nothing the YAML reader
// refuses (control characters, invalid UTF-8).
//
// ASCII text is checked 32 bytes at a time (textWord), line breaks and tabs
// included, so only words holding other bytes are decoded rune by rune.
func fastText(src []byte) bool {
	if len(src) == 0 || src[len(src)-1] != '\n' {
		return false
	}
	i := 0
	for i < len(src) {
		if i+32 <= len(src) {
			w := src[i : i+32 : i+32] // one bounds check for the four words
			if textWord(load64(w, 0))|textWord(load64(w, 8))|textWord(load64(w, 16))|textWord(load64(w, 24)) == 0 {
				i += 32
				continue
			}
		}
		if i+8 <= len(src) && textWord(load64(src, i)) == 0 {
			i += 8
			continue
		}
		// Rune by rune to the end of this word; a rune may end in the next one.
		for end := min(i+8, len(src)); i < end; {
			c := src[i]
			if c < utf8.RuneSelf {
				if (c < ' ' && c != '\n' && c != '\t') || c == 0x7f {
					return false
				}
				i++
				continue
			}
			r, n := utf8.DecodeRune(src[i:])
			if r < 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError && n == 1 {
				return false
			}
			i += n
		}
	}
	return true
}

// load64 is the eight bytes of s at i, the first in the lowest byte.
func load64(s []byte, i int) uint64 { return binary.LittleEndian.Uint64(s[i:]) }

// textWord sets the high bit of each byte of x that is not printable ASCII, a
// line break or a tab. Each byte is tested on its own seven low bits, with sums
// that stay below 0x100, so no carry crosses from one byte into the next; a
// byte of 0x80 or above is set from x itself.
func textWord(x uint64) uint64 {
	const low7, highs, ones = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080, 0x0101010101010101
	c := x & low7
	// c + k has its high bit set exactly when c >= 0x80 - k.
	printable := (c + 0x60*ones) &^ (c + ones)       // ' ' <= c < 0x7f
	breakOrTab := (c + 0x77*ones) &^ (c + 0x75*ones) // '\t' <= c < '\v'
	return (x | ^(printable | breakOrTab)) & highs
}
