package emit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/internal/visible"
)

// commentLine makes one line of spec text safe inside a // comment and returns it
// in the "// text" form jennifer renders verbatim. Passing the slashes ourselves
// matters: jennifer renders text that starts with "/*" as-is, which would open an
// unterminated block comment. Line breaks (\n, \r) become spaces here; callers that
// keep them split first with commentLines. Characters the Go scanner rejects even
// in comments (NUL, invalid UTF-8) and other control characters become U+FFFD.
// Characters that act on the text around them without showing (bidi controls,
// zero-width characters, a byte order mark, line separators: visible.Hidden) are
// written as <U+202E>: raw, a right-to-left override in a description would make
// the comment, and the code after it on the line, read otherwise in review than
// it compiles (Trojan Source).
func commentLine(text string) string {
	line := text
	if !plainText(text) {
		line = safeCommentText(text)
	}
	line = strings.TrimRight(line, " \t")
	if line == "" {
		return "//"
	}
	return "// " + line
}

// plainText says whether text is printable ASCII and tabs only, which
// safeCommentText leaves as it is: most descriptions are.
func plainText(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; (c < ' ' || c > '~') && c != '\t' {
			return false
		}
	}
	return true
}

// safeCommentText is commentLine's text before trimming: line breaks as spaces,
// what the scanner rejects as U+FFFD, hidden characters escaped.
func safeCommentText(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for i, w := 0, 0; i < len(text); i += w {
		r, size := utf8.DecodeRuneInString(text[i:])
		w = size
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r == '\t':
			b.WriteByte('\t')
		case r == utf8.RuneError && size <= 1, unicode.IsControl(r):
			b.WriteRune(utf8.RuneError)
		case visible.Hidden(r):
			b.WriteString(visible.Escape(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// commentLines splits text at every line break (\n, \r\n or \r) into safe lines.
func commentLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	parts := strings.Split(text, "\n")
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = commentLine(p)
	}
	return out
}

// comment renders text, which may come from the spec, as one // comment line.
func comment(text string) *jen.Statement { return jen.Comment(commentLine(text)) }
