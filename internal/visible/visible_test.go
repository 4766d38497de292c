package visible

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

func TestHidden(t *testing.T) {
	for _, r := range []rune{0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
		0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD, 0x2028, 0x2029, 0xE0041} {
		assert.True(t, Hidden(r), "%U", r)
	}
	for _, r := range []rune{'a', ' ', '\t', '\n', '\u0430', '日', 0x00A0, 0xFFFD} {
		assert.False(t, Hidden(r), "%U", r)
	}
	// Every rune of category Cf is hidden, whatever the table names.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(unicode.Cf, r) {
			assert.True(t, Hidden(r), "%U", r)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain text, 日本語, N\u0430me", "plain text, 日本語, N\u0430me"},
		{"abc\u202edef\u202c", "abc<U+202E>def<U+202C>"},
		{"\ufeffbom", "<U+FEFF>bom"},
		{"zero\u200bwidth\u2060join", "zero<U+200B>width<U+2060>join"},
		{"tag\U000E0041", "tag<U+E0041>"},
		{"line\u2028sep", "line<U+2028>sep"},
		{"bad \xff byte \u202e", "bad \xff byte <U+202E>"},
	} {
		assert.Equal(t, tc.want, Escape(tc.in), "%q", tc.in)
	}
	assert.Equal(t, "a<U+001B>b\u202e", EscapeFunc("a\x1bb\u202e", unicode.IsControl))
}

func TestDescribe(t *testing.T) {
	assert.Equal(t, "U+202E RIGHT-TO-LEFT OVERRIDE", Describe(0x202E))
	assert.Equal(t, "U+200B ZERO WIDTH SPACE", Describe(0x200B))
	assert.Equal(t, "U+FFF9 (format character)", Describe(0xFFF9))
	assert.Equal(t, "U+E0041 (tag character)", Describe(0xE0041))
	assert.Equal(t, "U+0430", Describe('\u0430'))
}
