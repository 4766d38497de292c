// Package yamlsize measures what a parsed YAML document stands for once its
// aliases are expanded, for readers that must refuse an alias bomb before
// decoding it: a file within its size limit can name one large anchor many times
// and decode into far more memory than the file holds.
package yamlsize

import (
	yaml3 "go.yaml.in/yaml/v3"
	yaml4 "go.yaml.in/yaml/v4"
)

// Over reports whether the document under root, with every alias expanded, is
// larger than limit bytes: it returns the node where the running total first went
// past the limit, for its position, or nil when the document is within it. Each node counts one byte plus its scalar text, so that structure counts
// too. yaml.Unmarshal into a yaml.Node keeps an alias as a pointer to its anchor;
// each anchored node's size is summed once and remembered, so the check is one
// pass over the tree however the aliases nest, and an anchor that contains an
// alias of itself counts as past any limit. Only anchors are remembered (an alias
// can only point at one), so the check holds no more memory for a large
// document without aliases than for a small one.
func Over(root *yaml3.Node, limit int64) *yaml3.Node {
	return over(root, limit, func(n *yaml3.Node) view[*yaml3.Node] {
		return view[*yaml3.Node]{n.Value, n.Anchor, n.Alias, n.Content}
	})
}

// OverV4 is Over for the nodes of go.yaml.in/yaml/v4, which go-vcr reads
// cassettes with.
func OverV4(root *yaml4.Node, limit int64) *yaml4.Node {
	return over(root, limit, func(n *yaml4.Node) view[*yaml4.Node] {
		return view[*yaml4.Node]{n.Value, n.Anchor, n.Alias, n.Content}
	})
}

// view is what the sizer needs of a node of either package.
type view[N comparable] struct {
	value, anchor string
	alias         N // the anchor an alias node stands for; zero for other nodes
	content       []N
}

func over[N comparable](root N, limit int64, look func(N) view[N]) N {
	s := sizer[N]{limit: limit, look: look, sizes: map[N]int64{}}
	if s.size(root) > limit {
		return s.past
	}
	var none N
	return none
}

type sizer[N comparable] struct {
	limit int64
	look  func(N) view[N]
	sizes map[N]int64 // an anchored node's expanded size; -1 while it is being summed
	past  N           // where the total first passed the limit
	none  N
}

func (s *sizer[N]) at(n N) {
	if s.past == s.none {
		s.past = n
	}
}

// size is n's expanded size. It saturates just past the limit, which keeps the
// sums from overflowing.
func (s *sizer[N]) size(n N) int64 {
	if n == s.none {
		return 0
	}
	v := s.look(n)
	if v.anchor != "" {
		if got, ok := s.sizes[n]; ok {
			if got < 0 {
				return s.limit + 1
			}
			return got
		}
		s.sizes[n] = -1
	}
	total := int64(1 + len(v.value))
	total += s.size(v.alias)
	for _, c := range v.content {
		if total += s.size(c); total > s.limit {
			s.at(c)
			break
		}
	}
	if total > s.limit {
		s.at(n)
		total = s.limit + 1
	}
	if v.anchor != "" {
		s.sizes[n] = total
	}
	return total
}
