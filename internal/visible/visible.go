// Package visible shows the characters that change how text reads without being
// seen themselves: bidirectional controls that reorder a line (the Trojan Source
// attack on code review), zero-width characters that split or join words
// unnoticed, and the line and paragraph separators some editors break lines at.
// acsgen copies spec text into Go comments, Markdown pages and diagnostics; it
// writes these characters there as <U+202E> and so on, which reads the same in
// every editor, terminal and browser.
package visible

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hidden reports whether r acts on text without showing: a format character
// (Unicode category Cf: bidi embeddings, overrides, isolates and marks,
// zero-width space and joiners, word joiner, byte order mark, soft hyphen,
// invisible operators, tag characters) or U+2028 LINE SEPARATOR and U+2029
// PARAGRAPH SEPARATOR.
func Hidden(r rune) bool {
	return r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r)
}

// Escape returns s with every Hidden rune written as <U+XXXX>; s itself when it
// has none.
func Escape(s string) string { return EscapeFunc(s, Hidden) }

// EscapeFunc returns s with every rune that bad reports written as <U+XXXX>.
// Bytes that are not UTF-8 are left as they are.
func EscapeFunc(s string, bad func(rune) bool) string {
	i := strings.IndexFunc(s, bad)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if r != utf8.RuneError && bad(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Describe names r for a message: "U+202E RIGHT-TO-LEFT OVERRIDE". Characters
// not in the table below get their code point and what kind of character they
// are ("U+FFF9 (format character)").
func Describe(r rune) string {
	if name, ok := names[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, name)
	}
	switch {
	case r >= 0xE0020 && r <= 0xE007F:
		return fmt.Sprintf("U+%04X (tag character)", r)
	case unicode.Is(unicode.Cf, r):
		return fmt.Sprintf("U+%04X (format character)", r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// names holds the Unicode names of the hidden characters specs and documents
// copied from web pages are most likely to hold; Describe falls back to the
// code point for the rest of category Cf.
var names = map[rune]string{
	0x00AD:  "SOFT HYPHEN",
	0x061C:  "ARABIC LETTER MARK",
	0x180E:  "MONGOLIAN VOWEL SEPARATOR",
	0x200B:  "ZERO WIDTH SPACE",
	0x200C:  "ZERO WIDTH NON-JOINER",
	0x200D:  "ZERO WIDTH JOINER",
	0x200E:  "LEFT-TO-RIGHT MARK",
	0x200F:  "RIGHT-TO-LEFT MARK",
	0x2028:  "LINE SEPARATOR",
	0x2029:  "PARAGRAPH SEPARATOR",
	0x202A:  "LEFT-TO-RIGHT EMBEDDING",
	0x202B:  "RIGHT-TO-LEFT EMBEDDING",
	0x202C:  "POP DIRECTIONAL FORMATTING",
	0x202D:  "LEFT-TO-RIGHT OVERRIDE",
	0x202E:  "RIGHT-TO-LEFT OVERRIDE",
	0x2060:  "WORD JOINER",
	0x2061:  "FUNCTION APPLICATION",
	0x2062:  "INVISIBLE TIMES",
	0x2063:  "INVISIBLE SEPARATOR",
	0x2064:  "INVISIBLE PLUS",
	0x2066:  "LEFT-TO-RIGHT ISOLATE",
	0x2067:  "RIGHT-TO-LEFT ISOLATE",
	0x2068:  "FIRST STRONG ISOLATE",
	0x2069:  "POP DIRECTIONAL ISOLATE",
	0xFEFF:  "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
	0xE0001: "LANGUAGE TAG",
}
