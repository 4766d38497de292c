package build

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// allOfUnion is an allOf one of whose parts (or a part of a part) is a
// oneOf/anyOf: `allOf: [{$ref: Base}, {oneOf: [A, B]}]`. A value is valid for it
// exactly when it is valid for every other part and for exactly one (oneOf) or
// at least one (anyOf) alternative, which is the union `oneOf: [A, B]` with the
// other parts beside it: each alternative must also hold them. So the allOf is
// built as that union (fillUnion, whose shared properties merge the other parts
// into each object alternative), with the union part's discriminator.
type allOfUnion struct {
	schema  *openapi3.Schema // the union: the allOf, the union part's oneOf/anyOf moved up
	altPath []string         // where the union part declares its alternatives
}

// unionPart is a part of an allOf tree that is a union, and where it is.
type unionPart struct {
	s    *openapi3.Schema
	path []string
}

// allOfOverUnion returns s as a union when s is an allOf over one, ok false when
// it is not. The union is nil, and reported, when s has several union parts
// (their product is not one union of theirs: a oneOf beside an anyOf, say), or
// when an alternative holds the union again, through allOf.
func (b *builder) allOfOverUnion(s *openapi3.Schema, path []string) (u *allOfUnion, ok bool) {
	if len(s.AllOf) == 0 || len(s.OneOf)+len(s.AnyOf) > 0 {
		return nil, false // no allOf, or a union with parts beside it (union_shared.go)
	}
	var found []unionPart
	unionParts(s, path, 0, &found)
	switch len(found) {
	case 0:
		return nil, false
	case 1:
	default:
		var at []string
		for _, p := range found {
			at = append(at, b.loc.Pos(p.path...).String())
		}
		b.errorf(path, "allOf parts at %s are each a oneOf or anyOf; acsgen builds an allOf over one union, so merge them into one", strings.Join(at, " and "))
		return nil, true
	}
	part := found[0]
	keyword, alts := "oneOf", part.s.OneOf
	if len(alts) == 0 {
		keyword, alts = "anyOf", part.s.AnyOf
	}
	for i, alt := range alts {
		if alt != nil && alt.Value != nil && holds(alt.Value, part.s, 0) {
			// Pet: {oneOf: [Cat, ...]}, Cat: {allOf: [Pet, ...]}: each alternative
			// would have to hold itself.
			b.errorf(path, "allOf part at %s is a %s whose alternative %d includes that %s again through allOf, so no alternative can hold the other parts; declare the properties the alternatives share in a schema of their own and put that in the allOf",
				b.loc.Pos(part.path...), keyword, i, keyword)
			return nil, true
		}
	}
	union := *s
	union.AllOf = withoutUnion(s, part.s).AllOf
	union.OneOf, union.AnyOf = part.s.OneOf, part.s.AnyOf
	if part.s.Discriminator != nil {
		union.Discriminator = part.s.Discriminator
	}
	return &allOfUnion{schema: &union, altPath: part.path}, true
}

// unionParts collects the parts of s's allOf, and of their allOfs, that are
// unions, with their paths (a $ref's is its component's).
func unionParts(s *openapi3.Schema, path []string, depth int, found *[]unionPart) {
	if depth > 64 { // nested like a wrapper chain, bounded like load.MaxRefChain
		return
	}
	for i, part := range s.AllOf {
		if part == nil || part.Value == nil {
			continue
		}
		partPath := append(slices.Clone(path), "allOf", strconv.Itoa(i))
		if name, isComponent := strings.CutPrefix(part.Ref, componentPrefix); isComponent {
			partPath = []string{"components", "schemas", name}
		}
		if len(part.Value.OneOf)+len(part.Value.AnyOf) > 0 {
			// The same union twice is the union once (withoutUnion strips both).
			if !slices.ContainsFunc(*found, func(u unionPart) bool { return u.s == part.Value }) {
				*found = append(*found, unionPart{s: part.Value, path: partPath})
			}
			continue
		}
		unionParts(part.Value, partPath, depth+1, found)
	}
}

// withoutUnion copies s with the union part target, wherever it is in s's allOf
// tree, left as what it says beside its alternatives (type, properties,
// required...), which then holds for every alternative. Only the schemas on
// the way to target are copied; a $ref keeps its name, so positions stay its
// component's.
func withoutUnion(s, target *openapi3.Schema) *openapi3.Schema {
	c := *s
	if s == target {
		c.OneOf, c.AnyOf, c.Discriminator = nil, nil, nil
		return &c
	}
	c.AllOf = make(openapi3.SchemaRefs, len(s.AllOf))
	for i, part := range s.AllOf {
		c.AllOf[i] = part
		if part != nil && part.Value != nil && holds(part.Value, target, 0) {
			c.AllOf[i] = &openapi3.SchemaRef{Ref: part.Ref, Value: withoutUnion(part.Value, target)}
		}
	}
	return &c
}

// holds reports whether target is s or in s's allOf tree.
func holds(s, target *openapi3.Schema, depth int) bool {
	if s == target {
		return true
	}
	if depth > 64 {
		return false
	}
	return slices.ContainsFunc(s.AllOf, func(p *openapi3.SchemaRef) bool {
		return p != nil && p.Value != nil && holds(p.Value, target, depth+1)
	})
}
