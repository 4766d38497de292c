package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Keys OpenAPI does not define in info, a media type or a schema are dropped
// with a warning at each key; the spec loads without them.
func TestUnknownFieldsAreIgnored(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info:
  title: T
  version: "1"
  desscription: typo
paths:
  /a:
    get:
      operationId: A
      responses:
        "200":
          description: ok
          content:
            text/plain:
              type: string
            application/json:
              schema:
                type: object
                properties:
                  n: {type: string, x-keep: 1, limit: 3}
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:5:3: warning: info.desscription: info has no field "desscription" in OpenAPI 3.0; it is ignored`,
		`s.yaml:15:15: warning: paths./a.get.responses.200.content.text/plain.type: a media type has no field "type" in OpenAPI 3.0; it is ignored (a schema keyword: the media type's schema goes under schema)`,
		`s.yaml:20:48: warning: paths./a.get.responses.200.content.application/json.schema.properties.n.limit: a schema has no field "limit" in OpenAPI 3.0; it is ignored, as JSON Schema ignores keywords it does not know`,
	}, warningLines(spec))
	n := spec.Doc.Paths.Value("/a").Get.Responses.Value("200").Value.Content["application/json"].Schema.Value.Properties["n"].Value
	assert.Equal(t, map[string]any{"x-keep": 1.0}, n.Extensions, "extensions stay")
}

// A media type written straight under a response, without content, is still an
// error: the key holds the response's body.
func TestMediaTypeWithoutContentIsRefused(t *testing.T) {
	got := loadErr(t, `openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          application/json:
            schema: {type: string}
`)
	assert.Contains(t, got, "extra sibling fields: [application/json]")
}
