package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/ir"
)

// TestParamStyles checks what build decides for x-acs-param-style: the style, the
// Go type (models as bodies get them) and that the field is nil when unset.
func TestParamStyles(t *testing.T) {
	api := buildSpec(t, header+`x-acs-style: RPC
paths:
  /#Action=Op:
    post:
      operationId: Op
      parameters:
        - {name: Ids, in: query, required: true, x-acs-param-style: repeatList, schema: {type: array, items: {type: string}}}
        - name: Tag
          in: query
          x-acs-param-style: repeatList
          schema: {type: array, items: {type: object, properties: {Key: {type: string}}}}
        - {name: Filter, in: query, required: true, x-acs-param-style: flat, schema: {$ref: '#/components/schemas/Filter'}}
        - {name: Labels, in: query, x-acs-param-style: flat, schema: {type: object, additionalProperties: {type: string}}}
        - {name: Free, in: query, x-acs-param-style: flat, schema: {type: object}}
        - {name: Config, in: query, x-acs-param-style: json, schema: {$ref: '#/components/schemas/Filter'}}
        - {name: Text, in: query, required: true, x-acs-param-style: json, schema: {type: string}}
        - {name: Codes, in: query, x-acs-param-style: json, schema: {$ref: '#/components/schemas/Codes'}}
        - {name: Plain, in: query, schema: {type: string}}
      responses: {"200": {description: ok}}
components:
  schemas:
    Filter: {type: object, properties: {Status: {type: string}}}
    Codes: {type: array, items: {type: integer}}
`)
	require.Len(t, api.Operations, 1)
	type want struct {
		style   ir.ParamStyle
		kind    ir.TypeKind
		name    string // Named: the model
		pointer bool
	}
	wants := map[string]want{
		"Ids":    {ir.ParamRepeatList, ir.Array, "", false},
		"Tag":    {ir.ParamRepeatList, ir.Array, "", false},
		"Filter": {ir.ParamFlat, ir.Named, "Filter", true}, // required, still nil when unset
		"Labels": {ir.ParamFlat, ir.Map, "", false},
		"Free":   {ir.ParamFlat, ir.RawJSON, "", false},
		"Config": {ir.ParamJSON, ir.Named, "Filter", true},
		"Text":   {ir.ParamJSON, ir.Primitive, "string", true},
		"Codes":  {ir.ParamJSON, ir.Named, "Codes", false}, // a defined slice type is nil-able
		"Plain":  {ir.ParamPlain, ir.Primitive, "string", true},
	}
	got := map[string]want{}
	for _, p := range api.Operations[0].Params {
		got[p.Name] = want{p.Style, p.Type.Kind, p.Type.Name, p.Pointer}
	}
	assert.Equal(t, wants, got)
	for _, p := range api.Operations[0].Params {
		if p.Name == "Tag" {
			assert.Equal(t, ir.TypeRef{Kind: ir.Named, Name: "OpTag"}, *p.Type.Elem, "items become a model")
			assert.Equal(t, "Key", model(t, api, "OpTag").Fields[0].Name, "wire names in the json tags")
			assert.True(t, p.Explode)
		}
	}
}
