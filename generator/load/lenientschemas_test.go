package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// properties: left null is no properties, with a warning at the key.
func TestNullPropertiesAreNone(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
    B:
      type: object
      properties: ~
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:8:7: warning: components.schemas.A.properties: properties is null, not an object; the schema has no properties`,
		`s.yaml:11:7: warning: components.schemas.B.properties: properties is null, not an object; the schema has no properties`,
	}, warningLines(spec))
	assert.Empty(t, spec.Doc.Components.Schemas["A"].Value.Properties)
}

// const, OpenAPI 3.1's, is a one-value enum; one outside the schema's enum is an
// error at the const.
func TestConstIsAOneValueEnum(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    Kind: {type: string, const: car}
    Both: {type: integer, enum: [1, 2], const: 2}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:6:26: warning: components.schemas.Kind.const: const is OpenAPI 3.1; in 3.0 it is read as enum: ["car"]`,
		`s.yaml:7:41: warning: components.schemas.Both.const: const is OpenAPI 3.1; in 3.0 it is read as enum: [2]`,
	}, warningLines(spec))
	kind := spec.Doc.Components.Schemas["Kind"].Value
	assert.Equal(t, []any{"car"}, kind.Enum)
	assert.Nil(t, kind.Const)
	assert.Equal(t, []any{2.0}, spec.Doc.Components.Schemas["Both"].Value.Enum)

	assert.Equal(t, `s.yaml:6:44: components.schemas.Neither.const: const 3 is not among the schema's enum values; no value can be both`,
		loadErr(t, "openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    Neither: {type: integer, enum: [1, 2], const: 3}\n"))
}

// An array schema without items holds any JSON values.
func TestArrayWithoutItemsHoldsAnything(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    List:
      type: array
      description: no items
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:6:5: warning: components.schemas.List: the array schema has no items, which OpenAPI 3.0 requires; its items may be any JSON value`,
	}, warningLines(spec))
	items := spec.Doc.Components.Schemas["List"].Value.Items
	require.NotNil(t, items)
	assert.True(t, items.Value.IsEmpty())
}
