package contract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Recorded data (file names, property names, operation ids, messages quoting
// values) reaches every report, and a report is read on a terminal, in a CI log
// or by a CI runner. None of them may see a character that acts rather than
// shows: C0 controls (ESC starts ANSI and OSC sequences, CR and LF forge lines),
// DEL, C1 controls (U+0080–U+009F; 0x9B alone is CSI to some terminals), and the
// invisible format characters that reorder or hide text (bidi controls such as
// U+202E and U+2066–U+2069, zero-width characters such as U+200B, U+FEFF; Unicode
// category Cf) and the line and paragraph separators U+2028 and U+2029.
//
// Each format escapes them its own way: text and github write them as Go escapes
// (\x1b, \n, \u202e), JSON as \u escapes and XML as character references, so
// those two still carry the data faithfully; the few characters XML 1.0 cannot
// hold at all (C0 other than tab, LF, CR; U+FFFE, U+FFFF) become Go escapes too.

// unsafeRune reports whether r must not reach a report raw.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// goEscape writes r the way Go source would.
func goEscape(b *strings.Builder, r rune) {
	switch r {
	case '\t':
		b.WriteString(`\t`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	default:
		switch {
		case r < 0x80:
			fmt.Fprintf(b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			fmt.Fprintf(b, `\U%08x`, r)
		}
	}
}

// escapeText replaces every unsafe rune of s, and every byte that is not UTF-8,
// with its Go escape. It also neutralises what a GitHub Actions runner reads as
// a workflow command in a log line: a line that starts with "::" after leading
// spaces (so a leading ':' of s becomes \x3a, wherever s lands on its line) and
// the legacy "##[" anywhere (written \x23#[). Text without any of these comes
// back as it was.
func escapeText(s string) string {
	s = escapeFunc(s, unsafeRune)
	if strings.HasPrefix(s, ":") {
		s = `\x3a` + s[1:]
	}
	return strings.ReplaceAll(s, "##[", `\x23#[`)
}

// escapeFunc is escapeText for the runes bad reports.
func escapeFunc(s string, bad func(rune) bool) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || bad(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case bad(r):
			goEscape(&b, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// escapeFinding returns f with every text field escaped for a text report.
func escapeFinding(f Finding) Finding {
	f.Recording = escapeText(f.Recording)
	f.Operation = escapeText(f.Operation)
	f.Where = escapeText(f.Where)
	f.Pointer = escapeText(f.Pointer)
	f.Schema = escapeText(f.Schema)
	f.Rule = escapeText(f.Rule)
	f.Message = escapeText(f.Message)
	return f
}

// xmlForbidden reports whether XML 1.0 cannot hold r even as a character reference.
func xmlForbidden(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xfffe || r == 0xffff
}

// escapeXMLValue prepares s for encoding/xml, which would turn what XML cannot
// hold into U+FFFD: those characters, and bytes that are not UTF-8, become Go
// escapes. Tab, LF and CR are left for encoding/xml, which writes them as
// character references.
func escapeXMLValue(s string) string {
	return escapeFunc(s, xmlForbidden)
}

// escapeEncoded rewrites the unsafe runes left raw in encoded JSON or XML (DEL,
// C1, format characters; encoding/json and encoding/xml already escape the
// rest) with ref, and the first '#' of a legacy "##[" workflow command too.
// Both encoders write such runes only inside string values and character data
// (the markup is ASCII without "##["), where an escape means the same rune, so
// the document stays valid and decodes to the same data. A JSON or XML line
// cannot start with "::", so that needs nothing.
func escapeEncoded(doc []byte, ref func(*strings.Builder, rune)) []byte {
	clean := !bytes.Contains(doc, []byte("##["))
	for _, r := range string(doc) {
		if r >= 0x7f && unsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return doc
	}
	var b strings.Builder
	s := string(doc)
	for i, r := range s {
		if (r >= 0x7f && unsafeRune(r)) || (r == '#' && strings.HasPrefix(s[i:], "##[")) {
			ref(&b, r)
		} else {
			b.WriteRune(r)
		}
	}
	return []byte(b.String())
}

// jsonRef writes r as a JSON \u escape (a surrogate pair above U+FFFF).
func jsonRef(b *strings.Builder, r rune) {
	if r > 0xffff {
		r1, r2 := utf16.EncodeRune(r)
		fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
		return
	}
	fmt.Fprintf(b, `\u%04x`, r)
}

// xmlRef writes r as an XML character reference.
func xmlRef(b *strings.Builder, r rune) {
	fmt.Fprintf(b, "&#x%X;", r)
}

// ghLeadingColons neutralises a "::" at the start of workflow-command data, where
// a runner reading it on a line of its own would take it for a command.
func ghLeadingColons(s string) string {
	if strings.HasPrefix(s, "::") {
		return "%3A%3A" + s[2:]
	}
	return s
}
