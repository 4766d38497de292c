package docs

import (
	"fmt"
	"strings"
)

// md builds a Markdown document line by line.
type md struct{ strings.Builder }

func (b *md) line(s string) { b.WriteString(s); b.WriteByte('\n') }

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

// codeSpan quotes s as inline code.
func codeSpan(s string) string {
	if strings.Contains(s, "`") {
		return "`` " + s + " ``"
	}
	return "`" + s + "`"
}
