package build

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// scalarAllOf merges an allOf whose parts are all scalar schemas of one JSON type
// (`allOf: [{type: integer, minimum: -5}, {type: integer, maximum: 5}]`, two
// string enums) into the one schema a value satisfying every part satisfies: the
// enum values all parts list, the tighter of each bound, a format or pattern
// only one part gives, nullable when every part is (or the allOf itself: see
// acceptsNull). The
// schema's own keywords count as one more part, and its annotations (description,
// example, default, extensions) are the merged schema's.
//
// ok is false when s is no such allOf: a wrapper of one schema (wrappedPart), a
// part that is an object, array, map or union (mergeAllOf's business), or no part
// that gives a scalar type. merged is nil when no
// value could satisfy every part, or when Go validation cannot say what they do
// together (two patterns); each is reported at s.
func (b *builder) scalarAllOf(s *openapi3.Schema, path []string) (merged *openapi3.Schema, ok bool) {
	if _, _, wraps := wrappedPart(s); wraps || len(s.AllOf) == 0 {
		return nil, false // a wrapper is the schema it wraps (unwrapAllOf)
	}
	if m, done := b.scalarMerges[s]; done {
		return m, true
	}
	parts, ok := b.scalarParts(s, path, 0)
	if !ok {
		return nil, false
	}
	merged = b.mergeScalars(s, parts, path)
	if b.scalarMerges == nil {
		b.scalarMerges = map[*openapi3.Schema]*openapi3.Schema{}
	}
	b.scalarMerges[s] = merged
	return merged, true
}

// scalarPart is one schema of a scalar allOf, where it is declared.
type scalarPart struct {
	s    *openapi3.Schema
	path []string
	own  bool // the allOf's own keywords, not a part
}

// scalarParts lists s's own keywords and its allOf parts, nested allOfs
// flattened, when every one is scalar and one at least gives a scalar type.
func (b *builder) scalarParts(s *openapi3.Schema, path []string, depth int) ([]scalarPart, bool) {
	if depth > 64 || !scalarOnly(s) { // nested like a wrapper chain, bounded like load.MaxRefChain
		return nil, false
	}
	own := *s
	own.AllOf = nil
	parts := []scalarPart{{s: &own, path: path, own: depth == 0}}
	for i, part := range s.AllOf {
		if part == nil || part.Value == nil {
			return nil, false
		}
		partPath := append(slices.Clone(path), "allOf", strconv.Itoa(i))
		if name, isComponent := strings.CutPrefix(part.Ref, componentPrefix); isComponent {
			partPath = []string{"components", "schemas", name}
		}
		sub, ok := b.scalarParts(part.Value, partPath, depth+1)
		if !ok {
			return nil, false
		}
		parts = append(parts, sub...)
	}
	if depth == 0 && !slices.ContainsFunc(parts, func(p scalarPart) bool { return p.s.Type != nil }) {
		return nil, false
	}
	return parts, true
}

// scalarOnly reports whether s holds nothing but scalar keywords (and allOf).
func scalarOnly(s *openapi3.Schema) bool {
	if s.Type != nil && !(s.Type.Is("string") || s.Type.Is("integer") || s.Type.Is("number") || s.Type.Is("boolean")) {
		return false
	}
	return len(s.Properties)+len(s.OneOf)+len(s.AnyOf)+len(s.Required) == 0 && s.Not == nil && s.Items == nil &&
		s.AdditionalProperties.Schema == nil && s.AdditionalProperties.Has == nil && s.Discriminator == nil &&
		s.MinProps == 0 && s.MaxProps == nil && s.MinItems == 0 && s.MaxItems == nil && !s.UniqueItems
}

