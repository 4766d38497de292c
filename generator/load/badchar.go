package load

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf8"

	"github.com/acsgen/acsgen/generator/diag"
)

// The YAML reader refuses a character outside YAML's printable set, or bytes
// that are not UTF-8, with a message that has no line ("control characters are
// not allowed"). badChar finds that character in the spec so the syntax error can
// point at it.

// yamlPrintable reports whether YAML 1.2 allows r in a stream: tab, line feed,
// carriage return, printable ASCII, NEL, and the rest of Unicode save the C1
// controls, surrogates and U+FFFE/U+FFFF.
func yamlPrintable(r rune) bool {
	switch {
	case r == 0x09, r == 0x0A, r == 0x0D, r >= 0x20 && r <= 0x7E, r == 0x85:
		return true
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// badChar returns the position of the first character of data that YAML refuses,
// and a message saying what it is. A spec in UTF-16 (which the reader accepts, with a byte order
// mark) counts otherwise; it is left to the reader's own message.
func badChar(path string, data []byte) (diag.Pos, string, bool) {
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return diag.Pos{}, "", false
	}
	start := 0
	if bytes.HasPrefix(data, bom) {
		start = len(bom)
	}
	for off := start; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return posIn(path, data, off), fmt.Sprintf("byte 0x%02X is not UTF-8; save the spec as UTF-8", data[off]), true
		case !yamlPrintable(r):
			return posIn(path, data, off), fmt.Sprintf("control character U+%04X is not allowed in YAML; write it as the escape \\u%04X in a double-quoted string", r, r), true
		}
		off += size
	}
	return diag.Pos{}, "", false
}

// posIn returns the position of byte offset off in data, as the locator counts.
func posIn(path string, data []byte, off int) diag.Pos {
	starts := lineStarts(data)
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > off })
	from := starts[line-1]
	if line == 1 && bytes.HasPrefix(data, bom) {
		from += len(bom)
	}
	return diag.Pos{File: path, Line: line, Col: 1 + utf8.RuneCount(data[from:off])}
}
