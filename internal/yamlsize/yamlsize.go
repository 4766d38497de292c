// Package yamlsize measures what a parsed YAML document stands for once its
// aliases are expanded, for readers that must refuse an alias bomb before
// decoding it: a file within its size limit can name one large anchor many times
// and decode into far more memory than the file holds.
package yamlsize

import "go.yaml.in/yaml/v3"

// Over reports whether the document under root, with every alias expanded, is
// larger than limit bytes: it returns the node where the running total first went
// past the limit, for its position, or nil when the document is within it. Each node counts one byte plus its scalar text, so that structure counts
// too. yaml.Unmarshal into a yaml.Node keeps an alias as a pointer to its anchor;
// each node's size is summed once and remembered, so the check is one pass over the
// tree however the aliases nest, and an anchor that contains an alias of itself
// counts as past any limit.
func Over(root *yaml.Node, limit int64) *yaml.Node {
	s := sizer{limit: limit, sizes: map[*yaml.Node]int64{}}
	if s.size(root) > limit {
		return s.past
	}
	return nil
}

type sizer struct {
	limit int64
	sizes map[*yaml.Node]int64 // a node's expanded size; -1 while it is being summed
	past  *yaml.Node           // where the total first passed the limit
}

func (s *sizer) at(n *yaml.Node) {
	if s.past == nil {
		s.past = n
	}
}

// size is n's expanded size. It saturates just past the limit, which keeps the
// sums from overflowing.
func (s *sizer) size(n *yaml.Node) int64 {
	if n == nil {
		return 0
	}
	if got, ok := s.sizes[n]; ok {
		if got < 0 {
			return s.limit + 1
		}
		return got
	}
	s.sizes[n] = -1
	total := int64(1 + len(n.Value))
	if n.Kind == yaml.AliasNode {
		total += s.size(n.Alias)
	}
	for _, c := range n.Content {
		if total += s.size(c); total > s.limit {
			s.at(c)
			break
		}
	}
	if total > s.limit {
		s.at(n)
		total = s.limit + 1
	}
	s.sizes[n] = total
	return total
}
