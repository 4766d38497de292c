package load

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
)

// The YAML parser positions nodes, not the characters inside them: a value's
// position is where it starts, and a block scalar's is its "|" indicator, the
// line before its text. To point at one character of a value (an invisible one,
// a bad escape) the locator finds it in the spec's bytes, counting lines and
// columns as the parser does, so that both kinds of position agree.

// bom is the UTF-8 byte order mark. The parser skips it at the start of the
// input; it takes no column.
var bom = []byte("\ufeff")

// lineStarts returns the byte offset at which each line of src starts. Lines
// break where the YAML parser breaks them: at LF, CR, CR LF, NEL (U+0085), and
// U+2028 and U+2029. Only their first bytes need a second look; the rest of the
// text is skipped a byte at a time, or by IndexByte where LF is the only break.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	if bytes.IndexByte(src, '\r') < 0 && bytes.IndexByte(src, 0xC2) < 0 && bytes.IndexByte(src, 0xE2) < 0 {
		// LF alone (the usual text): found by IndexByte, many bytes at a time.
		for i := bytes.IndexByte(src, '\n'); i >= 0; {
			starts = append(starts, i+1)
			next := bytes.IndexByte(src[i+1:], '\n')
			if next < 0 {
				break
			}
			i += 1 + next
		}
		return starts
	}
	for i := 0; i < len(src); {
		switch c := src[i]; {
		case c == '\n':
			i++
		case c == '\r':
			i++
			if i < len(src) && src[i] == '\n' {
				i++
			}
		case c == 0xC2 && i+1 < len(src) && src[i+1] == 0x85: // NEL
			i += 2
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9): // LS, PS
			i += 3
		default:
			i++
			continue
		}
		starts = append(starts, i)
	}
	return starts
}

// offset returns the byte offset of line:col, or -1 when the spec has no such
// position or is not UTF-8 (a UTF-16 spec, which the parser also reads, counts
// otherwise).
func (l *Locator) offset(line, col int) int {
	starts := l.lines()
	if line < 1 || line > len(starts) || col < 1 || !l.utf8 {
		return -1
	}
	off := starts[line-1]
	if line == 1 && bytes.HasPrefix(l.src, bom) {
		off += len(bom)
	}
	for ; col > 1; col-- {
		if off >= len(l.src) {
			return -1
		}
		_, size := utf8.DecodeRune(l.src[off:])
		off += size
	}
	return off
}

// posAt returns the position of byte offset off.
func (l *Locator) posAt(off int) diag.Pos {
	starts := l.lines()
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) // the line after off's
	start := starts[line-1]
	if line == 1 && bytes.HasPrefix(l.src, bom) {
		start += len(bom)
	}
	return diag.Pos{File: l.file, Line: line, Col: 1 + utf8.RuneCount(l.src[start:off])}
}

// find returns the offset of the first of needles in src[from:to], or -1.
func (l *Locator) find(from, to int, needles ...string) int {
	if from < 0 || from > to {
		return -1
	}
	to = min(to, len(l.src))
	best := -1
	for _, n := range needles {
		if i := bytes.Index(l.src[from:to], []byte(n)); i >= 0 && (best < 0 || from+i < best) {
			best = from + i
		}
	}
	return best
}

// PosOf returns the position of the byte at offset at of text, where text is
// written inside the entry at path: in its key, or in its value as far as the
// end of the line the value starts on (a path template, a server URL). When text
// is not there as written (a YAML escape spells it otherwise), it returns
// Pos(path...), the entry's own position.
func (l *Locator) PosOf(text string, at int, path ...string) diag.Pos {
	n := l.root
	var key, val *yaml.Node
	for _, seg := range path {
		key, val = l.child(n, seg)
		if val == nil {
			return l.Pos(path...)
		}
		n = val
	}
	if key == nil || text == "" || at < 0 || at > len(text) {
		return l.Pos(path...)
	}
	src := l.part(key) // the file the entry is written in
	to := len(src.src)
	if starts := src.lines(); val.Line < len(starts) {
		to = starts[val.Line] // the start of the line after the value's first
	}
	if off := src.find(src.offset(key.Line, key.Column), to, text); off >= 0 {
		return src.posAt(off + at)
	}
	return l.Pos(path...)
}
