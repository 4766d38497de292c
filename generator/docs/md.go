package docs

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/acsgen/acsgen/internal/visible"
)

// md builds a Markdown document line by line.
type md struct{ strings.Builder }

// line writes s and a line break. Everything a page says passes here, spec text
// included, so this is where the characters that act rather than show are
// written as <U+XXXX>: bidi controls and zero-width characters (visible.Hidden),
// which would make a page read otherwise than it says in an editor or a diff
// view, and control characters other than tab and line feed, which would move a
// terminal's cursor or start an escape sequence when the page is printed.
func (b *md) line(s string) {
	b.WriteString(visible.EscapeFunc(s, actsOnText))
	b.WriteByte('\n')
}

func actsOnText(r rune) bool {
	return visible.Hidden(r) || (unicode.IsControl(r) && r != '\t' && r != '\n')
}

func (b *md) linef(format string, args ...any) { b.line(fmt.Sprintf(format, args...)) }

// para writes text as a paragraph followed by a blank line; nothing if empty.
func (b *md) para(text string) {
	if text = strings.TrimSpace(text); text != "" {
		b.line(text)
		b.line("")
	}
}

// code writes a fenced block; the fence grows past any backtick run in src.
func (b *md) code(lang, src string) {
	fence := "```"
	for strings.Contains(src, fence) {
		fence += "`"
	}
	b.line(fence + lang)
	b.line(strings.TrimRight(src, "\n"))
	b.line(fence)
	b.line("")
}

func (b *md) bytes() []byte { return []byte(strings.TrimRight(b.String(), "\n") + "\n") }

// cell makes text fit one table cell: one line, pipes escaped.
func cell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// inline makes text fit one list item line.
func inline(s string) string { return strings.Join(strings.Fields(s), " ") }

// codeSpan quotes s as inline code, exactly: the delimiter is a backtick run longer
// than any in s, with a space inside each end where s starts or ends with a
// backtick or a space (CommonMark strips one such pair). The empty name, which no
// code span can show, is written `""`.
func codeSpan(s string) string {
	if s == "" {
		return "`\"\"`"
	}
	delim := "`"
	for strings.Contains(s, delim) {
		delim += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		s = " " + s + " "
	}
	return delim + s + delim
}