// mergeScalars folds the parts into one schema, or reports why there is none.
func (b *builder) mergeScalars(s *openapi3.Schema, parts []scalarPart, path []string) *openapi3.Schema {
	m := &openapi3.Schema{Extensions: s.Extensions, Title: s.Title, Description: s.Description,
		Example: s.Example, Default: s.Default, Deprecated: s.Deprecated}
	var typed, formatted, enumOf, minOf, maxOf, multipleOf, patternOf *scalarPart
	var minEx, maxEx bool
	for i := range parts {
		p := &parts[i]
		if !p.own {
			m.Description = firstNonEmpty(m.Description, p.s.Description)
			m.Title = firstNonEmpty(m.Title, p.s.Title)
		}
		m.ReadOnly, m.WriteOnly = m.ReadOnly || p.s.ReadOnly, m.WriteOnly || p.s.WriteOnly
		if t := p.s.Type; t != nil {
			switch {
			case typed == nil || typeName(typed.s) == typeName(p.s) || typed.s.Type.Is("integer") && t.Is("number"):
				if typed == nil {
					typed = p
				}
			case typed.s.Type.Is("number") && t.Is("integer"):
				typed = p // every integer is a number
			default:
				b.errorf(path, "allOf parts are %s (at %s) and %s (at %s); no value is both", typeName(typed.s), b.loc.Pos(typed.path...), typeName(p.s), b.loc.Pos(p.path...))
				return nil
			}
		}
		if f := p.s.Format; f != "" {
			switch {
			case formatted == nil || formatted.s.Format == f:
				formatted = cmpOr(formatted, p)
			case f == "int32" && formatted.s.Format == "int64":
				formatted = p // the tighter integer
			case f == "int64" && formatted.s.Format == "int32":
			default:
				b.errorf(path, "allOf parts have formats %q (at %s) and %q (at %s); declare one", formatted.s.Format, b.loc.Pos(formatted.path...), f, b.loc.Pos(p.path...))
				return nil
			}
		}
		if len(p.s.Enum) > 0 {
			before := m.Enum
			if enumOf == nil {
				m.Enum = slices.Clone(p.s.Enum)
			} else {
				m.Enum = slices.DeleteFunc(slices.Clone(m.Enum), func(v any) bool {
					return !slices.ContainsFunc(p.s.Enum, func(w any) bool { return reflect.DeepEqual(v, w) })
				})
			}
			if len(m.Enum) == 0 {
				// Often meant as anyOf, which takes a value of either list.
				b.errorf(path, "allOf parts allow the enum values %s (at %s) and %s (at %s), which have none in common, so no value satisfies every part; to allow a value of either list, write anyOf",
					enumList(before), b.loc.Pos(cmpOr(enumOf, p).path...), enumList(p.s.Enum), b.loc.Pos(p.path...))
				return nil
			}
			enumOf = p
		}
		if lo, ex := bound(p.s.Min, p.s.ExclusiveMin); lo != nil && (m.Min == nil || *lo > *m.Min || *lo == *m.Min && ex) {
			m.Min, minEx, minOf = lo, ex, p
		}
		if hi, ex := bound(p.s.Max, p.s.ExclusiveMax); hi != nil && (m.Max == nil || *hi < *m.Max || *hi == *m.Max && ex) {
			m.Max, maxEx, maxOf = hi, ex, p
		}
		if k := p.s.MultipleOf; k != nil {
			switch {
			case m.MultipleOf == nil || multipleOfOther(*m.MultipleOf, *k):
				m.MultipleOf, multipleOf = k, p
			case multipleOfOther(*k, *m.MultipleOf):
			case whole(*k) && whole(*m.MultipleOf) && *k > 0 && *m.MultipleOf > 0:
				// A multiple of whole numbers a and b is a multiple of their least
				// common multiple, and the other way round.
				a, c := int64(*m.MultipleOf), int64(*k)
				l := float64(a / gcd(a, c) * c)
				m.MultipleOf, multipleOf = &l, p
			default:
				b.errorf(path, "allOf parts have multipleOf %v (at %s) and %v (at %s), neither a multiple of the other nor both whole numbers; declare their common multiple", *m.MultipleOf, b.loc.Pos(multipleOf.path...), *k, b.loc.Pos(p.path...))
				return nil
			}
		}
		m.MinLength = max(m.MinLength, p.s.MinLength)
		if p.s.MaxLength != nil && (m.MaxLength == nil || *p.s.MaxLength < *m.MaxLength) {
			m.MaxLength = p.s.MaxLength
		}
		if pat := p.s.Pattern; pat != "" {
			if patternOf != nil && patternOf.s.Pattern != pat {
				b.errorf(path, "allOf parts have patterns %q (at %s) and %q (at %s); generated validation checks one pattern a value, so declare one that says both", patternOf.s.Pattern, b.loc.Pos(patternOf.path...), pat, b.loc.Pos(p.path...))
				return nil
			}
			m.Pattern, patternOf = pat, p
		}
	}
	m.Type = typed.s.Type
	if formatted != nil {
		m.Format = formatted.s.Format
	}
	m.Nullable = acceptsNull(s)
	if minEx {
		m.ExclusiveMin = openapi3.ExclusiveBound{Bool: new(true)}
	}
	if maxEx {
		m.ExclusiveMax = openapi3.ExclusiveBound{Bool: new(true)}
	}
	if m.Min != nil && m.Max != nil && (*m.Min > *m.Max || *m.Min == *m.Max && (minEx || maxEx)) {
		b.errorf(path, "allOf parts bound the value from %s (at %s) and %s (at %s); no number is in between", describeBound(*m.Min, minEx, ">"), b.loc.Pos(minOf.path...), describeBound(*m.Max, maxEx, "<"), b.loc.Pos(maxOf.path...))
		return nil
	}
	if m.MaxLength != nil && m.MinLength > *m.MaxLength {
		b.errorf(path, "allOf parts ask for at least %d and at most %d characters; no string has both", m.MinLength, *m.MaxLength)
		return nil
	}
	return m
}

// acceptsNull reports whether kin-openapi lets null through s: s is nullable, or
// s is an allOf whose every part lets it through (a null fails any other part).
func acceptsNull(s *openapi3.Schema) bool {
	if s.Nullable {
		return true
	}
	if len(s.AllOf) == 0 {
		return false
	}
	for _, part := range s.AllOf {
		if part.Value == nil || !acceptsNull(part.Value) {
			return false
		}
	}
	return true
}

func cmpOr(p, q *scalarPart) *scalarPart {
	if p != nil {
		return p
	}
	return q
}

// multipleOfOther reports whether k is a whole multiple of base, so a multiple of
// k is a multiple of both.
func multipleOfOther(base, k float64) bool {
	if base == 0 {
		return false
	}
	q := k / base
	return q >= 1 && q == math.Trunc(q)
}

func whole(f float64) bool { return f == math.Trunc(f) && math.Abs(f) < 1<<53 }

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func describeBound(v float64, exclusive bool, op string) string {
	if !exclusive {
		op += "="
	}
	return fmt.Sprintf("%s %v", op, v)
}

// enumList writes enum values for a message, as JSON: "a", "b", 3.
func enumList(values []any) string {
	out := make([]string, len(values))
	for i, v := range values {
		text, err := jsonText(v)
		if err != nil {
			text = []byte(fmt.Sprint(v))
		}
		out[i] = string(text)
	}
	return strings.Join(out, ", ")
}
