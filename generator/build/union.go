package build

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// unionSite is a union whose alternatives are built, and whose picks planUnions
// decides once every model is complete.
type unionSite struct {
	model   *ir.Model
	schema  *openapi3.Schema
	keyword string // oneOf or anyOf
	path    []string
	alts    []unionAlt
}

// unionAlt is one alternative of a union.
type unionAlt struct {
	index   int
	ref     string // the alternative's $ref, "" for an inline schema
	path    []string
	variant *ir.Variant
}

// fillUnion makes a oneOf/anyOf a struct with one pointer per alternative. How
// decoding picks the alternative is decided later, by planUnions, once the
// models the alternatives name are complete. altBase is where the alternatives
// are declared: path, but for an allOf over a union (allof_union.go).
func (b *builder) fillUnion(m *ir.Model, s *openapi3.Schema, path, altBase []string) {
	m.Kind = ir.Union
	keyword, alts := "oneOf", s.OneOf
	if len(alts) == 0 {
		keyword, alts = "anyOf", s.AnyOf
		m.AnyOf = true
	}
	site := &unionSite{model: m, schema: s, keyword: keyword, path: path}
	base := b.sharedProperties(s, path)
	for i, alt := range alts {
		altPath := append(slices.Clone(altBase), keyword, strconv.Itoa(i))
		var t ir.TypeRef
		fieldName := ""
		if base != nil {
			t, fieldName = b.mergedVariant(m, base, keyword, alt, i, altPath)
			if t.Kind == ir.RawJSON {
				continue // reported by mergedVariant
			}
		} else {
			t = b.typeOf(alt, m.GoName+"Variant"+strconv.Itoa(i), altPath)
		}
		ref := ""
		if alt != nil {
			ref = alt.Ref
		}
		v := &ir.Variant{GoName: cmp.Or(fieldName, variantName(t)), Type: t}
		site.alts = append(site.alts, unionAlt{index: i, ref: ref, path: altPath, variant: v})
	}
	b.unions = append(b.unions, site)
	b.unionSites[m] = site
	// The alternatives and their JSON types, for what is built before planUnions
	// (parameters look at them); planUnions decides them for good.
	for _, a := range site.alts {
		if kinds, ok := b.kindsOf(a.variant.Type, map[string]bool{m.GoName: true}); ok {
			a.variant.Kinds, a.variant.Kind = kinds, kinds[0]
			m.Variants = append(m.Variants, a.variant)
		}
	}
	uniqueVariantNames(m.Variants)
	slices.SortStableFunc(m.Variants, func(x, y *ir.Variant) int { return compareKind(x.Kind, y.Kind) })
}

// planUnions decides, for every union, the JSON types each alternative takes
// and how decoding picks among those that take values of one type (planPicks).
// It runs after every model is built: an alternative may name a model whose
// fields are still being built when the union is.
func (b *builder) planUnions() {
	for _, site := range b.unions {
		m := site.model
		m.Variants = nil
		var alts []unionAlt
		for _, a := range site.alts {
			kinds, ok := b.kindsOf(a.variant.Type, map[string]bool{m.GoName: true})
			if !ok {
				b.errorf(a.path, "%s alternative %d (%s) leads back to %s, for the same value, through alternatives of alternatives; a union cannot be its own alternative",
					site.keyword, a.index, a.variant.GoName, m.GoName)
				continue
			}
			a.variant.Kinds, a.variant.Kind = kinds, kinds[0]
			alts = append(alts, a)
		}
		alts = b.dropIdentical(site, b.applySiblings(site, alts))
		for _, a := range alts {
			m.Variants = append(m.Variants, a.variant)
		}
		b.planPicks(site, alts)
		uniqueVariantNames(m.Variants)
		slices.SortStableFunc(m.Variants, func(x, y *ir.Variant) int { return compareKind(x.Kind, y.Kind) })
	}
}

// planPicks decides, for each JSON type the union takes, how decoding picks the
// alternative of a value of that type. One alternative takes it: that one.
// Several objects: by the discriminator, or else by a property only one of them
// requires, or else by the JSON type of a property all of them require. Anything
// else is decided at decode time by trying each alternative in turn (PickTrial),
// which is always sound, only slower, and says less when it fails.
func (b *builder) planPicks(site *unionSite, alts []unionAlt) {
	m := site.model
	for _, kind := range ir.JSONKinds {
		var cands []unionAlt
		for _, a := range alts {
			if slices.Contains(a.variant.Kinds, kind) {
				cands = append(cands, a)
			}
		}
		if len(cands) == 0 {
			continue
		}
		p := &ir.Pick{Kind: kind, Rule: ir.PickTrial}
		for _, a := range cands {
			p.Variants = append(p.Variants, a.variant)
		}
		switch {
		case len(cands) == 1:
			p.Rule = ir.PickOnly
		case kind == ir.KindObject:
			p.Rule = b.objectRule(site, cands)
		}
		m.Picks = append(m.Picks, p)
	}
}

func compareKind(x, y ir.JSONKind) int {
	return slices.Index(ir.JSONKinds, x) - slices.Index(ir.JSONKinds, y)
}

func variantName(t ir.TypeRef) string {
	switch t.Kind {
	case ir.Primitive:
		return map[string]string{"string": "String", "bool": "Bool", "int32": "Int32", "int64": "Int64",
			"float32": "Float32", "float64": "Float64"}[t.Name]
	case ir.Array:
		return "Array"
	case ir.Map:
		return "Map"
	case ir.RawJSON:
		return "Any"
	}
	return t.Name
}

// unionMethods are the methods a union declares; no field may share their names.
var unionMethods = []string{"MarshalJSON", "UnmarshalJSON", "DecodeJSON"}

// uniqueVariantNames renames a variant whose field name another variant or a
// union method already uses. Of plain types (two arrays, two strings) the first
// keeps the name and a later one gets its position appended. A model variant
// gets its JSON kind appended, which tells a model apart from a plain type of
// another kind (a component String, an object, beside a plain string becomes
// StringObject); should even that be taken, its position follows.
func uniqueVariantNames(vs []*ir.Variant) {
	taken := map[string]bool{}
	for i, v := range vs {
		if v.Type.Kind == ir.Named {
			continue
		}
		for taken[v.GoName] {
			v.GoName += strconv.Itoa(i)
		}
		taken[v.GoName] = true
	}
	for i, v := range vs {
		if v.Type.Kind != ir.Named {
			continue
		}
		if taken[v.GoName] || slices.Contains(unionMethods, v.GoName) {
			v.GoName += kindWord[v.Kind]
		}
		for taken[v.GoName] {
			v.GoName += strconv.Itoa(i)
		}
		taken[v.GoName] = true
	}
}

var kindWord = map[ir.JSONKind]string{ir.KindString: "String", ir.KindNumber: "Number", ir.KindBool: "Bool",
	ir.KindArray: "Array", ir.KindObject: "Object"}
