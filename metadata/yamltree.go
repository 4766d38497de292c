package metadata

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The spec is built as a yaml.Node tree so that keys come out in the order a
// person expects (openapi, info, servers, paths, components) rather than sorted.

func mapping() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode} }

func sequence() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode} }

// flowSequence is a sequence written on one line: [a, b].
func flowSequence() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle} }

// str is a string scalar; text over several lines is written as a literal block.
func str(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case !strings.Contains(s, "\n"):
	case strings.Contains(strings.TrimRight(s, "\n"), "\n") && literalSafe(s):
		n.Style = yaml.LiteralStyle
	default:
		n.Style = yaml.DoubleQuotedStyle // the encoder would pick a literal block that does not parse back
	}
	return n
}

// literalSafe reports whether a literal block keeps s exactly and parses back: it
// cannot hold trailing spaces, a tab in a line's leading white space, lines of
// only spaces, or control characters.
func literalSafe(s string) bool {
	for _, line := range strings.Split(s, "\n") {
		lead := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if strings.HasSuffix(line, " ") || strings.HasSuffix(line, "\t") || strings.Contains(lead, "\t") {
			return false
		}
		for _, r := range line {
			if r < 0x20 && r != '\t' || r == 0x7f || r == '\uFEFF' {
				return false
			}
		}
	}
	return true
}

func boolean(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func integer(i int64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(i, 10)}
}

// float writes f so that YAML reads it back as a float: 2 as 2.0, 1e21 as 1.0e+21.
func float(f float64) *yaml.Node {
	v := strconv.FormatFloat(f, 'g', -1, 64)
	if mant, exp, found := strings.Cut(v, "e"); !strings.Contains(mant, ".") {
		v = mant + ".0"
		if found {
			v += "e" + exp
		}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: v}
}

// set appends key: value to a mapping; a nil value is left out.
func set(m *yaml.Node, key string, value *yaml.Node) {
	if value == nil {
		return
	}
	m.Content = append(m.Content, str(key), value)
}

// setStr sets a string, leaving out an empty one.
func setStr(m *yaml.Node, key, value string) {
	if value != "" {
		set(m, key, str(value))
	}
}

// value turns a decoded JSON value (string, int64, float64, bool, nil, []any,
// map[string]any) into a node, object keys sorted. It builds the nodes itself:
// yaml.v3's Node.Encode picks literal blocks for some strings (a tab after a
// newline) that it then cannot parse back.
func value(v any) *yaml.Node {
	switch x := v.(type) {
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case string:
		return str(x)
	case bool:
		return boolean(x)
	case int64:
		return integer(x)
	case float64:
		return float(x)
	case []any:
		n := sequence()
		for _, e := range x {
			n.Content = append(n.Content, value(e))
		}
		return n
	case map[string]any:
		n := mapping()
		for _, k := range slices.Sorted(maps.Keys(x)) {
			set(n, k, value(x[k]))
		}
		return n
	}
	return str(fmt.Sprint(v))
}
