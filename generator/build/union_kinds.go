package build

import (
	"slices"

	"github.com/acsgen/acsgen/generator/ir"
)

// kindsOf returns the JSON types a value of type t may have, in the order of
// ir.JSONKinds: one for most types, several for a union or a free-form value.
// visiting holds the unions whose alternatives are being looked at for the same
// value; reaching one of them again is a union that contains itself, and ok is
// false.
func (b *builder) kindsOf(t ir.TypeRef, visiting map[string]bool) (kinds []ir.JSONKind, ok bool) {
	switch t.Kind {
	case ir.Primitive:
		switch t.Name {
		case "string":
			return []ir.JSONKind{ir.KindString}, true
		case "bool":
			return []ir.JSONKind{ir.KindBool}, true
		}
		return []ir.JSONKind{ir.KindNumber}, true
	case ir.Array:
		return []ir.JSONKind{ir.KindArray}, true
	case ir.Map:
		return []ir.JSONKind{ir.KindObject}, true
	case ir.RawJSON:
		return rawKinds(t.Constraints), true
	}
	m := b.models[t.Name]
	if m == nil {
		return slices.Clone(ir.JSONKinds), true // unreachable: build reported the type
	}
	switch m.Kind {
	case ir.Struct:
		return []ir.JSONKind{ir.KindObject}, true
	case ir.Enum:
		return b.kindsOf(m.Enum.Base, visiting)
	case ir.Alias, ir.Defined:
		if visiting[m.GoName] {
			return nil, false
		}
		visiting[m.GoName] = true
		defer delete(visiting, m.GoName)
		return b.kindsOf(m.Type, visiting)
	}
	// A union: whatever its alternatives take.
	if visiting[m.GoName] {
		return nil, false
	}
	visiting[m.GoName] = true
	defer delete(visiting, m.GoName)
	site := b.unionSiteOf(m)
	if site == nil {
		return slices.Clone(ir.JSONKinds), true // unreachable: every union has a site
	}
	for _, a := range site.alts {
		k, ok := b.kindsOf(a.variant.Type, visiting)
		if !ok {
			return nil, false
		}
		kinds = append(kinds, k...)
	}
	return sortedKinds(kinds), len(kinds) > 0
}

// rawKinds are the JSON types a free-form value takes: those its type says
// (object, for type: object without properties), else any.
func rawKinds(c *ir.Constraints) []ir.JSONKind {
	if c != nil && len(c.Enum) > 0 { // an enum of objects or arrays: the values' types
		var kinds []ir.JSONKind
		for _, v := range c.Enum {
			if k := jsonTextKind(v); k != "" {
				kinds = append(kinds, k)
			}
		}
		if len(kinds) > 0 { // else only null: as for any value
			return sortedKinds(kinds)
		}
	}
	if c == nil || len(c.JSONTypes) == 0 {
		return slices.Clone(ir.JSONKinds)
	}
	var kinds []ir.JSONKind
	for _, t := range c.JSONTypes {
		switch t {
		case "integer", "number":
			kinds = append(kinds, ir.KindNumber)
		case "null":
		default:
			kinds = append(kinds, ir.JSONKind(t))
		}
	}
	return sortedKinds(kinds)
}

// sortedKinds puts kinds in the order of ir.JSONKinds, each once.
func sortedKinds(kinds []ir.JSONKind) []ir.JSONKind {
	var out []ir.JSONKind
	for _, k := range ir.JSONKinds {
		if slices.Contains(kinds, k) {
			out = append(out, k)
		}
	}
	return out
}

func (b *builder) unionSiteOf(m *ir.Model) *unionSite { return b.unionSites[m] }

// structOf returns the struct model a type names (through aliases), nil if none.
func (b *builder) structOf(t ir.TypeRef) *ir.Model { return b.modelOf(t, ir.Struct) }

// modelOf returns the model of the kind a type names (through aliases), nil if none.
func (b *builder) modelOf(t ir.TypeRef, kind ir.ModelKind) *ir.Model {
	for range 64 { // aliases chain a bounded number of times (load.MaxRefChain)
		if t.Kind != ir.Named {
			return nil
		}
		m := b.models[t.Name]
		switch {
		case m == nil:
			return nil
		case m.Kind == kind:
			return m
		case m.Kind == ir.Alias:
			t = m.Type
		default:
			return nil
		}
	}
	return nil
}

// jsonTextKind is the JSON type of a JSON text, "" for null.
func jsonTextKind(text string) ir.JSONKind {
	switch text[0] {
	case '"':
		return ir.KindString
	case 't', 'f':
		return ir.KindBool
	case 'n':
		return ""
	case '[':
		return ir.KindArray
	case '{':
		return ir.KindObject
	}
	return ir.KindNumber
}
