package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An allOf part that is its own component, directly or through a component that
// is only a $ref, is dropped with a warning at the $ref; the other parts stay
// where they are written. A cycle through another schema's allOf is still an
// error: there each schema adds to the other.
func TestAllOfSelfInclusionIsDropped(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    Base: {properties: {a: {type: string}}}
    Rec:
      allOf:
        - $ref: '#/components/schemas/Base'
        - $ref: '#/components/schemas/Rec'
        - properties: {b: {type: string}}
    Nested:
      allOf:
        - allOf: [{$ref: '#/components/schemas/Same'}]
        - properties: {c: {type: string}}
    Same: {$ref: '#/components/schemas/Nested'}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:10:17: warning: components.schemas.Rec.allOf.1: allOf part includes Rec in itself, which adds nothing to it; the part is dropped`,
		`s.yaml:14:26: warning: components.schemas.Nested.allOf.0.allOf.0: allOf part includes Nested in itself (through Same, which is only a $ref), which adds nothing to it; the part is dropped`,
	}, warningLines(spec))
	rec := spec.Doc.Components.Schemas["Rec"].Value
	require.Len(t, rec.AllOf, 3)
	assert.True(t, rec.AllOf[1].Value.IsEmpty())
	assert.Empty(t, rec.AllOf[1].Ref)
	assert.Contains(t, rec.AllOf[2].Value.Properties, "b")

	got := loadErr(t, `openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    C: {allOf: [{$ref: '#/components/schemas/D'}, {properties: {c: {type: string}}}]}
    D: {allOf: [{$ref: '#/components/schemas/C'}, {properties: {d: {type: string}}}]}
`)
	assert.Contains(t, got, "$ref cycle C → D → C")
}
