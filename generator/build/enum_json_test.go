package build

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/generator/ir"
)

// An enum of objects or arrays takes the JSON types of its values, so a union
// picks it by them; one that lists only null (nullable) takes any, as a free
// value does.
func TestJSONEnumKinds(t *testing.T) {
	api := buildSpec(t, header+`paths: {}
components:
  schemas:
    Corner: {type: object, enum: [{x: 0}]}
    Mixed: {enum: [{a: 1}, [1], "s"]}
    OnlyNull: {type: object, nullable: true, enum: [null]}
    Either:
      anyOf: [{$ref: '#/components/schemas/Corner'}, {$ref: '#/components/schemas/Mixed'}, {$ref: '#/components/schemas/OnlyNull'}]
`)
	kinds := map[string][]ir.JSONKind{}
	for _, v := range model(t, api, "Either").Variants {
		kinds[v.GoName] = v.Kinds
	}
	assert.Equal(t, []ir.JSONKind{ir.KindObject}, kinds["Corner"])
	assert.Equal(t, []ir.JSONKind{ir.KindString, ir.KindArray, ir.KindObject}, kinds["Mixed"])
	assert.Equal(t, ir.JSONKinds, kinds["OnlyNull"])
	assert.Equal(t, []string{"null"}, model(t, api, "OnlyNull").Type.Constraints.Enum)
}
