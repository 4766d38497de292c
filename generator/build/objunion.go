package build

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// objectAlt is an alternative of a union that is a struct.
type objectAlt struct {
	index   int
	ref     string // the alternative's $ref, "" for an inline schema
	path    []string
	model   *ir.Model
	variant *ir.Variant
}

// objectVariants decides how decoding tells several object alternatives of a
// union apart: by the value of the union's discriminator property, or else by a
// property each alternative requires and no other declares. A union neither
// tells apart is ambiguous: reported, never guessed at.
func (b *builder) objectVariants(m *ir.Model, s *openapi3.Schema, keyword string, objects []objectAlt, path []string) {
	if d := s.Discriminator; d != nil && d.PropertyName != "" {
		b.discriminated(m, d, keyword, objects, path)
		return
	}
	for _, o := range objects {
		// The first such property in the order the alternative declares them.
		i := slices.IndexFunc(o.model.Fields, func(f *ir.Field) bool {
			return f.Required && !slices.ContainsFunc(objects, func(other objectAlt) bool {
				return other.model != o.model && slices.ContainsFunc(other.model.Fields, func(g *ir.Field) bool { return g.Name == f.Name })
			})
		})
		if i < 0 {
			b.errorf(o.path, "%s alternative %d (%s) cannot be told apart from the other objects: it requires no property they lack; add a discriminator, or a required property of its own",
				keyword, o.index, o.model.GoName)
			continue
		}
		o.variant.Key = o.model.Fields[i].Name
	}
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
