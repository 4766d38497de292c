package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A path without its leading slash, and template expressions with RFC 6570's
// label and matrix operators whose parameter has that style, are read as OpenAPI
// writes them, with a warning at the key; positions under the new key are those
// of the key written.
func TestPathKeysAreRead(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  thing:
    get:
      responses: {"200": {description: ok}}
  /label/{.ids*}:
    get:
      parameters:
        - {name: ids, in: path, required: true, style: label, explode: true, schema: {type: array, items: {type: integer}}}
      responses: {"200": {description: ok}}
  /simple/{ids*}:
    get:
      parameters:
        - {name: ids, in: path, required: true, explode: true, schema: {type: array, items: {type: integer}}}
      responses: {"200": {description: ok}}
  /matrix/{;id}/{.x}:
    parameters:
      - {name: id, in: path, required: true, style: matrix, schema: {type: string}}
      - {name: x, in: path, required: true, style: matrix, schema: {type: string}}
    get:
      responses: {"200": {description: ok}}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:4:3: warning: paths.thing: path "thing" is read as "/thing": it does not start with "/"`,
		`s.yaml:7:3: warning: paths./label/{.ids*}: path "/label/{.ids*}" is read as "/label/{ids}": {.ids*} uses an RFC 6570 operator, which OpenAPI leaves to the parameter's style (label)`,
		`s.yaml:12:3: warning: paths./simple/{ids*}: path "/simple/{ids*}" is read as "/simple/{ids}": {ids*} uses RFC 6570's explode modifier, which OpenAPI leaves to the parameter's explode`,
		`s.yaml:17:3: warning: paths./matrix/{;id}/{.x}: path "/matrix/{;id}/{.x}" is read as "/matrix/{id}/{x}": {;id} uses an RFC 6570 operator, which OpenAPI leaves to the parameter's style (matrix); {.x} uses an RFC 6570 operator, which OpenAPI leaves to the parameter's style (matrix)`,
	}, warningLines(spec))
	assert.ElementsMatch(t, []string{"/thing", "/label/{ids}", "/simple/{ids}", "/matrix/{id}/{x}"}, spec.Doc.Paths.Keys())
	assert.Equal(t, "s.yaml:10:11", spec.Loc.Pos("paths", "/label/{ids}", "get", "parameters", "0").String())
}

// An operator whose parameter has another style says something OpenAPI cannot:
// still kin-openapi's error. So is a rewritten key the spec already has.
func TestPathKeysThatCannotBeRead(t *testing.T) {
	assert.Contains(t, loadErr(t, `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a/{.id}:
    get:
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
`), "must define exactly all path parameters")
	assert.Equal(t, `s.yaml:4:3: paths.a: path "a" would be read as "/a", which the spec already has at s.yaml:7:3`, loadErr(t, `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  a:
    get:
      responses: {"200": {description: ok}}
  /a:
    get:
      responses: {"200": {description: ok}}
`))
}

// A path item $ref serves another path's operations under a second path: the
// repeated operationIds are numbered there, with a warning at the path, and the
// original keeps its own. Two operations written with one id are still an error.
func TestAliasedPathNumbersItsOperationIDs(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /test:
    get:
      operationId: getTest
      responses: {"200": {description: ok}}
    put:
      operationId: putTest
      responses: {"200": {description: ok}}
  /test2:
    $ref: '#/paths/~1test'
  /other:
    get:
      operationId: getTest2
      responses: {"200": {description: ok}}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:11:3: warning: paths./test2: path /test2 is a $ref to /test, so its GET repeats operationId "getTest"; it is "getTest3" here`,
		`s.yaml:11:3: warning: paths./test2: path /test2 is a $ref to /test, so its PUT repeats operationId "putTest"; it is "putTest2" here`,
	}, warningLines(spec))
	assert.Equal(t, "getTest", spec.Doc.Paths.Value("/test").Get.OperationID)
	assert.Equal(t, "getTest3", spec.Doc.Paths.Value("/test2").Get.OperationID)
	assert.Equal(t, "putTest2", spec.Doc.Paths.Value("/test2").Put.OperationID)

	assert.Contains(t, loadErr(t, `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      operationId: same
      responses: {"200": {description: ok}}
  /b:
    get:
      operationId: same
      responses: {"200": {description: ok}}
`), `have the same operation id "same"`)
}
