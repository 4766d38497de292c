package load

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Source is where the node at path of the bundled document is written: the file
// that holds it and its path in that file. For a spec of one file, and for a
// path that leads nowhere, it is the spec's own file and path. acsgen contract
// addresses its suggested overlays with it, so that a property of a schema kept
// in schemas/pet.yaml is suggested for that file, not for a component the
// bundle made of it.
func (l *Locator) Source(path ...string) (string, []string) {
	n := l.node(path...)
	if n == nil {
		return l.file, path
	}
	part := l.part(n)
	if part == l {
		return l.file, path
	}
	if keys, ok := pathTo(part.root, n, nil); ok {
		return part.file, keys
	}
	return l.file, path
}

// pathTo finds target below n and returns the keys leading to it (a sequence
// item by its index); a document node adds none.
func pathTo(n, target *yaml.Node, keys []string) ([]string, bool) {
	if n == target {
		return keys, true
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			if out, ok := pathTo(c, target, keys); ok {
				return out, true
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if out, ok := pathTo(n.Content[i+1], target, append(keys[:len(keys):len(keys)], n.Content[i].Value)); ok {
				return out, true
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if out, ok := pathTo(c, target, append(keys[:len(keys):len(keys)], strconv.Itoa(i))); ok {
				return out, true
			}
		}
	}
	return nil, false
}
