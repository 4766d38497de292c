package build

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// objectAlt is an alternative of a union that is a struct.
type objectAlt struct {
	unionAlt
	model *ir.Model
}

// objectRule decides how decoding tells several object alternatives of a union
// apart: by the value of the union's discriminator property; else by a property
// each alternative requires and no other declares; else by the JSON type of a
// property every one requires. Each of these rules out all alternatives but one
// before decoding, so the value is valid exactly when it is valid for that one.
// Without any, decoding tries them all (PickTrial).
func (b *builder) objectRule(site *unionSite, cands []unionAlt) ir.PickRule {
	d := site.schema.Discriminator
	discriminated := d != nil && d.PropertyName != ""
	var objects []objectAlt
	for _, a := range cands {
		sm := b.structOf(a.variant.Type)
		if sm == nil {
			if discriminated {
				b.errorf(a.path, "%s alternative %d (%s) is not an object schema with properties beside the other objects; the discriminator picks only those",
					site.keyword, a.index, a.variant.GoName)
			}
			return ir.PickTrial
		}
		objects = append(objects, objectAlt{unionAlt: a, model: sm})
	}
	switch {
	case discriminated:
		b.discriminated(site.model, d, site.keyword, objects, site.path)
		return ir.PickDiscriminator
	case keyedByRequired(objects):
		return ir.PickKey
	case b.keyedByKind(objects):
		return ir.PickKeyKind
	}
	return ir.PickTrial
}

// keyedByRequired gives each object the first property, in the order it
// declares them, that it requires and no other object declares; false, and no
// keys given, when one has none.
func keyedByRequired(objects []objectAlt) bool {
	keys := make([]string, len(objects))
	for j, o := range objects {
		i := slices.IndexFunc(o.model.Fields, func(f *ir.Field) bool {
			return f.Required && !slices.ContainsFunc(objects, func(other objectAlt) bool {
				return other.model != o.model && slices.ContainsFunc(other.model.Fields, func(g *ir.Field) bool { return g.Name == f.Name })
			})
		})
		if i < 0 {
			return false
		}
		keys[j] = o.model.Fields[i].Name
	}
	for j, o := range objects {
		o.variant.Key = keys[j]
	}
	return true
}

// keyedByKind finds the first property, in the order the first object declares
// them, that every object requires, none allows to be null, and whose JSON type
// differs from object to object (an id that is a string in one and an integer in
// another): a value's member of one type can only be valid for the object that
// types it so.
func (b *builder) keyedByKind(objects []objectAlt) bool {
	for _, f := range objects[0].model.Fields {
		kinds := make([]ir.JSONKind, 0, len(objects))
		for _, o := range objects {
			i := slices.IndexFunc(o.model.Fields, func(g *ir.Field) bool { return g.Name == f.Name })
			if i < 0 || !o.model.Fields[i].Required || o.model.Fields[i].Nullable {
				break
			}
			k, ok := b.kindsOf(o.model.Fields[i].Type, map[string]bool{})
			if !ok || len(k) != 1 || slices.Contains(kinds, k[0]) {
				break
			}
			kinds = append(kinds, k[0])
		}
		if len(kinds) == len(objects) {
			for j, o := range objects {
				o.variant.Key, o.variant.KeyKind = f.Name, kinds[j]
			}
			return true
		}
	}
	return false
}

// discriminated reads the discriminator of a union of objects: each value of
// mapping picks the alternative it names, several values may pick one; without
// a mapping an alternative's value is its component name. As kin-openapi
// validates it (and so acsgen contract and mock), a value outside a mapping
// picks nothing, so an alternative no value picks is reported.
func (b *builder) discriminated(m *ir.Model, d *openapi3.Discriminator, keyword string, objects []objectAlt, path []string) {
	m.Discriminator = d.PropertyName
	byRef := map[string]*objectAlt{}
	for i := range objects {
		if objects[i].ref != "" {
			byRef[objects[i].ref] = &objects[i]
		}
	}
	for _, value := range sortedKeys(d.Mapping) {
		ref := d.Mapping[value].Ref
		if !strings.Contains(ref, "/") {
			ref = componentPrefix + ref // a bare schema name
		}
		o := byRef[ref]
		if o == nil {
			b.errorf(append(slices.Clone(path), "discriminator", "mapping", value), "discriminator mapping %q names %s, which is not an object alternative of the %s", value, ref, keyword)
			continue
		}
		o.variant.Values = append(o.variant.Values, value)
	}
	for _, o := range objects {
		switch name, named := strings.CutPrefix(o.ref, componentPrefix); {
		case len(d.Mapping) == 0 && named:
			o.variant.Values = []string{name}
		case len(d.Mapping) == 0:
			b.errorf(o.path, "%s alternative %d is inline; without a mapping the discriminator names each alternative by its component name, so $ref a component or map a value to it",
				keyword, o.index)
		case len(o.variant.Values) == 0:
			b.errorf(o.path, "no value of the discriminator mapping picks %s alternative %d (%s); map one to it", keyword, o.index, o.model.GoName)
		}
	}
}
