package load

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A spec without a title loads with a warning at info.title, and keeps no title:
// the stand-in kin-openapi validated with is gone.
func TestMissingTitleIsAWarning(t *testing.T) {
	spec, err := Data("s.yaml", []byte("openapi: 3.0.3\ninfo:\n  title: \"\"\n  version: \"1\"\npaths: {}\n"))
	require.NoError(t, err)
	require.Len(t, spec.Warnings, 1)
	assert.Equal(t, `s.yaml:3:3: warning: info.title: info has no title, which OpenAPI requires; the generated client and docs are named after the package`, spec.Warnings[0].String())
	assert.Empty(t, spec.Doc.Info.Title)

	spec, err = Data("s.yaml", []byte("openapi: 3.0.3\ninfo:\n  version: \"1\"\npaths: {}\n"))
	require.NoError(t, err, "no title key at all")
	require.Len(t, spec.Warnings, 1)
	assert.Equal(t, "s.yaml:2:1", spec.Warnings[0].Pos.String(), "at info, the nearest node there is")
}

// A file of components only loads, with a warning, and has empty paths.
func TestMissingPathsIsAWarning(t *testing.T) {
	spec, err := Data("s.yaml", []byte("openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\ncomponents:\n  schemas:\n    A: {type: string}\n"))
	require.NoError(t, err)
	require.Len(t, spec.Warnings, 1)
	assert.Equal(t, `s.yaml:1:1: warning: paths: the spec has no paths, which OpenAPI requires; only the types of its components are generated`, spec.Warnings[0].String())
	assert.Zero(t, spec.Doc.Paths.Len())

	_, err = Data("s.yaml", []byte("openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\npaths: []\n"))
	require.Error(t, err, "paths that are not an object are still refused")
}

// What OpenAPI requires and nothing generated depends on is a warning each, at
// its place, and the spec loads: no info version, a response without a
// description (inline and in components), a path parameter not marked required.
func TestLeniencies(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T}
paths:
  /a/{id}:
    get:
      operationId: A
      parameters:
        - {name: id, in: path, schema: {type: string}}
      responses:
        "200": {content: {application/json: {schema: {type: string}}}}
        "404": {$ref: '#/components/responses/Missing'}
components:
  responses:
    Missing: {}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:2:1: warning: info.version: info has no version, which OpenAPI requires`,
		`s.yaml:8:11: warning: paths./a/{id}.get.parameters.0: path parameter "id" is not marked required, which OpenAPI requires of path parameters; it is required`,
		`s.yaml:10:9: warning: paths./a/{id}.get.responses.200: the response has no description, which OpenAPI requires`,
		`s.yaml:14:5: warning: components.responses.Missing: the response has no description, which OpenAPI requires`,
	}, warningLines(spec))
	assert.Empty(t, spec.Doc.Info.Version, "the stand-in is gone")
	assert.True(t, spec.Doc.Paths.Value("/a/{id}").Get.Parameters[0].Value.Required)
}

// An undeclared path template variable, a parameter without a schema and an
// operation without responses are warnings; the spec loads with a required
// string, a string, and a default response without a body in their places.
func TestLeniencyStandIns(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a/{id}/{part}:
    get:
      operationId: A
      parameters:
        - {name: part, in: path, required: true, schema: {type: integer}}
        - {name: q, in: query}
        - {name: any, in: query, schema: {description: anything}}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:5:5: warning: paths./a/{id}/{part}.get: path parameter "id" of /a/{id}/{part} is not declared, which OpenAPI requires; it is a required string`,
		`s.yaml:5:5: warning: paths./a/{id}/{part}.get: the operation has no responses, which OpenAPI requires; any answer is taken as its default response, without a body`,
		`s.yaml:9:11: warning: paths./a/{id}/{part}.get.parameters.1: parameter "q" has no schema, which OpenAPI requires; it is a string`,
	}, warningLines(spec))
	op := spec.Doc.Paths.Value("/a/{id}/{part}").Get
	require.Len(t, op.Parameters, 4)
	id := op.Parameters[3].Value
	assert.Equal(t, []any{"id", "path", true, true}, []any{id.Name, id.In, id.Required, id.Schema.Value.Type.Is("string")})
	assert.True(t, op.Parameters[1].Value.Schema.Value.Type.Is("string"))
	assert.True(t, op.Parameters[2].Value.Schema.Value.Type.Is("string"), "an untyped schema is a string")
	require.NotNil(t, op.Responses.Default())
	assert.Empty(t, op.Responses.Default().Value.Content)
}

func warningLines(spec *Spec) []string {
	var out []string
	for _, w := range spec.Warnings {
		out = append(out, w.String())
	}
	return out
}

// A server variable whose default is the empty string is a warning at the default
// and keeps it: the URL leaves the variable out. A default not written at all is
// still an error.
func TestEmptyServerVariableDefault(t *testing.T) {
	spec, err := Data("s.json", []byte(`{"openapi": "3.0.3", "info": {"title": "T", "version": "1"},
 "servers": [{"url": "{base}/v2", "variables": {"base": {"default": ""}}}],
 "paths": {}}`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.json:2:58: warning: servers.0.variables.base.default: server variable "base" defaults to the empty string; the server URL leaves it out`,
	}, warningLines(spec))
	assert.Empty(t, spec.Doc.Servers[0].Variables["base"].Default, "the stand-in is gone")

	assert.Contains(t, loadErr(t, "openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\nservers: [{url: \"{base}/v2\", variables: {base: {description: none}}}]\npaths: {}\n"),
		"field default is required")
}

// A security requirement naming a scheme the spec does not declare is a warning
// at the name and is dropped, globally and on an operation; the others stay.
func TestUndeclaredSecuritySchemeIsIgnored(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
security:
  - api_key: []
  - basic: []
paths:
  /a:
    get:
      security: [{token: []}]
      responses:
        "200": {description: ok}
components:
  securitySchemes:
    basic: {type: http, scheme: basic}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:4:5: warning: security.0.api_key: security requirement names scheme "api_key", which components.securitySchemes does not declare; the requirement is ignored`,
		`s.yaml:9:19: warning: paths./a.get.security.0.token: security requirement names scheme "token", which components.securitySchemes does not declare; the requirement is ignored`,
	}, warningLines(spec))
	assert.Equal(t, openapi3.SecurityRequirements{{"basic": {}}}, spec.Doc.Security)
	assert.Empty(t, *spec.Doc.Paths.Value("/a").Get.Security)
}
