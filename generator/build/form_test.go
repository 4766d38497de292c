package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/ir"
)

const formSpec = `paths:
  /f:
    post:
      operationId: PostF
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties:
                tags: {type: array, items: {type: string}}
                ids: {type: array, items: {type: integer}}
                color: {type: object, properties: {r: {type: integer}}}
            encoding:
              ids: {explode: false, contentType: text/plain, allowReserved: true}
      responses:
        "204": {description: ok}
`

// A plain spec's form fields take OpenAPI's styles from the encoding; an Alibaba
// API's are flattened as darabonba flattens them. What the encoding says that a
// form body cannot use, and an exploded object kin-openapi cannot read, are
// warnings at their lines.
func TestFormFieldStyles(t *testing.T) {
	plain := buildSpec(t, header+formSpec)
	params := map[string]*ir.Param{}
	for _, p := range operation(t, plain, "PostF").Params {
		params[p.Name] = p
	}
	assert.Equal(t, ir.ParamPlain, params["tags"].Style)
	assert.True(t, params["tags"].Explode)
	assert.Equal(t, "", params["tags"].Sep)
	assert.Equal(t, ",", params["ids"].Sep)
	assert.Equal(t, ir.ParamFormObject, params["color"].Style)
	require.Len(t, plain.Warnings, 2)
	assert.Equal(t, "test.yaml:15:17", plain.Warnings[0].Pos.String())
	assert.Contains(t, plain.Warnings[0].Msg, `form field "color" is an object of style form, exploded`)
	assert.Equal(t, "test.yaml:17:15", plain.Warnings[1].Pos.String())
	assert.Contains(t, plain.Warnings[1].Msg, `the encoding of form field "ids" sets contentType and allowReserved, which acsgen ignores`)

	alibaba := buildSpec(t, header+"x-acs-product: P\nx-acs-style: ROA\n"+formSpec)
	for _, p := range operation(t, alibaba, "PostF").Params {
		switch p.Name {
		case "tags", "ids":
			assert.Equal(t, ir.ParamRepeatList, p.Style, p.Name)
		case "color":
			assert.Equal(t, ir.ParamFlat, p.Style)
		}
	}
}
