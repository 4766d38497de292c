package metadata

import (
	"strings"
)

// RPC metadata sometimes spells an object's members as parameters of their own:
// SystemDisk.Category, SystemDisk.Size. The official SDKs merge them into one
// struct field (SystemDisk, its members Category and Size) and send it flattened,
// so the wire is the same either way. The import merges them too, into one
// x-acs-param-style flat parameter, so that the request type nests as the SDK
// model does. Names with a numbered segment (RemovalPolicy.1) stay as they are:
// they are list items spelled out, not members.

// indexedParam is a parameter and its index in the metadata, for positions.
type indexedParam struct {
	Parameter
	index int
}

// mergeDotted returns the parameters with dotted query and formData names merged
// into flat objects, each where its first member was.
func mergeDotted(params []Parameter) []indexedParam {
	out := make([]indexedParam, 0, len(params))
	merged := map[string]int{} // prefix → its index in out
	own := map[string]bool{}
	for _, p := range params {
		own[p.In+" "+p.Name] = true
	}
	for i, p := range params {
		prefix, member, ok := dottedName(p)
		if !ok || own[p.In+" "+prefix] {
			out = append(out, indexedParam{p, i})
			continue
		}
		j, seen := merged[p.In+" "+prefix]
		if !seen {
			j = len(out)
			merged[p.In+" "+prefix] = j
			out = append(out, indexedParam{Parameter{Name: prefix, In: p.In, Style: "flat",
				Schema: &Schema{Type: "object"}}, i})
		}
		addMember(out[j].Schema, member, p.Schema)
	}
	return out
}

// dottedName splits a mergeable name: query or formData, plain style, every
// segment a name (not empty, not a number).
func dottedName(p Parameter) (prefix string, member []string, ok bool) {
	if (p.In != "query" && p.In != "formData") || (p.Style != "" && p.Style != "simple") || p.Schema == nil {
		return "", nil, false
	}
	segs := strings.Split(p.Name, ".")
	if len(segs) < 2 {
		return "", nil, false
	}
	for _, s := range segs {
		if s == "" || strings.Trim(s, "0123456789") == "" {
			return "", nil, false
		}
	}
	return segs[0], segs[1:], true
}

// addMember puts s at path under obj, making the objects between; a required
// member makes every object above it required.
func addMember(obj *Schema, path []string, s *Schema) {
	if s.Required {
		obj.Required = true
	}
	name := path[0]
	if len(path) == 1 {
		if _, dup := obj.Properties.Get(name); !dup {
			obj.Properties.Keys = append(obj.Properties.Keys, name)
		}
		if obj.Properties.Values == nil {
			obj.Properties.Values = map[string]*Schema{}
		}
		obj.Properties.Values[name] = s
		return
	}
	child, ok := obj.Properties.Get(name)
	if !ok || child.Type != "object" {
		child = &Schema{Type: "object"}
		if !ok {
			obj.Properties.Keys = append(obj.Properties.Keys, name)
		}
		if obj.Properties.Values == nil {
			obj.Properties.Values = map[string]*Schema{}
		}
		obj.Properties.Values[name] = child
	}
	addMember(child, path[1:], s)
}
