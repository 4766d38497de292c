package load

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
)

// Locator maps spec paths ("paths", "/pets", "get") to positions in the file.
//
// kin-openapi's Origin (Loader.IncludeOrigin) covers schemas and a few other objects;
// the locator walks the YAML node tree itself, so any path — an operation, a parameter,
// an example, a path only a validation error names — has a position, and mapping keys
// keep the order the author wrote them in.
type Locator struct {
	file string
	root *yaml.Node
	// index maps the keys of each mapping with at least indexedKeys entries to the
	// key's position in Content (the first, should a key repeat). build asks for
	// the position of every schema and operation; scanning components.schemas for
	// each made generation quadratic in the spec's size. Built once by newLocator
	// and only read afterwards, so a Locator is safe for concurrent use.
	index map[*yaml.Node]map[string]int

	src   []byte       // the spec as read
	utf8  bool         // src is UTF-8, so offsets and columns convert (source.go)
	lines func() []int // the offset where each line starts; counted on first use

	// owner maps each node that comes from another file of a multi-file spec
	// (bundle.go) to that file's Locator, so positions name the file a node is
	// written in; the nodes of this file are not in it. Nil for one file.
	owner map[*yaml.Node]*Locator
}

// at is the position of node n, in the file that holds it.
func (l *Locator) at(n *yaml.Node) diag.Pos {
	return diag.Pos{File: l.part(n).file, Line: n.Line, Col: n.Column}
}

// part returns the Locator of the file holding n: l itself, or the other file.
func (l *Locator) part(n *yaml.Node) *Locator {
	if o := l.owner[n]; o != nil {
		return o
	}
	return l
}

// indexedKeys is the size from which a mapping is indexed; scanning fewer keys
// costs less than a map lookup.
const indexedKeys = 32

func newLocator(file string, data []byte) (*Locator, error) {
	root, starts, err := parseYAML(data)
	if err != nil {
		return nil, err
	}
	lines := func() []int { return starts }
	if starts == nil {
		lines = sync.OnceValue(func() []int { return lineStarts(data) })
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	return &Locator{file: file, root: root, index: indexMappings(root),
		src: data, utf8: utf8.Valid(data), lines: lines}, nil
}

func indexMappings(root *yaml.Node) map[*yaml.Node]map[string]int {
	index := map[*yaml.Node]map[string]int{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode && len(n.Content) >= 2*indexedKeys {
			keys := make(map[string]int, len(n.Content)/2)
			for i := 0; i+1 < len(n.Content); i += 2 {
				if _, dup := keys[n.Content[i].Value]; !dup {
					keys[n.Content[i].Value] = i
				}
			}
			index[n] = keys
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	return index
}

// File returns the spec path the positions refer to.
func (l *Locator) File() string { return l.file }

// Pos returns the position of the deepest node on path that exists: the key of a
// mapping entry, or the item of a sequence (a path segment that is an index).
func (l *Locator) Pos(path ...string) diag.Pos {
	pos := l.at(l.root)
	n := l.root
	for _, seg := range path {
		key, val := l.child(n, seg)
		if val == nil {
			break
		}
		pos = l.at(key)
		n = val
	}
	return pos
}

// Keys returns the keys of the mapping at path in document order, or nil.
func (l *Locator) Keys(path ...string) []string {
	n := l.node(path...)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	keys := make([]string, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
	}
	return keys
}

// RefPositions returns the position of every "$ref: target" in the file.
func (l *Locator) RefPositions(target string) []diag.Pos {
	var out []diag.Pos
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode && v.Value == target {
					out = append(out, l.at(v))
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(l.root)
	return out
}

func (l *Locator) node(path ...string) *yaml.Node {
	n := l.root
	for _, seg := range path {
		_, n = l.child(n, seg)
		if n == nil {
			return nil
		}
	}
	return n
}

// child returns the key node (or the item itself for sequences) and value node of seg.
func (l *Locator) child(n *yaml.Node, seg string) (key, val *yaml.Node) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		if keys, ok := l.index[n]; ok {
			if i, found := keys[seg]; found {
				return n.Content[i], n.Content[i+1]
			}
			return nil, nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == seg {
				return n.Content[i], n.Content[i+1]
			}
		}
	case yaml.SequenceNode:
		if i, err := strconv.Atoi(seg); err == nil && i >= 0 && i < len(n.Content) {
			return n.Content[i], n.Content[i]
		}
	}
	return nil, nil
}

// danglingRefs reports every "$ref" that does not resolve inside the bundled
// spec: local JSON pointers that lead nowhere, and references to other files left
// where bundle follows none (outside OpenAPI objects and schemas). Checking
// before kin-openapi loads lists every bad reference with its position, where
// the loader stops at the first one.
func (l *Locator) danglingRefs() diag.List {
	var out diag.List
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value != "$ref" || v.Kind != yaml.ScalarNode {
					continue
				}
				pos := l.at(v)
				ptr, local := strings.CutPrefix(v.Value, "#/")
				switch {
				case !local:
					out.Add(pos, "", "$ref %q names another file where acsgen follows no references (only those of OpenAPI objects and schemas)", v.Value)
				case l.node(pointerPath(ptr)...) == nil:
					out.Add(pos, "", "$ref %q resolves to nothing in this file", v.Value)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(l.root)
	return out
}

// pointerPath splits a JSON pointer body ("components/schemas/a~1b") into keys.
func pointerPath(ptr string) []string {
	parts := strings.Split(ptr, "/")
	for i, p := range parts {
		p, _ = url.PathUnescape(p)
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
	}
	return parts
}
