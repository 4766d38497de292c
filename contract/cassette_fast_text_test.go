package contract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// textWord flags exactly the bytes fastText refuses as ASCII (and every byte
// of 0x80 or above, which it then decodes), whatever their neighbours.
func TestTextWordFlagsEachByteAlone(t *testing.T) {
	bad := func(c byte) bool { return c >= 0x80 || c == 0x7f || c < ' ' && c != '\n' && c != '\t' }
	for c := range 256 {
		for _, fill := range []byte{0x00, ' ', 'a', 0x7f, 0xff, '\n'} {
			for pos := range 8 {
				var w [8]byte
				for i := range w {
					w[i] = fill
				}
				w[pos] = byte(c)
				got := textWord(load64(w[:], 0))
				for i := range w {
					require.Equal(t, bad(w[i]), got>>(8*i+7)&1 == 1, "byte %#x at %d among %#x", c, pos, fill)
				}
			}
		}
	}
}

// indentedBy is "the line starts with n spaces", at every indentation up to 64
// (beyond, literal counts the spaces itself), for lines indented more, less or
// as much, and at the end of src.
func TestIndentedBy(t *testing.T) {
	for n := 1; n <= 70; n++ {
		for k := 0; k <= 72; k++ {
			for _, tail := range []string{"x\n", "", "\n"} {
				src := []byte("ab\n" + strings.Repeat(" ", k) + tail)
				require.Equal(t, k >= n && n <= 64, indentedBy(src, 3, n), "n=%d k=%d tail=%q", n, k, tail)
			}
		}
	}
}
