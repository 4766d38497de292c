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
s.yaml:7:15: $ref "other.yaml#/B" points outside this file; acsgen specs are self-contained
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
        - {name: n, in: query, schema: {type: integer}, example: "x"}
      responses: {"200": {description: ok}}
`)
	assert.Equal(t, `s.yaml:5:5: paths./a/{id}.get: path parameter "id" must be required
s.yaml:14:57: paths./b.get.parameters.0.example: example value at /: value must be an integer`, got)
}
