package recordgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Spec is one spec file read as a YAML node tree, so that examples keep the key
// order of the document (kin-openapi hands examples back as Go maps, which lose it).
type Spec struct {
	File string
	root *yaml.Node
}

// ReadSpec parses the spec at file.
func ReadSpec(file string) (*Spec, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, fmt.Errorf("%s: not a YAML document", file)
	}
	return &Spec{File: file, root: doc.Content[0]}, nil
}

// Example returns the example at the given keys, e.g.
// ("paths", "/v1/x", "get", "responses", "200", "content", "application/json", "example"),
// as indented JSON in document order. A local $ref met on the way is followed.
func (s *Spec) Example(keys ...string) ([]byte, error) {
	n, err := s.node(keys)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := writeJSON(&b, n); err != nil {
		return nil, fmt.Errorf("%s: %s: %w", s.File, strings.Join(keys, "."), err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// ParamExample decodes the example of the operation's parameter name into dst.
func (s *Spec) ParamExample(path, method, name string, dst any) error {
	params, err := s.node([]string{"paths", path, method, "parameters"})
	if err != nil {
		return err
	}
	if params.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s: %s %s: parameters is not a list", s.File, method, path)
	}
	for _, p := range params.Content {
		p = s.deref(p)
		if n := child(p, "name"); n == nil || n.Value != name {
			continue
		}
		ex := child(p, "example")
		if ex == nil {
			return fmt.Errorf("%s: %s %s: parameter %s has no example", s.File, method, path, name)
		}
		return ex.Decode(dst)
	}
	return fmt.Errorf("%s: %s %s: no parameter %s", s.File, method, path, name)
}

// node walks keys from the root, following {"$ref": "#/..."} mappings.
func (s *Spec) node(keys []string) (*yaml.Node, error) {
	n := s.root
	for i, k := range keys {
		n = s.deref(n)
		v := child(n, k)
		if v == nil {
			return nil, fmt.Errorf("%s: no %s", s.File, strings.Join(keys[:i+1], "."))
		}
		n = v
	}
	return n, nil
}

func (s *Spec) deref(n *yaml.Node) *yaml.Node {
	for range 10 {
		ref := child(n, "$ref")
		if ref == nil || !strings.HasPrefix(ref.Value, "#/") {
			return n
		}
		target := s.root
		for _, k := range strings.Split(strings.TrimPrefix(ref.Value, "#/"), "/") {
			k = strings.ReplaceAll(strings.ReplaceAll(k, "~1", "/"), "~0", "~")
			if target = child(target, k); target == nil {
				return n
			}
		}
		n = target
	}
	return n
}

// child is the value of key in a mapping node, nil when absent.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// writeJSON renders a YAML node as JSON, keeping mapping order and the scalar types
// YAML resolved (a quoted "8080" stays a string, 8080 a number).
func writeJSON(b *bytes.Buffer, n *yaml.Node) error {
	switch n.Kind {
	case yaml.AliasNode:
		return writeJSON(b, n.Alias)
	case yaml.MappingNode:
		b.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(n.Content[i].Value)
			b.Write(k)
			b.WriteByte(':')
			if err := writeJSON(b, n.Content[i+1]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case yaml.SequenceNode:
		b.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, c); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!str":
			v, _ := json.Marshal(n.Value)
			b.Write(v)
		case "!!int":
			i, err := strconv.ParseInt(n.Value, 0, 64)
			if err != nil {
				return fmt.Errorf("line %d: %w", n.Line, err)
			}
			b.WriteString(strconv.FormatInt(i, 10))
		case "!!float":
			f, err := strconv.ParseFloat(n.Value, 64)
			if err != nil {
				return fmt.Errorf("line %d: %w", n.Line, err)
			}
			v, err := json.Marshal(f)
			if err != nil {
				return fmt.Errorf("line %d: %w", n.Line, err)
			}
			b.Write(v)
		case "!!bool":
			v, err := strconv.ParseBool(n.Value)
			if err != nil {
				return fmt.Errorf("line %d: %w", n.Line, err)
			}
			b.WriteString(strconv.FormatBool(v))
		case "!!null":
			b.WriteString("null")
		default:
			return fmt.Errorf("line %d: scalar tag %s has no JSON form", n.Line, n.ShortTag())
		}
	default:
		return fmt.Errorf("line %d: unexpected YAML node kind %d", n.Line, n.Kind)
	}
	return nil
}
