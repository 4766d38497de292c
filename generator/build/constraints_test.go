package build

import (
	"regexp"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
)

// ECMA-262's \uXXXX escape becomes Go's \x{XXXX}, as kin-openapi rewrites it, so
// the generated check and kin-openapi accept the same strings.
func TestGoPatternRewritesCodepointEscapes(t *testing.T) {
	p := goPattern(`^caf\u00E9-[a-z]+$`)
	assert.Equal(t, `^caf\x{00E9}-[a-z]+$`, p)
	assert.True(t, regexp.MustCompile(p).MatchString("café-x"))
	assert.Equal(t, `^\d+$`, goPattern(`^\d+$`), "other patterns are left alone")
}

func TestBoundReadsBothExclusiveStyles(t *testing.T) {
	limit, yes := 5.0, true
	got, exclusive := bound(&limit, openapi3.ExclusiveBound{Bool: &yes})
	assert.Equal(t, &limit, got)
	assert.True(t, exclusive, "OpenAPI 3.0: a boolean qualifies the limit")

	v31 := 7.0
	got, exclusive = bound(nil, openapi3.ExclusiveBound{Value: &v31})
	assert.Equal(t, &v31, got)
	assert.True(t, exclusive, "OpenAPI 3.1: the number is the limit")

	got, exclusive = bound(nil, openapi3.ExclusiveBound{Bool: &yes})
	assert.Nil(t, got)
	assert.False(t, exclusive, "exclusiveMinimum without minimum bounds nothing")
}
