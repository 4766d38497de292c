package build

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/generator/ir"
)

// Each union gets one pick per JSON type it takes, whose rule says how decoding
// chooses among the alternatives that take it.
func TestUnionPicks(t *testing.T) {
	api := buildSpec(t, header+`paths: {}
components:
  schemas:
    Port:
      oneOf: [{type: string}, {type: integer}]
    Strings:
      oneOf: [{type: string, maxLength: 2}, {type: string, pattern: '^a'}]
    Pet:
      oneOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Cat'}]
      discriminator: {propertyName: kind}
    Keyed:
      oneOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Cat'}]
    Typed:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Robot'}]
    Tried:
      anyOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Robot'}, {type: object, additionalProperties: {type: string}}]
    Outer:
      oneOf: [{$ref: '#/components/schemas/Port'}, {type: number}, {type: boolean}]
    Breeds:
      oneOf: [{$ref: '#/components/schemas/Breed1'}, {$ref: '#/components/schemas/Breed2'}]
      discriminator: {propertyName: name, mapping: {one: Breed1, two: Breed2}}
    Breed1: {type: object, properties: {name: {type: string}}}
    Breed2: {type: object, properties: {name: {type: string}}}
    Dog:
      type: object
      required: [kind, bark]
      properties: {kind: {type: string}, bark: {type: string}}
    Cat:
      type: object
      required: [kind, id]
      properties: {kind: {type: string}, id: {type: string}}
    Robot:
      type: object
      required: [id]
      properties: {id: {type: integer}, bark: {type: string}}
`)
	rules := func(name string) map[ir.JSONKind]ir.PickRule {
		out := map[ir.JSONKind]ir.PickRule{}
		for _, p := range model(t, api, name).Picks {
			out[p.Kind] = p.Rule
		}
		return out
	}
	assert.Equal(t, map[ir.JSONKind]ir.PickRule{ir.KindString: ir.PickOnly, ir.KindNumber: ir.PickOnly}, rules("Port"))
	assert.Equal(t, map[ir.JSONKind]ir.PickRule{ir.KindString: ir.PickTrial}, rules("Strings"))
	assert.Equal(t, map[ir.JSONKind]ir.PickRule{ir.KindObject: ir.PickDiscriminator}, rules("Pet"))
	assert.Equal(t, map[ir.JSONKind]ir.PickRule{ir.KindObject: ir.PickKey}, rules("Keyed"))
	assert.Equal(t, map[ir.JSONKind]ir.PickRule{ir.KindObject: ir.PickKeyKind}, rules("Typed"))
	assert.Equal(t, map[ir.JSONKind]ir.PickRule{ir.KindObject: ir.PickTrial}, rules("Tried"))
	// Port takes strings and numbers, so the number pick of Outer has two
	// alternatives to try, its string pick one.
	assert.Equal(t, map[ir.JSONKind]ir.PickRule{ir.KindString: ir.PickOnly, ir.KindNumber: ir.PickTrial, ir.KindBool: ir.PickOnly}, rules("Outer"))
	// Alternatives that accept the same objects, which the discriminator tells apart.
	assert.Equal(t, map[ir.JSONKind]ir.PickRule{ir.KindObject: ir.PickDiscriminator}, rules("Breeds"))

	typed := model(t, api, "Typed")
	assert.Equal(t, []string{"id", "id"}, []string{typed.Variants[0].Key, typed.Variants[1].Key})
	assert.Equal(t, []ir.JSONKind{ir.KindString, ir.KindNumber}, []ir.JSONKind{typed.Variants[0].KeyKind, typed.Variants[1].KeyKind})
	assert.Equal(t, []ir.JSONKind{ir.KindString, ir.KindNumber}, model(t, api, "Outer").Variants[0].Kinds)
}

// A oneOf or anyOf of one schema is that schema, as allOf of one is.
func TestSingleAlternativeIsItsSchema(t *testing.T) {
	api := buildSpec(t, header+`paths: {}
components:
  schemas:
    ID:
      description: An ID.
      anyOf: [{$ref: '#/components/schemas/UUID'}]
    UUID:
      oneOf: [{type: string, format: uuid}]
    Holder:
      type: object
      properties:
        code:
          nullable: true
          oneOf: [{type: string, maxLength: 3}]
`)
	assert.Equal(t, ir.Alias, model(t, api, "ID").Kind)
	assert.Equal(t, ir.Defined, model(t, api, "UUID").Kind)
	code := model(t, api, "Holder").Fields[0]
	assert.Equal(t, ir.Nullable, code.Wrap)
	assert.Equal(t, "string", code.Type.Name)
	assert.Equal(t, int64(3), *code.Type.Constraints.MaxLength)
}

// Keywords beside a union join an alternative's: the stricter bound wins, and a
// pattern both set differently cannot be held in one place.
func TestJoinConstraints(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	n := func(x int64) *int64 { return &x }
	joined, clash := joinConstraints(
		&ir.Constraints{Minimum: f(1), Maximum: f(10), MaxLength: n(5), Pattern: "^a"},
		&ir.Constraints{Minimum: f(1), ExclusiveMinimum: true, Maximum: f(20), MinLength: 2, MaxLength: n(3), UniqueItems: true})
	assert.Empty(t, clash)
	assert.Equal(t, &ir.Constraints{Minimum: f(1), ExclusiveMinimum: true, Maximum: f(10), MinLength: 2, MaxLength: n(3),
		Pattern: "^a", UniqueItems: true}, joined)

	_, clash = joinConstraints(&ir.Constraints{Pattern: "^a"}, &ir.Constraints{Pattern: "^b"})
	assert.Equal(t, "pattern", clash)
	_, clash = joinConstraints(&ir.Constraints{MultipleOf: f(2)}, &ir.Constraints{MultipleOf: f(3)})
	assert.Equal(t, "multipleOf", clash)
	joined, _ = joinConstraints(nil, &ir.Constraints{Format: "date"})
	assert.Equal(t, &ir.Constraints{Format: "date"}, joined)
	joined, _ = joinConstraints(&ir.Constraints{Format: "date"}, nil)
	assert.Equal(t, &ir.Constraints{Format: "date"}, joined)
}
