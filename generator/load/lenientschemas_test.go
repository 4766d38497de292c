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

// An example that does not match its schema is a warning at the offending value,
// and is taken out of the spec, so nothing generated shows it; a default off only
// in its format is a warning and stays; any other bad default is an error.
func TestExamplesThatDoNotMatchAreLeftOut(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      parameters:
        - {name: n, in: query, schema: {type: integer}, example: "x"}
        - {name: d, in: query, schema: {type: string, format: date, default: 04/03/2001}}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              properties: {id: {type: string}}
            example: {id: a, name: b}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
              examples:
                good: {value: {id: a}}
                bad: {value: {id: 1}}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:7:57: warning: paths./a.get.parameters.0.example: example value at /: value must be an integer; the example is left out of generated examples and docs`,
		`s.yaml:8:69: warning: paths./a.get.parameters.1.schema.default: default value at /: string doesn't match the format "date" (string doesn't match pattern "^[0-9]{4}-(0[1-9]|10|11|12)-(0[1-9]|[12][0-9]|3[01])$"); generated code does not read defaults, and the docs show it as written`,
		`s.yaml:16:13: warning: paths./a.get.requestBody.content.application/json.example: example value at /: property "name" is unsupported; the example is left out of generated examples and docs`,
		`s.yaml:25:31: warning: paths./a.get.responses.200.content.application/json.examples.bad.value: example value at /id: value must be a string; the example is left out of generated examples and docs`,
	}, warningLines(spec))
	op := spec.Doc.Paths.Value("/a").Get
	assert.Nil(t, op.Parameters[0].Value.Example)
	assert.Equal(t, "04/03/2001", op.Parameters[1].Value.Schema.Value.Default)
	assert.Nil(t, op.RequestBody.Value.Content["application/json"].Example)
	assert.Equal(t, []string{"good"}, sortedKeys(op.Responses.Value("200").Value.Content["application/json"].Examples))

	assert.Contains(t, loadErr(t, `openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    N: {type: integer, default: "x"}
`), `s.yaml:6:24: components.schemas.N.default: default value at /: value must be an integer`)
}

// Numbers and booleans in a string enum are the strings written, each with a
// warning at the value; an integer enum keeps its numbers.
func TestStringEnumReadsUnquotedValuesAsStrings(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    Code: {type: string, enum: [a, 2, true, 2.50]}
    Level: {type: integer, enum: [1, 2]}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:6:36: warning: components.schemas.Code.enum.1: enum value 2 is a number, but the schema's type is string; it is read as the string "2"`,
		`s.yaml:6:39: warning: components.schemas.Code.enum.2: enum value true is a boolean, but the schema's type is string; it is read as the string "true"`,
		`s.yaml:6:45: warning: components.schemas.Code.enum.3: enum value 2.5 is a number, but the schema's type is string; it is read as the string "2.50"`,
	}, warningLines(spec))
	assert.Equal(t, []any{"a", "2", "true", "2.50"}, spec.Doc.Components.Schemas["Code"].Value.Enum)
	assert.Equal(t, []any{1.0, 2.0}, spec.Doc.Components.Schemas["Level"].Value.Enum)
}
