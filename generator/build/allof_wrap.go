package build

import (
	"reflect"
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// wrappedPart returns the part of an allOf that alone says what a value is, when
// the allOf wraps a schema that is not an object: `allOf: [{$ref: Status}]` with a
// description or nullable beside it, the usual way in OpenAPI 3.0 to annotate a
// $ref. Every other part, and the schema itself, may only annotate (description,
// example, default...): a value satisfies them all exactly when it satisfies the
// one part, so the value's type is that part's. Objects are left to mergeAllOf.
func wrappedPart(s *openapi3.Schema) (*openapi3.SchemaRef, int, bool) {
	if len(s.AllOf) == 0 || !annotates(s, true) {
		return nil, 0, false
	}
	found := -1
	for i, part := range s.AllOf {
		if part == nil || part.Value == nil {
			return nil, 0, false
		}
		if part.Ref == "" && annotates(part.Value, false) {
			continue
		}
		if found >= 0 {
			return nil, 0, false // two parts constrain the value: a merge, not a wrapper
		}
		found = i
	}
	if found < 0 || !notObject(s.AllOf[found].Value) {
		return nil, 0, false
	}
	return s.AllOf[found], found, true
}

// annotates reports whether s holds nothing that constrains a value: only
// annotations, and for the wrapping schema itself its allOf and nullable (which
// the field holding it reads). Whatever else a schema may hold counts as a
// constraint, including fields later kin-openapi releases add.
func annotates(s *openapi3.Schema, wrapper bool) bool {
	c := *s
	c.Extensions, c.Origin, c.Title, c.Description, c.Default, c.Example, c.ExternalDocs = nil, nil, "", "", nil, nil, nil
	c.Deprecated, c.XML = false, nil
	if wrapper {
		c.AllOf, c.Nullable = nil, false
	}
	return reflect.ValueOf(c).IsZero()
}

// notObject reports whether s describes something mergeAllOf cannot merge: a
// scalar, an array, an enum, a union or a map.
func notObject(s *openapi3.Schema) bool {
	return len(s.OneOf)+len(s.AnyOf)+len(s.Enum) > 0 || (s.Type != nil && !s.Type.Is("object")) ||
		(len(s.Properties)+len(s.AllOf) == 0 && s.AdditionalProperties.Schema != nil)
}

// singleAlternative returns the alternative of a oneOf or anyOf that has only
// one, when the schema holding it only annotates it (as wrappedPart has it): a
// value is valid for oneOf [X], and for anyOf [X], exactly when it is valid for
// X, so the value's type is X's. A discriminator beside it constrains.
func singleAlternative(s *openapi3.Schema) (*openapi3.SchemaRef, string, bool) {
	keyword, alts := "oneOf", s.OneOf
	if len(alts) == 0 {
		keyword, alts = "anyOf", s.AnyOf
	}
	if len(alts) != 1 || len(s.OneOf)+len(s.AnyOf) != 1 || len(s.AllOf) > 0 || alts[0] == nil || alts[0].Value == nil {
		return nil, "", false
	}
	c := *s
	c.OneOf, c.AnyOf = nil, nil
	if !annotates(&c, true) {
		return nil, "", false
	}
	return alts[0], keyword, true
}

// unwrapAllOf follows wrappedPart and singleAlternative from s, returning the
// schema (or $ref) it wraps and that schema's path; ok is false when s is no
// wrapper.
func unwrapAllOf(s *openapi3.Schema, path []string) (ref *openapi3.SchemaRef, at []string, ok bool) {
	for range 64 { // a wrapper of a wrapper..., bounded like load.MaxRefChain
		part, i, wraps := wrappedPart(s)
		keyword := "allOf"
		if !wraps {
			part, keyword, wraps = singleAlternative(s)
		}
		if !wraps {
			break
		}
		ref, at, ok = part, append(slices.Clone(path), keyword, strconv.Itoa(i)), true
		if part.Ref != "" {
			break
		}
		s, path = part.Value, at
	}
	return ref, at, ok
}

// aliasWrapped makes m, a component wrapping a $ref in allOf, an alias of the
// component the $ref names, as a component that is only a $ref is. A chain of
// wrappers back to m never gets here: load refuses $ref cycles through allOf.
func (b *builder) aliasWrapped(m *ir.Model, ref string, at []string) {
	if target := b.refTarget(ref, at); target != nil {
		m.Kind, m.Type = ir.Alias, named(target.GoName)
	}
}
