package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The items of a parameter's array that may be anything ({}) are strings, as an
// untyped parameter is: each is text on the wire. A $ref'd or typed item stays.
func TestUntypedArrayItemsAreStrings(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /a:
    get:
      parameters:
        - {name: any, in: query, schema: {type: array, items: {}}}
        - {name: ints, in: query, schema: {type: array, items: {type: integer}}}
        - {name: described, in: header, schema: {type: array, items: {description: whatever}}}
      responses: {"200": {description: ok}}
`))
	require.NoError(t, err)
	assert.Empty(t, spec.Warnings)
	ps := spec.Doc.Paths.Value("/a").Get.Parameters
	assert.True(t, ps[0].Value.Schema.Value.Items.Value.Type.Is("string"))
	assert.True(t, ps[1].Value.Schema.Value.Items.Value.Type.Is("integer"))
	assert.True(t, ps[2].Value.Schema.Value.Items.Value.Type.Is("string"))
}
