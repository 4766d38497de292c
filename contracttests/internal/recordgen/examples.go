package recordgen

import (
	"bytes"
	"encoding/json"
	"errors"
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

// node walks keys from the root, following {"$ref": "#/..."} mappings; a key of a
// sequence is an item's index.
func (s *Spec) node(keys []string) (*yaml.Node, error) {
	n := s.root
	for i, k := range keys {
		n = s.deref(n)
		v := child(n, k)
		if idx, err := strconv.Atoi(k); err == nil && n.Kind == yaml.SequenceNode && idx >= 0 && idx < len(n.Content) {
			v = n.Content[idx]
		}
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

// Edit sets one member of an example: the value at At (mapping keys, or sequence
// indices written as numbers) becomes Value, a YAML (or JSON) text, or, when From
// is set, the node at those keys of the spec. A missing last key is added.
type Edit struct {
	At    []string
	From  []string
	Value string
}

// ExampleWith is Example with edits applied to a copy of the example, so that a
// variant of a documented response is built from parts the spec documents.
func (s *Spec) ExampleWith(keys []string, edits ...Edit) ([]byte, error) {
	n, err := s.node(keys)
	if err != nil {
		return nil, err
	}
	root := copyNode(s.deref(n))
	for _, e := range edits {
		val, err := s.editValue(e)
		if err != nil {
			return nil, err
		}
		if err := set(root, e.At, val); err != nil {
			return nil, fmt.Errorf("%s: %s: %s: %w", s.File, strings.Join(keys, "."), strings.Join(e.At, "."), err)
		}
	}
	var b bytes.Buffer
	if err := writeJSON(&b, root); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

func (s *Spec) editValue(e Edit) (*yaml.Node, error) {
	if e.From != nil {
		n, err := s.node(e.From)
		if err != nil {
			return nil, err
		}
		return copyNode(s.deref(n)), nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(e.Value), &doc); err != nil || len(doc.Content) != 1 {
		return nil, fmt.Errorf("edit of %s: value %q is not one YAML value", strings.Join(e.At, "."), e.Value)
	}
	return doc.Content[0], nil
}

// set puts val at path below n.
func set(n *yaml.Node, path []string, val *yaml.Node) error {
	for i, k := range path {
		last := i == len(path)-1
		switch n.Kind {
		case yaml.MappingNode:
			v := child(n, k)
			if v == nil {
				if !last {
					return fmt.Errorf("no %s", k)
				}
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, val)
				return nil
			}
			if last {
				*v = *val
				return nil
			}
			n = v
		case yaml.SequenceNode:
			idx, err := strconv.Atoi(k)
			if err != nil || idx < 0 || idx >= len(n.Content) {
				return fmt.Errorf("no item %s", k)
			}
			if last {
				n.Content[idx] = val
				return nil
			}
			n = n.Content[idx]
		default:
			return fmt.Errorf("%s is below a scalar", k)
		}
	}
	return errors.New("an empty path")
}

func copyNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, x := range n.Content {
		c.Content[i] = copyNode(x)
	}
	return &c
}

// PropertyExamples decodes the examples of the properties of a component schema,
// as one JSON object, into dst: a request body built from what the spec documents.
func (s *Spec) PropertyExamples(schema string, dst any) error {
	props, err := s.node([]string{"components", "schemas", schema, "properties"})
	if err != nil {
		return err
	}
	obj := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(props.Content); i += 2 {
		if ex := child(s.deref(props.Content[i+1]), "example"); ex != nil {
			obj.Content = append(obj.Content, props.Content[i], ex)
		}
	}
	var b bytes.Buffer
	if err := writeJSON(&b, obj); err != nil {
		return fmt.Errorf("%s: %s: %w", s.File, schema, err)
	}
	return json.Unmarshal(b.Bytes(), dst)
}

// ParamExamples decodes the examples of all the operation's parameters, as one JSON
// object keyed by parameter name, into dst: a generated request type, whose json tags
// are the parameters' wire names.
func (s *Spec) ParamExamples(path, method string, dst any) error {
	params, err := s.node([]string{"paths", path, method, "parameters"})
	if err != nil {
		return err
	}
	obj := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, p := range params.Content {
		p = s.deref(p)
		name, ex := child(p, "name"), child(p, "example")
		if name != nil && ex != nil {
			obj.Content = append(obj.Content, name, ex)
		}
	}
	var b bytes.Buffer
	if err := writeJSON(&b, obj); err != nil {
		return fmt.Errorf("%s: %s %s: %w", s.File, method, path, err)
	}
	return json.Unmarshal(b.Bytes(), dst)
}
