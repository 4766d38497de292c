package acs

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The service's code, message and request ID are text from the other side of the
// network, and Error() ends up in logs and terminals. Raw, a message could carry
// ANSI or OSC escapes that rewrite a terminal, a CR LF that forges a log line, a
// NUL, bidirectional overrides that reorder what a reader sees, or a megabyte of
// anything. Error() shows them escaped and cut; the fields of Error keep them
// whole, as sent.

// Bounds on what Error() shows of each server-given field, in bytes.
const (
	maxCodeText      = 128
	maxMessageText   = 1024
	maxRequestIDText = 128
)

// printable escapes control and format characters (C0, DEL, C1, bidi and
// zero-width marks) and invalid UTF-8 the way Go quotes them, and cuts the result
// at max bytes, saying how long the text was.
func printable(s string, max int) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var piece string
		switch {
		case r == utf8.RuneError && size == 1:
			piece = `\x` + strconv.FormatUint(uint64(s[i])|0x100, 16)[1:]
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			q := strconv.QuoteRuneToASCII(r)
			piece = q[1 : len(q)-1]
		default:
			piece = s[i : i+size]
		}
		if b.Len()+len(piece) > max {
			b.WriteString("…(")
			b.WriteString(strconv.Itoa(len(s)))
			b.WriteString(" bytes in all)")
			return b.String()
		}
		b.WriteString(piece)
		i += size
	}
	return b.String()
}
