package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/ir"
)

func operation(t *testing.T, api *ir.API, id string) *ir.Operation {
	t.Helper()
	for _, o := range api.Operations {
		if o.ID == id {
			return o
		}
	}
	t.Fatalf("no operation %s", id)
	return nil
}

// A success body that is not JSON is no model: text is read whole, anything else
// streamed, and a content key that is no media type is left out with a warning
// at its line, escaped.
func TestRawResponses(t *testing.T) {
	api := buildSpec(t, header+`paths:
  /file:
    get:
      operationId: GetFile
      responses:
        "200":
          description: ok
          content:
            application/xml: {schema: {type: string, description: The file.}}
            "application/json\nx": {}
  /csv:
    get:
      operationId: GetCSV
      responses:
        "200":
          description: ok
          content:
            text/csv: {}
            text/plain: {}
  /json:
    get:
      operationId: GetJSON
      responses:
        "200":
          description: ok
          content:
            text/plain: {}
            application/json: {schema: {type: object, properties: {a: {type: string}}}}
`)
	file := operation(t, api, "GetFile")
	require.NotNil(t, file.RawResponse)
	assert.Equal(t, ir.RawBody{MediaType: "application/xml", Doc: "The file."}, *file.RawResponse)
	csv := operation(t, api, "GetCSV")
	require.NotNil(t, csv.RawResponse)
	assert.Equal(t, ir.RawBody{MediaType: "text/csv, text/plain", Text: true}, *csv.RawResponse)
	assert.Nil(t, operation(t, api, "GetJSON").RawResponse, "JSON wins")
	for _, m := range api.Models {
		assert.NotEqual(t, "GetFileResponse", m.GoName)
		assert.NotEqual(t, "GetCSVResponse", m.GoName)
	}
	require.Len(t, api.Warnings, 1)
	assert.Equal(t, "test.yaml:12:13", api.Warnings[0].Pos.String())
	assert.Contains(t, api.Warnings[0].Msg, `content key "application/json\nx" is not a media type`)
}
