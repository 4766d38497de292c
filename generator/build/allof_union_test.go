package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/ir"
)

// An allOf over a union is that union; each alternative holds the other parts'
// properties, whether the union is a part, a part of a part, or one union
// written twice, and a discriminator beside the allOf picks the alternatives
// when the union part has none.
func TestAllOfOverAUnionIsTheUnion(t *testing.T) {
	api := buildSpec(t, header+`paths: {}
components:
  schemas:
    Base:
      type: object
      required: [id]
      properties: {id: {type: string}}
    Dog:
      type: object
      required: [kind]
      properties: {kind: {type: string}, bark: {type: boolean}}
    Cat:
      type: object
      required: [kind]
      properties: {kind: {type: string}, meow: {type: boolean}}
    Pet:
      oneOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Cat'}]
    Direct:
      allOf: [{$ref: '#/components/schemas/Base'}, {$ref: '#/components/schemas/Pet'}]
    Deeper:
      allOf:
        - allOf: [{$ref: '#/components/schemas/Pet'}]
        - $ref: '#/components/schemas/Base'
    Twice:
      allOf: [{$ref: '#/components/schemas/Pet'}, {$ref: '#/components/schemas/Base'}, {$ref: '#/components/schemas/Pet'}]
    Told:
      allOf: [{$ref: '#/components/schemas/Base'}, {$ref: '#/components/schemas/Pet'}]
      discriminator: {propertyName: kind, mapping: {dog: Dog, cat: Cat}}
`)
	for _, name := range []string{"Direct", "Deeper", "Twice", "Told"} {
		m := model(t, api, name)
		require.Equal(t, ir.Union, m.Kind, name)
		require.Len(t, m.Variants, 2, name)
		for _, v := range m.Variants {
			fields := map[string]bool{}
			for _, f := range model(t, api, v.Type.Name).Fields {
				fields[f.Name] = f.Required
			}
			assert.True(t, fields["id"], "%s.%s requires Base's id", name, v.GoName)
			assert.True(t, fields["kind"], "%s.%s requires its own kind", name, v.GoName)
		}
	}
	assert.Equal(t, "kind", model(t, api, "Told").Discriminator)
	assert.Equal(t, []string{"dog"}, model(t, api, "Told").Variants[0].Values)
	assert.Empty(t, model(t, api, "Direct").Discriminator)
}
