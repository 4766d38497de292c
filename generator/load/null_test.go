package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A media type written with nothing under it ("application/json:") is YAML null,
// which kin-openapi decodes as a nil *MediaType; it reads as {} (no schema).
func TestNullMediaTypeIsEmpty(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    post:
      operationId: A
      parameters:
        - name: q
          in: query
          content:
            application/json:
      requestBody:
        content:
          application/json:
      responses:
        "200":
          description: ok
          headers:
            X-H:
              content:
                text/plain:
          content:
            application/json:
components:
  responses:
    R:
      description: r
      content:
        application/json:
  requestBodies:
    B:
      content:
        text/plain:
`))
	require.NoError(t, err)
	op := spec.Doc.Paths.Value("/a").Post
	assert.NotNil(t, op.RequestBody.Value.Content["application/json"])
	assert.NotNil(t, op.Responses.Value("200").Value.Content["application/json"])
	assert.NotNil(t, op.Responses.Value("200").Value.Headers["X-H"].Value.Content["text/plain"])
	assert.NotNil(t, op.Parameters[0].Value.Content["application/json"])
	assert.NotNil(t, spec.Doc.Components.Responses["R"].Value.Content["application/json"])
	assert.NotNil(t, spec.Doc.Components.RequestBodies["B"].Value.Content["text/plain"])
}

// Objects other than media types must not be null; kin-openapi says so without a
// position ("invalid response: value MUST be an object" at 1:1).
func TestNullObjectsArePositioned(t *testing.T) {
	got := loadErr(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: A
      parameters:
        -
      responses:
        "200":
          description: ok
          headers:
            X-H:
          links:
            l:
          content:
            application/json:
              examples:
                e:
        "404":
      callbacks:
        c:
components:
  responses:
    R:
  parameters:
    P:
`)
	assert.Equal(t, `s.yaml:8:10: paths./a.get.parameters.0: a parameter must be an object, not null
s.yaml:13:13: paths./a.get.responses.200.headers.X-H: a header must be an object, not null
s.yaml:15:13: paths./a.get.responses.200.links.l: a link must be an object, not null
s.yaml:19:17: paths./a.get.responses.200.content.application/json.examples.e: an example must be an object, not null
s.yaml:20:9: paths./a.get.responses.404: a response must be an object, not null
s.yaml:22:9: paths./a.get.callbacks.c: a callback must be an object, not null
s.yaml:25:5: components.responses.R: a response must be an object, not null
s.yaml:27:5: components.parameters.P: a parameter must be an object, not null`, got)
}

// Other values than objects get the same positioned report.
func TestObjectsOfTheWrongKind(t *testing.T) {
	assert.Equal(t, `s.yaml:4:3: paths./a: a path item must be an object, not a list
s.yaml:8:9: paths./b.get.responses.200: a response must be an object, not a single value`,
		loadErr(t, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: [1, 2]\n  /b:\n    get:\n      responses:\n        \"200\": 5\n"))
}

// kin-openapi v0.152 resolves no $ref under a header's content, then calls it
// unresolved; load resolves those it can.
func TestHeaderContentRefsResolve(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: A
      responses:
        "200":
          description: ok
          headers:
            X-Rate:
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Rate'}
            X-List:
              content:
                application/json:
                  schema: {type: array, items: {$ref: '#/components/schemas/Rate'}}
components:
  headers:
    H:
      content:
        text/plain:
          schema: {type: object, properties: {r: {$ref: '#/components/schemas/Rate'}}}
  responses:
    R:
      description: r
      headers:
        X-R: {$ref: '#/components/headers/H'}
  schemas:
    Rate: {type: integer}
`))
	require.NoError(t, err)
	h := spec.Doc.Paths.Value("/a").Get.Responses.Value("200").Value.Headers
	require.NotNil(t, h["X-Rate"].Value.Content["application/json"].Schema.Value)
	require.NotNil(t, h["X-List"].Value.Content["application/json"].Schema.Value.Items.Value)
	ch := spec.Doc.Components.Headers["H"].Value.Content["text/plain"].Schema.Value
	assert.NotNil(t, ch.Properties["r"].Value)
}
