package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadErr(t *testing.T, src string) string {
	t.Helper()
	_, err := Data("s.yaml", []byte(src))
	require.Error(t, err)
	return err.Error()
}

func TestSyntaxAndShapeErrors(t *testing.T) {
	assert.Equal(t, "s.yaml:3:3: syntax error: mapping values are not allowed in this context",
		loadErr(t, "openapi: 3.0.3\ninfo:\n  title: a: b\n"))
	assert.Equal(t, "s.yaml:1:1: spec is not a YAML or JSON object", loadErr(t, "- a\n- b\n"))
	assert.Equal(t, `s.yaml:1:1: openapi: version "3.1.0" is not supported; acsgen reads OpenAPI 3.0 specs`,
		loadErr(t, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"))
}

func TestEveryBadRefIsReported(t *testing.T) {
	got := loadErr(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {$ref: '#/components/schemas/Nope'}
    B: {$ref: 'other.yaml#/B'}
    C: {type: array, items: {$ref: '#/components/schemas/A~1x'}}
`)
	assert.Equal(t, `s.yaml:6:15: $ref "#/components/schemas/Nope" resolves to nothing in this file
s.yaml:7:15: $ref "other.yaml#/B": other.yaml does not exist
s.yaml:8:36: $ref "#/components/schemas/A~1x" resolves to nothing in this file`, got)
}

func TestJSONSpecLoadsWithPositions(t *testing.T) {
	spec, err := Data("s.json", []byte(`{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
 "paths": {"/a": {"get": {"operationId": "A", "responses": {"200": {"description": "ok"}}}}}}`))
	require.NoError(t, err)
	pos := spec.Loc.Pos("paths", "/a", "get", "operationId")
	assert.Equal(t, "s.json:2:27", pos.String())
	assert.Equal(t, []string{"openapi", "info", "paths"}, spec.Loc.Keys())
}

func TestAllValidationProblemsAreReported(t *testing.T) {
	got := loadErr(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a/{id}:
    get:
      operationId: A
      parameters:
        - {name: id, in: path, schema: {type: string}}
      responses: {"200": {description: ok}}
  /b:
    get:
      operationId: B
      parameters:
        - {name: n, in: query, schema: {type: integer, default: "x"}}
      responses: {"200": {description: ok}}
`)
	assert.Equal(t, `s.yaml:8:11: warning: paths./a/{id}.get.parameters.0: path parameter "id" is not marked required, which OpenAPI requires of path parameters; it is required
s.yaml:14:56: paths./b.get.parameters.0.schema.default: default value at /: value must be an integer`, got)
}

// The YAML reader names no line for a character it refuses; the error points at it.
func TestRefusedCharactersArePositioned(t *testing.T) {
	assert.Equal(t, `s.yaml:4:16: syntax error: control character U+009B is not allowed in YAML; write it as the escape \u009B in a double-quoted string`,
		loadErr(t, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-note: \"中文 x\u00a0y\u009b\"\n"))
	assert.Equal(t, `s.yaml:2:9: syntax error: control character U+0007 is not allowed in YAML; write it as the escape \u0007 in a double-quoted string`,
		loadErr(t, "\ufeffopenapi: 3.0.3\ninfo: {t\a: 1}\n"))
	assert.Equal(t, `s.yaml:3:11: syntax error: byte 0xFF is not UTF-8; save the spec as UTF-8`,
		loadErr(t, "openapi: 3.0.3\r\ninfo: {}\r\npaths: {/a\xff: {}}\n"))
}

// A spec of another OpenAPI version gets that said first and alone, not the shape
// errors its 3.1 or 2.0 syntax would give as 3.0.
func TestVersionComesFirst(t *testing.T) {
	assert.Equal(t, `s.yaml:1:1: openapi: version "3.1.0" is not supported; acsgen reads OpenAPI 3.0 specs`,
		loadErr(t, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: [string, 'null']}\n    B: {$ref: 'other.yaml#/B'}\n"))
	assert.Equal(t, `s.yaml:2:1: swagger: Swagger 2.0 is not supported; acsgen reads OpenAPI 3.0 specs (convert the spec to OpenAPI 3.0 first)`,
		loadErr(t, "info: {title: t, version: '1'}\nswagger: '2.0'\npaths: {}\ndefinitions:\n  A: {type: [string]}\n"))
}

func TestTypeListIsNamed(t *testing.T) {
	assert.Equal(t, `s.yaml:6:15: components.schemas.A.type: type must be a single value, not a list; OpenAPI 3.0 has no type lists (nullable: true allows null)`,
		loadErr(t, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: [string, 'null']}\n"))
}
