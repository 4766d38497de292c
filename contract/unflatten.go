package contract

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Reading Alibaba's flattened parameters back into values: the inverse of
// acs.Flatten and of darabonba's utils.Query and ToForm. A repeat list travels as
// Name.1, Name.2, an item's members as Name.1.Key, nested lists as Name.1.Sub.1; a
// flat object as Name.Key and Name.Key.Sub. The schema says which level is a list
// and which an object, and what type each leaf is; a leaf that does not parse as
// its type stays a string, so that the schema check reports it.

// flatNode is one level of dotted keys: its own value (Name=...) and the next
// segments (Name.X...).
type flatNode struct {
	value    *string
	children map[string]*flatNode
}

// gather collects name's keys from values: name itself and every key that starts
// with name followed by a dot. It returns nil when there is none, and the keys.
func gather(values url.Values, name string) (*flatNode, []string) {
	var root *flatNode
	var keys []string
	for _, k := range slices.Sorted(maps.Keys(values)) {
		rest, ok := strings.CutPrefix(k, name)
		if !ok || (rest != "" && rest[0] != '.') {
			continue
		}
		if root == nil {
			root = &flatNode{}
		}
		keys = append(keys, k)
		n := root
		if rest != "" {
			for seg := range strings.SplitSeq(rest[1:], ".") {
				if n.children == nil {
					n.children = map[string]*flatNode{}
				}
				next := n.children[seg]
				if next == nil {
					next = &flatNode{}
					n.children[seg] = next
				}
				n = next
			}
		}
		v := values.Get(k)
		n.value = &v
	}
	return root, keys
}

// unflatten turns the keys under n into the value schema describes. at names n's
// key ("Tag.1") for errors.
func unflatten(n *flatNode, s *openapi3.Schema, at string) (any, error) {
	kind := schemaKind(s, n)
	if n.children != nil && n.value != nil {
		return nil, fmt.Errorf("%s is sent both as a value and with members (%s.…)", at, at)
	}
	switch kind {
	case "array":
		if n.children == nil {
			if n.value != nil && *n.value != "" {
				return nil, fmt.Errorf("%s is a list: its items go in %s.1, %s.2, …", at, at, at)
			}
			return []any{}, nil
		}
		index := map[int]*flatNode{}
		for seg, child := range n.children {
			i, err := strconv.Atoi(seg)
			if err != nil || i < 1 || strconv.Itoa(i) != seg {
				return nil, fmt.Errorf("%s.%s: a list item needs an index from 1, not %q", at, seg, seg)
			}
			index[i] = child
		}
		var items []any
		var itemSchema *openapi3.Schema
		if s != nil && s.Items != nil {
			itemSchema = s.Items.Value
		}
		for i := 1; i <= len(index); i++ {
			child, ok := index[i]
			if !ok {
				return nil, fmt.Errorf("%s: list items are numbered 1 to %d without gaps, but %s.%d is missing", at, len(index), at, i)
			}
			v, err := unflatten(child, itemSchema, at+"."+strconv.Itoa(i))
			if err != nil {
				return nil, err
			}
			items = append(items, v)
		}
		return items, nil
	case "object":
		if n.children == nil {
			if n.value != nil && *n.value != "" {
				return nil, fmt.Errorf("%s is an object: its members go in %s.<name>", at, at)
			}
			return map[string]any{}, nil
		}
		obj := map[string]any{}
		for seg, child := range n.children {
			v, err := unflatten(child, memberSchema(s, seg), at+"."+seg)
			if err != nil {
				return nil, err
			}
			obj[seg] = v
		}
		return obj, nil
	}
	if n.children != nil {
		return nil, fmt.Errorf("%s is a single value, but members %s.… are sent", at, at)
	}
	return scalar(*n.value, s), nil
}

// schemaKind is "array", "object" or "" (a scalar), from the schema or, when it
// does not say, from the keys: numbered segments make a list.
func schemaKind(s *openapi3.Schema, n *flatNode) string {
	if s != nil && s.Type != nil {
		switch {
		case s.Type.Is(openapi3.TypeArray):
			return "array"
		case s.Type.Is(openapi3.TypeObject):
			return "object"
		}
		return ""
	}
	if s != nil && (len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil) {
		return "object"
	}
	if n.children == nil {
		return ""
	}
	for seg := range n.children {
		if _, err := strconv.Atoi(seg); err != nil {
			return "object"
		}
	}
	return "array"
}

func memberSchema(s *openapi3.Schema, name string) *openapi3.Schema {
	if s == nil {
		return nil
	}
	if p := s.Properties[name]; p != nil {
		return p.Value
	}
	if ap := s.AdditionalProperties.Schema; ap != nil {
		return ap.Value
	}
	return nil
}

// scalar converts one sent value to the type its schema names, as the service
// would read it; what does not parse stays the string, for the schema to reject.
func scalar(v string, s *openapi3.Schema) any {
	if s == nil || s.Type == nil {
		return v
	}
	switch {
	case s.Type.Is(openapi3.TypeInteger), s.Type.Is(openapi3.TypeNumber):
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	case s.Type.Is(openapi3.TypeBoolean):
		if b, err := strconv.ParseBool(v); err == nil && (v == "true" || v == "false") {
			return b
		}
	}
	return v
}

// jsonValue reads a json-style value. An empty one is absent, as the SDKs send
// nothing (or an empty value) for a nil field.
func jsonValue(v, at string) (any, bool, error) {
	if v == "" {
		return nil, false, nil
	}
	var out any
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		return nil, true, fmt.Errorf("%s is not JSON: %v", at, err)
	}
	return out, true, nil
}
