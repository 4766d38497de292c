package build

import (
	"errors"
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// constraints collects the validation keywords of s that apply to a value of kind,
// or nil when there are none. A pattern Go's regexp cannot compile is reported:
// the generated code compiles every pattern once at package level and must not panic.
func (b *builder) constraints(s *openapi3.Schema, kind ir.TypeKind, scalar string, path []string) *ir.Constraints {
	c := &ir.Constraints{}
	switch {
	case kind == ir.RawJSON:
		if s.Type != nil && len(*s.Type) > 0 {
			c.JSONTypes = slices.Clone(*s.Type)
			if s.Nullable {
				c.JSONTypes = append(c.JSONTypes, "null")
			}
		}
	case kind == ir.Array:
		c.MinItems, c.MaxItems, c.UniqueItems = int64(s.MinItems), uint64Ptr(s.MaxItems), s.UniqueItems
	case kind == ir.Map:
		c.MinProperties, c.MaxProperties = int64(s.MinProps), uint64Ptr(s.MaxProps)
	case scalar == "string":
		c.MinLength, c.MaxLength = int64(s.MinLength), uint64Ptr(s.MaxLength)
		if slices.Contains(checkedFormats, s.Format) {
			c.Format = s.Format
		}
		if s.Pattern != "" {
			pattern := goPattern(s.Pattern)
			var syntaxErr *syntax.Error
			_, err := regexp.Compile(pattern)
			switch {
			case errors.As(err, &syntaxErr) && syntaxErr.Code == syntax.ErrInvalidRepeatSize:
				// Valid ECMA-262, past RE2's limit of 1000 repetitions ({0,4096}):
				// the pattern is sound, Go cannot run it.
				b.warnf(append(slices.Clone(path), "pattern"), "pattern %q repeats more than Go's regular expressions allow (1000); Validate does not check it", s.Pattern)
			case err != nil:
				b.errorf(append(slices.Clone(path), "pattern"), "pattern %q is not a valid Go regular expression: %v", s.Pattern, err)
			default:
				c.Pattern = pattern
			}
		}
	case scalar != "" && scalar != "bool":
		c.MultipleOf = s.MultipleOf
		c.Minimum, c.ExclusiveMinimum = bound(s.Min, s.ExclusiveMin)
		c.Maximum, c.ExclusiveMaximum = bound(s.Max, s.ExclusiveMax)
	}
	if reflect.DeepEqual(*c, ir.Constraints{}) {
		return nil
	}
	return c
}

// checkedFormats are the string formats kin-openapi checks by default, and so
// acsgen contract and mock; Validate checks them too (acs.IsDate...). Other
// formats only annotate.
var checkedFormats = []string{"date", "date-time", "byte"}

// ecmaCodepoint is an ECMA-262 \uXXXX escape, which Go's regexp spells \x{XXXX}.
var ecmaCodepoint = regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`)

// goPattern rewrites the one ECMA-262 escape Go's regexp lacks, as kin-openapi
// does before compiling, so both accept the same strings.
func goPattern(p string) string { return ecmaCodepoint.ReplaceAllString(p, `\x{$1}`) }

// bound reads minimum or maximum with its exclusive flag: an OpenAPI 3.0 boolean
// qualifying the limit, or an OpenAPI 3.1 number replacing it.
func bound(limit *float64, exclusive openapi3.ExclusiveBound) (*float64, bool) {
	if exclusive.Value != nil {
		return exclusive.Value, true
	}
	return limit, limit != nil && exclusive.IsTrue()
}

func uint64Ptr(p *uint64) *int64 {
	if p == nil {
		return nil
	}
	n := int64(*p)
	return &n
}
