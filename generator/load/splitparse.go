package load

import (
	"bytes"
	"runtime"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The YAML parse is the longest single-core step of loading a spec. A large spec
// written in block style splits at a mapping entry near its middle: the entries
// from there to the end of their mapping (B) parse on another core, while the rest
// of the file parses with B's lines turned into a comment and blank lines, so every
// line keeps its number; B's entries then join their mapping. Whatever the split cannot vouch
// for (an anchor in B, a flow collection or quoted scalar open where B starts, a
// parse error in either half) parses the whole file instead, which also gives
// syntax errors their usual message.

// splitMinBytes is the size from which the split pays for its goroutine.
const splitMinBytes = 16 << 10

// splitMarker is what the first line of B becomes in the rest of the file, the
// others blank: a comment at the margin ends any block scalar before it, so that
// one keeps no more trailing lines than it had, and a quoted scalar that read on
// into B would hold it, which is how join notices.
const splitMarker = "#acsgen:split"

// parseYAML parses data into its document node, as yaml.Unmarshal does. A spec
// large enough to split comes with its line starts (lineStarts), counted to
// split it; otherwise starts is nil.
func parseYAML(data []byte) (doc *yaml.Node, starts []int, err error) {
	if len(data) >= splitMinBytes && runtime.GOMAXPROCS(0) > 1 {
		starts = lineStarts(data)
		if s, ok := findSplit(data, starts); ok {
			if doc, ok := s.parse(data, starts); ok {
				return doc, starts, nil
			}
		}
	}
	doc = new(yaml.Node)
	if err := yaml.Unmarshal(data, doc); err != nil {
		return nil, nil, err
	}
	return doc, starts, nil
}

// split says where B lies: lines [from, to) (0-based), the entries of the mapping
// at indent, whose keys' lines from the top are chain (0-based; empty when the
// mapping is the document's).
type split struct {
	from, to, indent int
	chain            []int
}

// lineText is line i of data without its line break.
func lineText(data []byte, starts []int, i int) []byte {
	end := len(data)
	if i+1 < len(starts) {
		end = starts[i+1]
	}
	return bytes.TrimRight(data[starts[i]:end], "\r\n")
}

// isKeyLine says whether the content of a line starts a block mapping entry
// with a plain key; bare, whether nothing but the key is on it.
func isKeyLine(rest []byte) (key, bare bool) {
	if len(rest) == 0 || strings.IndexByte("-?#{[]}&*!|>'\"%@`,", rest[0]) >= 0 {
		return false, false
	}
	if bytes.HasSuffix(rest, []byte(":")) && !bytes.Contains(rest, []byte(" #")) {
		return true, true
	}
	return bytes.Contains(rest, []byte(": ")), false
}

// Line indents as the split reads them: a line of content has its indent; one
// blank or only a comment has noContent; one the split does not reason about
// (a tab in its indentation, a document marker or directive) has unsure.
const (
	noContent = -1
	unsure    = -2
)

// indents gives each line of data its indent, noContent or unsure.
func indents(data []byte, starts []int) []int32 {
	out := make([]int32, len(starts))
	for i, start := range starts {
		j := start
		for j < len(data) && data[j] == ' ' {
			j++
		}
		switch {
		case j == len(data) || data[j] == '#' || data[j] == '\r' || data[j] == '\n':
			out[i] = noContent
		case data[j] == '\t' || j == start && (bytes.HasPrefix(data[j:], []byte("---")) || bytes.HasPrefix(data[j:], []byte("...")) || data[j] == '%'):
			out[i] = unsure
		default:
			out[i] = int32(j - start)
		}
	}
	return out
}

// findSplit picks the split whose B is nearest half of data, among the mapping
// entries that hold lines around data's middle.
func findSplit(data []byte, starts []int) (split, bool) {
	if !splittable(data) {
		return split{}, false
	}
	in := indents(data, starts)
	best, bestSize := split{}, 0
	for eighth := 2; eighth <= 6; eighth++ {
		for _, s := range splitsAt(data, starts, in, len(starts)*eighth/8) {
			end := len(data)
			if s.to < len(starts) {
				end = starts[s.to]
			}
			if size := min(end-starts[s.from], len(data)-(end-starts[s.from])); size > bestSize {
				best, bestSize = s, size
			}
		}
	}
	return best, bestSize > 0
}

// splittable says whether the split reads data's lines as the parser does.
func splittable(data []byte) bool {
	if !utf8.Valid(data) {
		return false // UTF-16, which the parser also reads, has other lines
	}
	// Breaks lineText does not strip.
	return !bytes.Contains(data, []byte("\u0085")) && !bytes.Contains(data, []byte("\u2028")) && !bytes.Contains(data, []byte("\u2029"))
}

// splitsAt lists the splits at the entries that hold line i (0-based), or the
// first line with content after it, innermost first; in are the lines' indents.
func splitsAt(data []byte, starts []int, in []int32, i int) []split {
	// The chain of lines holding line i: each the nearest line above the last
	// with less indent, up to indent 0.
	for i < len(in) && in[i] == noContent {
		i++
	}
	if i >= len(in) || in[i] == unsure {
		return nil
	}
	chain := []int{i}
	for indent := in[i]; indent > 0; {
		j := chain[len(chain)-1] - 1
		for ; j >= 0 && (in[j] == noContent || in[j] >= indent); j-- {
		}
		if j < 0 || in[j] == unsure {
			return nil
		}
		indent = in[j]
		chain = append(chain, j)
	}
	var out []split
	for level, from := range chain {
		if s, ok := splitAt(data, starts, in, chain[level+1:], from); ok {
			out = append(out, s)
		}
	}
	return out
}

// splitAt checks the split of B starting at line from, a key of the mapping whose
// key lines, innermost first, are parents; it finds where B ends.
func splitAt(data []byte, starts []int, in []int32, parents []int, from int) (split, bool) {
	indent := in[from]
	if key, _ := isKeyLine(lineText(data, starts, from)[indent:]); !key {
		return split{}, false
	}
	for _, p := range parents {
		if _, bare := isKeyLine(lineText(data, starts, p)[in[p]:]); !bare {
			return split{}, false
		}
	}
	// B must not start the mapping: its first entry is in the rest of the file.
	first := 0
	if len(parents) > 0 {
		first = parents[0] + 1
	}
	for first < from && in[first] == noContent {
		first++
	}
	if first >= from || in[first] != indent {
		return split{}, false
	}
	if key, _ := isKeyLine(lineText(data, starts, first)[indent:]); !key {
		return split{}, false
	}
	to := from + 1
	for ; to < len(in) && (in[to] == noContent || in[to] >= indent); to++ {
	}
	if to < len(in) && in[to] == unsure {
		return split{}, false
	}
	for _, n := range in[from:to] {
		if n == unsure {
			return split{}, false
		}
	}
	chain := make([]int, len(parents))
	for i, p := range parents {
		chain[len(parents)-1-i] = p
	}
	return split{from: from, to: to, indent: int(indent), chain: chain}, true
}

// parse parses both halves at once and joins them; ok false when the halves do
// not vouch for the join.
func (s split) parse(data []byte, starts []int) (*yaml.Node, bool) {
	b, rest := s.halves(data, starts)
	if mayAnchor(b) {
		return nil, false // join refuses them: spare the parse
	}
	type result struct {
		doc yaml.Node
		err error
	}
	done := make(chan *result, 1)
	go func() {
		r := &result{}
		r.err = yaml.Unmarshal(b, &r.doc)
		done <- r
	}()
	var doc yaml.Node
	err := yaml.Unmarshal(rest, &doc)
	r := <-done
	if err != nil || r.err != nil {
		return nil, false
	}
	return &doc, s.join(&doc, &r.doc)
}

// halves returns B and the rest of the file, B's lines made the marker and blank.
func (s split) halves(data []byte, starts []int) (b, rest []byte) {
	end := len(data)
	if s.to < len(starts) {
		end = starts[s.to]
	}
	b = data[starts[s.from]:end]
	rest = make([]byte, 0, len(data)-len(b)+len(splitMarker)+s.to-s.from)
	rest = append(rest, data[:starts[s.from]]...)
	rest = append(append(rest, splitMarker...), '\n')
	for range s.to - s.from - 1 {
		rest = append(rest, '\n')
	}
	return b, append(rest, data[end:]...)
}

// join appends B's entries to their mapping in doc, after checking that the
// mapping is where the split found it and that nothing open before B read on.
func (s split) join(doc, b *yaml.Node) bool {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || b.Kind != yaml.DocumentNode || len(b.Content) != 1 {
		return false
	}
	m := doc.Content[0]
	for _, line := range s.chain {
		if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 {
			return false
		}
		var next *yaml.Node
		for i := 0; i+1 < len(m.Content); i += 2 {
			if k := m.Content[i]; k.Line == line+1 && k.Kind == yaml.ScalarNode {
				next = m.Content[i+1]
			}
		}
		if next == nil {
			return false
		}
		m = next
	}
	if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 || m.Column != s.indent+1 || len(m.Content) == 0 {
		return false
	}
	for n := m.Content[len(m.Content)-1]; n != nil; {
		if n.Style&yaml.FlowStyle != 0 || n.Kind == yaml.ScalarNode && strings.Contains(n.Value, splitMarker) {
			return false
		}
		if len(n.Content) == 0 || n.Kind == yaml.AliasNode {
			break
		}
		n = n.Content[len(n.Content)-1]
	}
	top := b.Content[0]
	if top.Kind != yaml.MappingNode || top.Style&yaml.FlowStyle != 0 || top.Column != s.indent+1 || !shiftLines(top, s.from) {
		return false
	}
	if len(top.Content) == 0 || top.Content[0].Line != s.from+1 {
		return false
	}
	m.Content = append(m.Content, top.Content...)
	return true
}

// shiftLines moves the nodes under n down by lines; false if one is an anchor or
// alias, which would need the rest of the file to resolve alike.
func shiftLines(n *yaml.Node, lines int) bool {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Anchor != "" || n.Kind == yaml.AliasNode {
			return false
		}
		n.Line += lines
		stack = append(stack, n.Content...)
	}
	return true
}

// mayAnchor says whether b may hold an anchor or alias: a '&' or '*' where a
// token starts. A '*' in a pattern or prose after a space counts too; the split
// is only given up.
func mayAnchor(b []byte) bool {
	for i, c := range b {
		if (c == '&' || c == '*') && (i == 0 || strings.IndexByte(" \t[{,", b[i-1]) >= 0) {
			return true
		}
	}
	return false
}
