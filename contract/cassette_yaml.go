package contract

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// checkExpansion refuses a cassette whose YAML aliases would expand it past
// MaxRecordingSize. The file-size check alone is not enough: one anchored 10 MiB
// string aliased by a hundred response bodies is a 10 MiB file that decodes into
// a gigabyte. go-vcr never writes aliases, so a cassette that has them was written
// by hand or by something else; they are allowed as long as what they expand to
// stays within the limit.
//
// The document is parsed into nodes, which keeps each alias as a pointer to its
// anchor, and the expanded size is summed with each anchor's size computed once,
// so the check costs one pass over the file however the aliases nest.
func checkExpansion(path string, data []byte) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: not a go-vcr v4 cassette: %w", path, err)
	}
	e := expansion{sizes: map[*yaml.Node]int64{}}
	if n := e.size(&doc); n > MaxRecordingSize {
		return fmt.Errorf("%s: line %d: YAML aliases expand the cassette past the %d-byte recording limit "+
			"(go-vcr never writes aliases)", path, e.line, MaxRecordingSize)
	}
	return nil
}

type expansion struct {
	sizes map[*yaml.Node]int64 // a node's expanded size; -1 while it is being summed
	line  int                  // where the total first passed the limit
}

func (e *expansion) at(n *yaml.Node) {
	if e.line == 0 {
		e.line = n.Line
	}
}

// size is the bytes a node stands for once aliases are expanded: its scalar text
// plus one for each node, so that structure counts too. It saturates just past the
// limit, which keeps the sums from overflowing.
func (e *expansion) size(n *yaml.Node) int64 {
	if n == nil {
		return 0
	}
	if s, ok := e.sizes[n]; ok {
		if s < 0 { // an anchor that contains an alias of itself never ends
			return MaxRecordingSize + 1
		}
		return s
	}
	e.sizes[n] = -1
	total := int64(1 + len(n.Value))
	if n.Kind == yaml.AliasNode {
		total += e.size(n.Alias)
	}
	for _, c := range n.Content {
		if total += e.size(c); total > MaxRecordingSize {
			e.at(c)
			break
		}
	}
	if total > MaxRecordingSize {
		e.at(n)
		total = MaxRecordingSize + 1
	}
	e.sizes[n] = total
	return total
}
