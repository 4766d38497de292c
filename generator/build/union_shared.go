package build

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// shared is what a schema declares beside its oneOf/anyOf: properties (its own
// and its allOf parts'), which every alternative's value must also have.
type shared struct {
	props    []property
	required map[string]bool
}

// sharedProperties merges the properties a union schema declares beside its
// alternatives (and those it requires), nil when it declares none.
func (b *builder) sharedProperties(s *openapi3.Schema, path []string) *shared {
	if len(s.Properties)+len(s.AllOf)+len(s.Required) == 0 {
		return nil
	}
	props, required := b.mergeAllOf(s, path)
	return &shared{props: props, required: required}
}

// mergedVariant makes alternative i of union m a struct of the shared
// properties and the alternative's own: a value is valid for "properties beside
// oneOf" exactly when it has the shared properties and matches one alternative,
// so each alternative with the shared properties merged in is the same union. It
// returns the struct's type and the union field's name: the alternative's
// component name, or Variant<i> for an inline one. The $ref stays the
// alternative's, so a discriminator's mapping still names it.
func (b *builder) mergedVariant(m *ir.Model, base *shared, keyword string, alt *openapi3.SchemaRef, i int, altPath []string) (ir.TypeRef, string) {
	raw := ir.TypeRef{Kind: ir.RawJSON}
	name, own := "Variant"+strconv.Itoa(i), altPath
	if comp, ok := strings.CutPrefix(alt.Ref, componentPrefix); ok {
		own = []string{"components", "schemas", comp}
		if target := b.component(comp); target != nil {
			name = target.GoName
		}
	} else if alt.Ref != "" {
		b.refTarget(alt.Ref, altPath) // reports the $ref
		return raw, ""
	}
	if alt.Value == nil || notObject(alt.Value) {
		b.errorf(altPath, "%s alternative is not an object schema; the properties beside %s can only be merged into object alternatives", keyword, keyword)
		return raw, ""
	}
	props, required := b.mergeAllOf(alt.Value, own)
	req := maps.Clone(base.required)
	maps.Copy(req, required)
	shared, closed := base.props, closedObject(alt.Value)
	if closed {
		// The alternative allows no member it does not declare, so a value
		// valid for it has none of the shared properties but those it declares.
		shared = nil
		for _, p := range base.props {
			switch declared := slices.ContainsFunc(props, func(q property) bool { return q.name == p.name }); {
			case declared:
				shared = append(shared, p)
			case req[p.name]:
				b.warnf(altPath, "%s alternative %d is never valid: it allows no property but its own, and %q is required beside it; it is left out",
					keyword, i, p.name)
				return raw, ""
			}
		}
	}
	goName := m.GoName + name
	specName := m.Name + "." + keyword + "." + strconv.Itoa(i)
	if !b.declare(goName, specName, altPath) {
		return raw, ""
	}
	v := &ir.Model{Name: specName, GoName: goName, Kind: ir.Struct, Pos: b.loc.Pos(altPath...), Closed: closed,
		Doc: goName + " is " + m.GoName + " in the form of its " + keyword + " alternative " + strconv.Itoa(i) +
			": the properties " + m.GoName + " declares beside its alternatives, and the alternative's own."}
	b.models[goName] = v
	b.fillFields(v, b.mergeProps(append([]property(nil), shared...), props), req)
	return named(goName), name
}

// closedObject reports whether s allows no member it does not declare itself:
// additionalProperties false, with no allOf parts whose properties it would
// refuse too.
func closedObject(s *openapi3.Schema) bool {
	return len(s.AllOf) == 0 && s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has
}
