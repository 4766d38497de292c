package build

import (
	"reflect"
	"slices"

	"github.com/acsgen/acsgen/generator/ir"
)

// dropIdentical reports alternatives that accept exactly the values an earlier
// one accepts (the same $ref twice, two plain strings, two objects with the same
// properties). A oneOf can then take no value either of them accepts, since
// each is valid for both: an error. An anyOf takes the first, so the later one
// is never picked: a warning, and it stays a field that decoding never sets.
// The alternatives left are returned.
//
// A discriminator tells objects apart whatever they accept: kin-openapi then
// validates only the alternative its value names.
func (b *builder) dropIdentical(site *unionSite, alts []unionAlt) []unionAlt {
	d := site.schema.Discriminator
	named := func(a unionAlt) bool { return d != nil && d.PropertyName != "" && b.structOf(a.variant.Type) != nil }
	var out []unionAlt
	for _, a := range alts {
		i := slices.IndexFunc(out, func(o unionAlt) bool {
			return !(named(o) && named(a)) && b.sameShape(o.variant.Type, a.variant.Type, map[[2]string]bool{})
		})
		if i < 0 {
			out = append(out, a)
			continue
		}
		if site.keyword == "oneOf" {
			b.errorf(a.path, "oneOf alternatives %d and %d accept the same values, so no value is valid for exactly one of them; remove one, or make it anyOf",
				out[i].index, a.index)
			continue
		}
		b.warnf(a.path, "anyOf alternative %d is never picked: alternative %d accepts the same values, and anyOf takes the first that matches; remove one",
			a.index, out[i].index)
		out = append(out, a)
	}
	return out
}

// sameShape reports whether values of types x and y are valid for exactly the
// same JSON values: the same types up to names, aliases and descriptions.
// assumed holds the pairs of models being compared further up, which count as
// the same (the types are recursive, and nothing found them to differ).
func (b *builder) sameShape(x, y ir.TypeRef, assumed map[[2]string]bool) bool {
	x, y = b.underlying(x), b.underlying(y)
	if x.Kind != y.Kind || !reflect.DeepEqual(x.Constraints, y.Constraints) {
		return false
	}
	switch x.Kind {
	case ir.Primitive:
		return x.Name == y.Name
	case ir.Array, ir.Map:
		return b.sameShape(*x.Elem, *y.Elem, assumed)
	case ir.RawJSON:
		return true
	}
	if x.Name == y.Name || assumed[[2]string{x.Name, y.Name}] {
		return true
	}
	assumed[[2]string{x.Name, y.Name}] = true
	mx, my := b.models[x.Name], b.models[y.Name]
	if mx == nil || my == nil || mx.Kind != my.Kind {
		return false
	}
	switch mx.Kind {
	case ir.Struct:
		return mx.Closed == my.Closed && slices.EqualFunc(mx.Fields, my.Fields, func(f, g *ir.Field) bool {
			return f.Name == g.Name && f.Required == g.Required && f.Nullable == g.Nullable && b.sameShape(f.Type, g.Type, assumed)
		})
	case ir.Enum:
		return mx.Enum.Open == my.Enum.Open && mx.Enum.Base.Name == my.Enum.Base.Name &&
			slices.EqualFunc(mx.Enum.Values, my.Enum.Values, func(v, w *ir.EnumValue) bool { return v.Raw == w.Raw })
	case ir.Union:
		return mx.AnyOf == my.AnyOf && mx.Discriminator == "" && my.Discriminator == "" &&
			slices.EqualFunc(b.unionSiteOf(mx).alts, b.unionSiteOf(my).alts, func(v, w unionAlt) bool {
				return b.sameShape(v.variant.Type, w.variant.Type, assumed)
			})
	}
	return false
}

// underlying follows aliases and defined types to the type they stand for.
func (b *builder) underlying(t ir.TypeRef) ir.TypeRef {
	for range 64 { // aliases chain a bounded number of times (load.MaxRefChain)
		if t.Kind != ir.Named {
			return t
		}
		m := b.models[t.Name]
		if m == nil || (m.Kind != ir.Alias && m.Kind != ir.Defined) {
			return t
		}
		t = m.Type
	}
	return t
}
