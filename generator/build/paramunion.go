package build

import (
	"slices"
	"strings"

	"github.com/acsgen/acsgen/generator/ir"
)

// A parameter is text on the wire, so a union of strings, numbers and booleans
// (anyOf: [{type: string}, {type: integer}]) is sent as the text of the
// alternative that is set (acs.ScalarText), and a union of objects as the object
// that is set, in the object's style. Which alternative a server reads the text
// as is the server's to decide, as it is for the spec: "42" fits either.

// unionOf is the union model t names, through aliases; nil if none.
func (b *builder) unionOf(t ir.TypeRef) *ir.Model {
	for range 64 { // aliases chain a bounded number of times (load.MaxRefChain)
		if t.Kind != ir.Named {
			return nil
		}
		m := b.models[t.Name]
		switch {
		case m == nil:
			return nil
		case m.Kind == ir.Union:
			return m
		case m.Kind == ir.Alias:
			t = m.Type
		default:
			return nil
		}
	}
	return nil
}

// scalarUnion reports whether t is a union whose alternatives are all strings,
// numbers or booleans.
func (b *builder) scalarUnion(t ir.TypeRef) bool {
	m := b.unionOf(t)
	return m != nil && len(m.Variants) > 0 && !slices.ContainsFunc(m.Variants, func(v *ir.Variant) bool {
		return slices.ContainsFunc(v.Kinds, func(k ir.JSONKind) bool { return k != ir.KindString && k != ir.KindNumber && k != ir.KindBool })
	})
}

// paramShape is the JSON kind a parameter of type t is sent as: shapeOf, but an
// object for a union whose alternatives are all objects.
func (b *builder) paramShape(t ir.TypeRef) ir.JSONKind {
	if shape := b.shapeOf(t); shape != "" {
		return shape
	}
	m := b.unionOf(t)
	if m == nil || len(m.Variants) == 0 || slices.ContainsFunc(m.Variants, func(v *ir.Variant) bool {
		return slices.ContainsFunc(v.Kinds, func(k ir.JSONKind) bool { return k != ir.KindObject })
	}) {
		return ""
	}
	return ir.KindObject
}

// objectUnion warns of a parameter that is a union of objects: sent as the
// members of the alternative that is set, it is read back by kin-openapi as one
// fixed alternative (the first of an anyOf, the last of a oneOf, whichever
// members came), so acsgen mock and contract refuse the other alternatives.
func (b *builder) objectUnion(p *ir.Param, path []string) {
	if m := b.unionOf(p.Type); m != nil {
		b.warnf(path, "parameter %q is a union of objects, sent as the members of the alternative that is set; kin-openapi, and so acsgen mock and contract, read it as one fixed alternative and refuse the others", p.Name)
	}
}

// unionWords describes p's union m by its alternatives' kinds: "a union of
// strings and objects", "an array of unions of objects".
func unionWords(m *ir.Model, p *ir.Param) string {
	var kinds []string
	for _, v := range m.Variants {
		for _, k := range v.Kinds {
			if w := string(k) + "s"; !slices.Contains(kinds, w) {
				kinds = append(kinds, w)
			}
		}
	}
	if p.Type.Kind == ir.Array {
		return "an array of unions of " + strings.Join(kinds, " and ")
	}
	return "a union of " + strings.Join(kinds, " and ")
}
