// Package textwrap fills text to a width between words, for help texts and
// generated comments.
package textwrap

import "strings"

// Fill joins the words of text (white space collapsed) into lines of at most
// width bytes; a longer word gets a line of its own. No trailing newline.
func Fill(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		switch {
		case n == 0:
		case n+1+len(w) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}
