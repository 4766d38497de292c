package build

import (
	"reflect"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// applySiblings applies what a union schema says beside its oneOf/anyOf to its
// alternatives, since a value must satisfy it as well as an alternative (as
// kin-openapi checks it): type keeps the alternatives' JSON types it names, and
// the keywords of strings, numbers, arrays and maps (pattern, maxLength,
// minimum, minItems...) join those of each alternative of that type. What it
// cannot apply (such a keyword beside an alternative that is a named model,
// enum, required without properties...) is an error, never left unchecked. It
// returns the alternatives left: one whose types type rules out is never valid.
func (b *builder) applySiblings(site *unionSite, alts []unionAlt) []unionAlt {
	s := site.schema
	if rest := unappliedKeywords(s); len(rest) > 0 {
		b.errorf(site.path, "%s beside %s is not supported; acsgen applies type and the keywords of strings, numbers, arrays and maps there: move it into the alternatives",
			strings.Join(rest, ", "), site.keyword)
	}
	byKind := map[ir.JSONKind]*ir.Constraints{
		ir.KindString: b.constraints(s, ir.Primitive, "string", site.path),
		ir.KindNumber: b.constraints(s, ir.Primitive, "float64", site.path),
		ir.KindArray:  b.constraints(s, ir.Array, "", site.path),
		ir.KindObject: b.constraints(s, ir.Map, "", site.path),
	}
	var out []unionAlt
	for _, a := range alts {
		v := a.variant
		if s.Type != nil && len(*s.Type) > 0 {
			typed := rawKinds(&ir.Constraints{JSONTypes: *s.Type})
			v.Kinds = slices.DeleteFunc(v.Kinds, func(k ir.JSONKind) bool { return !slices.Contains(typed, k) })
			if len(v.Kinds) == 0 {
				b.warnf(a.path, "%s alternative %d is never valid: type beside the %s says %s", site.keyword, a.index, site.keyword, strings.Join(*s.Type, " or "))
				continue
			}
			v.Kind = v.Kinds[0]
			if v.Type.Kind == ir.RawJSON && (v.Type.Constraints == nil || len(v.Type.Constraints.JSONTypes) == 0) {
				v.Type.Constraints = &ir.Constraints{JSONTypes: slices.Clone(*s.Type)}
			}
		}
		if sm := b.structOf(v.Type); sm != nil {
			for _, name := range s.Required {
				if !slices.ContainsFunc(sm.Fields, func(f *ir.Field) bool { return f.Name == name }) {
					b.errorf(a.path, "property %q, required beside the %s, is not declared by alternative %d (%s); acsgen checks the required properties it has fields for: declare it",
						name, site.keyword, a.index, v.GoName)
				}
			}
		}
		switch t := &v.Type; t.Kind {
		case ir.Primitive, ir.Array, ir.Map:
			add := byKind[v.Kind]
			merged, clash := joinConstraints(t.Constraints, add)
			if clash != "" {
				b.errorf(a.path, "%s beside the %s and in alternative %d differ, and acsgen checks one; write it once", clash, site.keyword, a.index)
			}
			t.Constraints = merged
		default: // a model, which checks its own schema, or any JSON value
			for _, k := range v.Kinds {
				if c := byKind[k]; c != nil {
					b.errorf(a.path, "the keywords beside the %s constrain alternative %d (%s) as a JSON %s, which acsgen cannot check there; move them into the alternative",
						site.keyword, a.index, v.GoName, k)
					break
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// unappliedKeywords names the keywords of a union schema that applySiblings
// does not apply: those left once annotations, the union itself, what the
// union's properties are merged from (union_shared.go), type and the scalar,
// array and map keywords are taken away.
func unappliedKeywords(s *openapi3.Schema) []string {
	c := *s
	c.Extensions, c.Origin, c.Title, c.Description, c.Default, c.Example, c.ExternalDocs = nil, nil, "", "", nil, nil, nil
	c.Deprecated, c.XML, c.Nullable, c.ReadOnly, c.WriteOnly, c.AllowEmptyValue = false, nil, false, false, false, false
	c.OneOf, c.AnyOf, c.Discriminator, c.Type = nil, nil, nil, nil
	c.Format, c.Pattern, c.MinLength, c.MaxLength = "", "", 0, nil
	c.Min, c.Max, c.ExclusiveMin, c.ExclusiveMax, c.MultipleOf = nil, nil, openapi3.ExclusiveBound{}, openapi3.ExclusiveBound{}, nil
	c.MinItems, c.MaxItems, c.UniqueItems, c.MinProps, c.MaxProps = 0, nil, false, 0, nil
	if len(s.Properties)+len(s.AllOf) > 0 {
		c.Properties, c.AllOf, c.AdditionalProperties = nil, nil, openapi3.AdditionalProperties{}
	}
	c.Required = nil // merged into each alternative, as properties are
	var out []string
	v, t := reflect.ValueOf(c), reflect.TypeFor[openapi3.Schema]()
	for i := range t.NumField() {
		if !v.Field(i).IsZero() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			out = append(out, name)
		}
	}
	return out
}

// joinConstraints returns the constraints of a value that must meet both a and
// b: the stricter bound of each, a pattern, format or multipleOf that only one
// sets. clash names a keyword both set differently, which one Constraints
// cannot hold.
func joinConstraints(a, b *ir.Constraints) (joined *ir.Constraints, clash string) {
	switch {
	case b == nil:
		return a, ""
	case a == nil:
		c := *b
		return &c, ""
	}
	c := *a
	c.Minimum, c.ExclusiveMinimum = stricterBound(a.Minimum, a.ExclusiveMinimum, b.Minimum, b.ExclusiveMinimum, 1)
	c.Maximum, c.ExclusiveMaximum = stricterBound(a.Maximum, a.ExclusiveMaximum, b.Maximum, b.ExclusiveMaximum, -1)
	c.MinLength, c.MinItems, c.MinProperties = max(a.MinLength, b.MinLength), max(a.MinItems, b.MinItems), max(a.MinProperties, b.MinProperties)
	c.MaxLength, c.MaxItems, c.MaxProperties = lower(a.MaxLength, b.MaxLength), lower(a.MaxItems, b.MaxItems), lower(a.MaxProperties, b.MaxProperties)
	c.UniqueItems = a.UniqueItems || b.UniqueItems
	for _, k := range []struct {
		name     string
		into     *string
		from, to string
	}{{"pattern", &c.Pattern, a.Pattern, b.Pattern}, {"format", &c.Format, a.Format, b.Format}} {
		switch {
		case k.to == "" || k.to == k.from:
		case k.from == "":
			*k.into = k.to
		default:
			clash = k.name
		}
	}
	switch {
	case b.MultipleOf == nil || a.MultipleOf != nil && *a.MultipleOf == *b.MultipleOf:
	case a.MultipleOf == nil:
		c.MultipleOf = b.MultipleOf
	default:
		clash = "multipleOf"
	}
	return &c, clash
}

// stricterBound picks the bound that rules out more: the greater minimum
// (sign 1) or the lesser maximum (sign -1), exclusive on a tie if either is.
func stricterBound(x *float64, xExcl bool, y *float64, yExcl bool, sign float64) (*float64, bool) {
	switch {
	case y == nil:
		return x, xExcl
	case x == nil || sign*(*y) > sign*(*x):
		return y, yExcl
	case *x == *y:
		return x, xExcl || yExcl
	}
	return x, xExcl
}

func lower(x, y *int64) *int64 {
	if x == nil || y != nil && *y < *x {
		return y
	}
	return x
}
