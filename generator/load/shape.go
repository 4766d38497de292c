package load

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
)

// Shape checks run on the YAML tree before kin-openapi decodes it. The decoder
// stops at the first value of the wrong kind and cannot say where it is; these
// checks report every one with its position.

// duplicateKeys reports every mapping key written twice: YAML decoders keep one of
// them silently or fail without a position.
func (l *Locator) duplicateKeys() diag.List {
	var out diag.List
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			first := map[string]*yaml.Node{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if prev, dup := first[k.Value]; dup {
					out.Add(l.at(k), "", "key %q is already defined at %s",
						k.Value, l.at(prev))
					continue
				}
				first[k.Value] = k
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(l.root)
	return out
}

// schemaTypes are the values of a schema's "type" in OpenAPI 3.0.
var schemaTypes = []string{"string", "number", "integer", "boolean", "array", "object"}

// schemaKeys says which YAML kind each schema keyword needs, and whether its value
// holds schemas to check in turn.
var schemaKeys = map[string]struct {
	kind    yaml.Kind
	holds   string // "schema": the value is one; "schemas": a sequence; "map": a mapping of them
	scalarB bool   // a boolean scalar is also allowed (additionalProperties)
}{
	"properties": {kind: yaml.MappingNode, holds: "map"}, "required": {kind: yaml.SequenceNode},
	"enum": {kind: yaml.SequenceNode}, "items": {kind: yaml.MappingNode, holds: "schema"},
	"allOf": {kind: yaml.SequenceNode, holds: "schemas"}, "oneOf": {kind: yaml.SequenceNode, holds: "schemas"},
	"anyOf": {kind: yaml.SequenceNode, holds: "schemas"}, "not": {kind: yaml.MappingNode, holds: "schema"},
	"additionalProperties": {kind: yaml.MappingNode, holds: "schema", scalarB: true},
}

var kindName = map[yaml.Kind]string{yaml.MappingNode: "an object", yaml.SequenceNode: "a list", yaml.ScalarNode: "a single value"}

// schemaShapes checks every schema the spec declares: components, and the value of
// every "schema" key (parameters, media types), recursively.
func (l *Locator) schemaShapes() diag.List {
	var out diag.List
	var schema func(n *yaml.Node, path []string)
	schema = func(n *yaml.Node, path []string) {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		if n.Kind != yaml.MappingNode {
			out.Add(l.at(n), strings.Join(path, "."), "a schema must be an object, not %s", kindName[n.Kind])
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			rule, ok := schemaKeys[k.Value]
			if !ok && k.Value != "type" {
				continue // a keyword with no shape to check, or the user's own key
			}
			kpath := append(slices.Clone(path), k.Value)
			pos := l.at(v)
			if k.Value == "type" {
				if v.Kind != yaml.ScalarNode {
					out.Add(pos, strings.Join(kpath, "."), "type must be a single value, not %s; OpenAPI 3.0 has no type lists (nullable: true allows null)", kindName[v.Kind])
				} else if !slices.Contains(schemaTypes, v.Value) {
					out.Add(pos, strings.Join(kpath, "."), "type %q is not one of %s", v.Value, strings.Join(schemaTypes, ", "))
				}
				continue
			}
			if k.Value == "properties" && isNull(v) {
				continue // no properties, as YAML writes an empty mapping (schemaLeniencies warns)
			}
			if v.Kind != rule.kind && !(rule.scalarB && v.Kind == yaml.ScalarNode && (v.Value == "true" || v.Value == "false")) {
				out.Add(pos, strings.Join(kpath, "."), "%s must be %s, not %s", k.Value, kindName[rule.kind], kindName[v.Kind])
				continue
			}
			switch {
			case rule.holds == "schema" && v.Kind == yaml.MappingNode:
				schema(v, kpath)
			case rule.holds == "schemas" || rule.holds == "map":
				step := 1
				if rule.holds == "map" {
					step = 2
				}
				for j := step - 1; j < len(v.Content); j += step {
					schema(v.Content[j], append(slices.Clone(kpath), v.Content[j-step+1].Value))
				}
			}
		}
	}
	if schemas := l.node("components", "schemas"); schemas != nil && schemas.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(schemas.Content); i += 2 {
			schema(schemas.Content[i+1], []string{"components", "schemas", schemas.Content[i].Value})
		}
	}
	var walk func(n *yaml.Node, path []string)
	walk = func(n *yaml.Node, path []string) {
		if n.Kind != yaml.MappingNode {
			for i, c := range n.Content {
				walk(c, append(slices.Clone(path), strconv.Itoa(i)))
			}
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if isData(k.Value, path) {
				continue // examples and extensions hold the user's data, not spec objects
			}
			if k.Value == "schema" {
				schema(v, append(slices.Clone(path), "schema"))
				continue
			}
			if k.Value == "parameters" && v.Kind != yaml.SequenceNode && len(path) > 0 && path[0] == "paths" {
				out.Add(l.at(v), strings.Join(append(slices.Clone(path), k.Value), "."),
					"parameters must be a list, not %s", kindName[v.Kind])
				continue
			}
			walk(v, append(slices.Clone(path), k.Value))
		}
	}
	if paths := l.node("paths"); paths != nil {
		walk(paths, []string{"paths"})
	}
	if params := l.node("components", "parameters"); params != nil {
		walk(params, []string{"components", "parameters"})
	}
	return out
}

// isData reports whether the value of key, in the object at path, is free-form
// data: an example or an extension. Under "headers" (or any map of named
// objects) "example" is a name, not data.
func isData(key string, path []string) bool {
	if strings.HasPrefix(key, "x-") {
		return true
	}
	if key != "example" && key != "examples" {
		return false
	}
	if len(path) == 0 {
		return true
	}
	switch path[len(path)-1] {
	case "headers", "responses", "content", "links", "callbacks":
		return false
	}
	return true
}
