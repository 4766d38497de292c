package load

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/internal/visible"
)

// hiddenText warns of every key and value of the spec that holds a character
// which acts on the text around it without showing (visible.Hidden: bidi
// controls, zero-width characters, the rest of Unicode category Cf, U+2028 and
// U+2029). A right-to-left override in a description can make a reviewer read
// a comment, and the code around it, otherwise than the compiler does (Trojan
// Source); a zero-width space makes two names that look the same differ.
//
// This is a warning, not an error: the generator writes each such character as
// <U+202E> in comments and pages and as a Go escape in string literals, so the
// generated code reads as it compiles and the client sends what the spec says.
// Only a reader of the spec itself is misled, which is how acsgen classes a
// warning (diag.Diagnostic.Warning). Each value is reported once, at its first
// hidden character, counting the others.
func (l *Locator) hiddenText() diag.List {
	if !anyHidden(l.root) {
		return nil // the usual case, found without building a path for every node
	}
	type hit struct {
		n     *yaml.Node
		path  []string
		seq   []bool // whether each segment of path is a sequence index
		key   bool   // n is a mapping key, the last segment of path
		index int    // the node's place in document order
	}
	var hits []hit
	index := 0
	var walk func(n *yaml.Node, path []string, seq []bool, key bool)
	walk = func(n *yaml.Node, path []string, seq []bool, key bool) {
		index++
		switch n.Kind {
		case yaml.ScalarNode:
			if strings.IndexFunc(n.Value, visible.Hidden) >= 0 {
				hits = append(hits, hit{n, slices.Clone(path), slices.Clone(seq), key, index})
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				walk(k, append(path, k.Value), append(seq, false), true)
				walk(v, append(path, k.Value), append(seq, false), false)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, append(path, strconv.Itoa(i)), append(seq, true), false)
			}
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path, seq, key)
			}
		}
		// An alias is reported where its anchor is.
	}
	walk(l.root, nil, nil, false)
	if len(hits) == 0 {
		return nil
	}
	// A value ends before the node that follows it in the document; a second walk
	// finds where each of those starts.
	next := map[int]*yaml.Node{}
	for _, h := range hits {
		next[h.index+1] = nil
	}
	index = 0
	var positions func(n *yaml.Node)
	positions = func(n *yaml.Node) {
		index++
		if _, ok := next[index]; ok {
			next[index] = n
		}
		if n.Kind != yaml.AliasNode {
			for _, c := range n.Content {
				positions(c)
			}
		}
	}
	positions(l.root)

	var out diag.List
	for _, h := range hits {
		var first rune
		count := 0
		for _, r := range h.n.Value {
			if visible.Hidden(r) {
				if count == 0 {
					first = r
				}
				count++
			}
		}
		end := len(l.src)
		if n := next[h.index+1]; n != nil {
			if off := l.offset(n.Line, n.Column); off >= 0 {
				end = off
			}
		}
		pos := diag.Pos{File: l.file, Line: h.n.Line, Col: h.n.Column}
		if off := l.find(l.offset(h.n.Line, h.n.Column), end, spellings(first)...); off >= 0 {
			pos = l.posAt(off)
		}
		name, where := visible.Describe(first), describeField(h.path, h.seq, h.key)
		if count == 1 {
			out.Warn(pos, strings.Join(h.path, "."), "%s in %s: it changes how the text reads without showing itself; remove it (generated comments and docs write it as %s)",
				name, where, visible.Escape(string(first)))
			continue
		}
		more := "characters"
		if count == 2 {
			more = "character"
		}
		out.Warn(pos, strings.Join(h.path, "."), "%s and %d more hidden %s in %s: they change how the text reads without showing themselves; remove them (generated comments and docs write them as %s and so on)",
			name, count-1, more, where, visible.Escape(string(first)))
	}
	return out
}

// describeField says where a value is for a message: "description", "item 2 of
// enum", `the key "Name"`.
func describeField(path []string, seq []bool, key bool) string {
	if len(path) == 0 {
		return "the spec"
	}
	last := len(path) - 1
	switch {
	case key:
		return "the key " + strconv.Quote(path[last])
	case seq[last]:
		return "item " + path[last] + " of " + describeField(path[:last], seq[:last], false)
	}
	return path[last]
}

// spellings are the ways r can be written in a YAML or JSON string: itself, or
// an escape (\u202e, \u202E, \U0000202e; \L and \P for the separators).
func spellings(r rune) []string {
	out := []string{string(r), fmt.Sprintf(`\u%04x`, r), fmt.Sprintf(`\u%04X`, r), fmt.Sprintf(`\U%08x`, r), fmt.Sprintf(`\U%08X`, r)}
	switch r {
	case '\u2028':
		out = append(out, `\L`)
	case '\u2029':
		out = append(out, `\P`)
	}
	return out
}

// anyHidden says whether a key or value under n holds a visible.Hidden character.
func anyHidden(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode {
		return strings.IndexFunc(n.Value, visible.Hidden) >= 0
	}
	for _, c := range n.Content {
		if anyHidden(c) {
			return true
		}
	}
	return false
}
