package build

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// fillUnion makes a oneOf/anyOf a struct with one pointer per alternative. The JSON
// token kind picks the alternative when decoding, so the alternatives must differ in
// kind (string, number, boolean, array, object), but for objects (structs), which a
// discriminator or their required properties tell apart (objectVariants); anything
// else of one kind is reported rather than guessed at.
func (b *builder) fillUnion(m *ir.Model, s *openapi3.Schema, path []string) {
	m.Kind = ir.Union
	keyword, alts := "oneOf", s.OneOf
	if len(alts) == 0 {
		keyword, alts = "anyOf", s.AnyOf
		m.AnyOf = true
	}
	byKind := map[ir.JSONKind]int{}
	var objects []objectAlt
	base := b.sharedProperties(s, path)
	for i, alt := range alts {
		altPath := append(slices.Clone(path), keyword, strconv.Itoa(i))
		var t ir.TypeRef
		fieldName := ""
		if base != nil {
			t, fieldName = b.mergedVariant(m, base, keyword, alt, i, altPath)
		} else {
			t = b.typeOf(alt, m.GoName+"Variant"+strconv.Itoa(i), altPath)
		}
		kind, ok := b.jsonKind(t)
		if !ok {
			if base == nil {
				b.errorf(altPath, "%s alternative has no fixed JSON type; each alternative needs a type", keyword)
			}
			continue
		}
		v := &ir.Variant{GoName: cmp.Or(fieldName, variantName(t)), Kind: kind, Type: t}
		if sm := b.structOf(t); kind == ir.KindObject && sm != nil {
			// Several objects are told apart by a discriminator or by required
			// properties (objectVariants); a map among them could be anything.
			objects = append(objects, objectAlt{index: i, ref: alt.Ref, path: altPath, model: sm, variant: v})
		} else if prev, dup := byKind[kind]; dup {
			b.errorf(altPath, "%s alternatives %d and %d are both JSON %ss; alternatives must differ in JSON type", keyword, prev, i, kind)
			continue
		}
		if _, dup := byKind[kind]; !dup {
			byKind[kind] = i
		}
		m.Variants = append(m.Variants, v)
	}
	if kinds := b.countKind(m.Variants, ir.KindObject); kinds > 1 {
		if len(objects) < kinds {
			i := slices.IndexFunc(m.Variants, func(v *ir.Variant) bool {
				return v.Kind == ir.KindObject && !slices.ContainsFunc(objects, func(o objectAlt) bool { return o.variant == v })
			})
			b.errorf(path, "%s alternatives include a map (%s) beside other objects; nothing tells them apart", keyword, m.Variants[i].GoName)
		} else {
			b.objectVariants(m, s, keyword, objects, path)
		}
	}
	uniqueVariantNames(m.Variants)
	slices.SortStableFunc(m.Variants, func(x, y *ir.Variant) int { return compareKind(x.Kind, y.Kind) })
}

func (b *builder) countKind(vs []*ir.Variant, kind ir.JSONKind) int {
	n := 0
	for _, v := range vs {
		if v.Kind == kind {
			n++
		}
	}
	return n
}

// structOf returns the struct model a type names (through aliases), nil if none.
func (b *builder) structOf(t ir.TypeRef) *ir.Model {
	for range 64 { // aliases chain a bounded number of times (load.MaxRefChain)
		if t.Kind != ir.Named {
			return nil
		}
		m := b.models[t.Name]
		switch {
		case m == nil:
			return nil
		case m.Kind == ir.Struct:
			return m
		case m.Kind == ir.Alias:
			t = m.Type
		default:
			return nil
		}
	}
	return nil
}

var kindOrder = []ir.JSONKind{ir.KindString, ir.KindNumber, ir.KindBool, ir.KindArray, ir.KindObject}

func compareKind(x, y ir.JSONKind) int {
	return slices.Index(kindOrder, x) - slices.Index(kindOrder, y)
}

func (b *builder) jsonKind(t ir.TypeRef) (ir.JSONKind, bool) {
	switch t.Kind {
	case ir.Primitive:
		switch t.Name {
		case "string":
			return ir.KindString, true
		case "bool":
			return ir.KindBool, true
		default:
			return ir.KindNumber, true
		}
	case ir.Array:
		return ir.KindArray, true
	case ir.Map:
		return ir.KindObject, true
	case ir.Named:
		m := b.models[t.Name]
		if m == nil {
			return "", false
		}
		switch m.Kind {
		case ir.Struct:
			return ir.KindObject, true
		case ir.Enum:
			return b.jsonKind(m.Enum.Base)
		case ir.Alias, ir.Defined:
			return b.jsonKind(m.Type)
		}
	}
	return "", false
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
	}
	return t.Name
}

// unionMethods are the methods a union declares; no field may share their names.
var unionMethods = []string{"MarshalJSON", "UnmarshalJSON"}

// uniqueVariantNames renames a model variant whose field name a primitive variant
// or a union method already uses, by appending its JSON kind, which is unique
// within a union: a component String (an object) beside a plain string becomes
// StringObject. Should even that be taken, the alternative's index follows.
func uniqueVariantNames(vs []*ir.Variant) {
	taken := map[string]bool{}
	for _, v := range vs {
		if v.Type.Kind != ir.Named {
			taken[v.GoName] = true
		}
	}
	for i, v := range vs {
		if v.Type.Kind != ir.Named {
			continue
		}
		if taken[v.GoName] || slices.Contains(unionMethods, v.GoName) {
			v.GoName += kindWord[v.Kind]
		}
		if taken[v.GoName] {
			v.GoName += strconv.Itoa(i)
		}
		taken[v.GoName] = true
	}
}

var kindWord = map[ir.JSONKind]string{ir.KindString: "String", ir.KindNumber: "Number", ir.KindBool: "Bool",
	ir.KindArray: "Array", ir.KindObject: "Object"}
