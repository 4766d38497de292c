package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/ir"
)

// TestExampleFields holds Operation.Example to the rule: required parameters
// always (nil value without a usable example), optional ones only with an example,
// each converted to the field's Go scalar and named by its enum constant.
func TestExampleFields(t *testing.T) {
	api := buildSpec(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: GetThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}, example: t-1}
        - {name: owner, in: query, required: true, schema: {type: string}}
        - {name: note, in: query, schema: {type: string}}
        - {name: size, in: query, schema: {type: integer, format: int32}, example: 4}
        - {name: huge, in: query, required: true, schema: {type: integer, format: int64}, example: 9007199254740993}
        - {name: level, in: query, schema: {$ref: '#/components/schemas/Level'}, example: 2}
        - {name: levels, in: query, schema: {type: array, items: {$ref: '#/components/schemas/Level'}}, example: [1, 2]}
        - {name: ratio, in: query, schema: {type: number}, example: 0.5}
        - {name: on, in: query, schema: {type: boolean, example: true}}
      responses:
        "200": {description: ok}
components:
  schemas:
    Level: {type: integer, format: int32, enum: [1, 2]}
`)
	require.Len(t, api.Operations, 1)
	ex := api.Operations[0].Example
	require.NotNil(t, ex)
	type field struct {
		name       string
		value      any
		enum       string
		itemConsts []string
	}
	var got []field
	for _, f := range ex.Fields {
		got = append(got, field{f.Param.Name, f.Value, f.Const, f.ItemConsts})
	}
	assert.Equal(t, []field{
		{"id", "t-1", "", nil},
		{"owner", nil, "", nil}, // required without an example; note, optional without one, is left out
		{"size", int64(4), "", nil},
		{"huge", nil, "", nil}, // beyond float64's exact integers: no usable example
		{"level", int64(2), "Level2", nil},
		{"levels", []any{int64(1), int64(2)}, "", []string{"Level1", "Level2"}},
		{"ratio", 0.5, "", nil},
		{"on", true, "", nil},
	}, got, "in the order of the operation's parameters")
}

func TestScalarValue(t *testing.T) {
	cases := []struct {
		scalar string
		raw    any
		want   any
	}{
		{"string", "x", "x"},
		{"string", 12.0, "12"},
		{"string", map[string]any{}, nil},
		{"bool", "true", true},
		{"bool", "yes", nil},
		{"int32", 3.0, int64(3)},
		{"int32", 2.5, nil},
		{"int32", float64(1 << 40), nil},
		{"int32", "17", int64(17)},
		{"int64", "-9", int64(-9)},
		{"int64", "x", nil},
		{"float64", "1e3", 1000.0},
		{"float32", "NaN", nil},
		{"float64", int64(2), 2.0},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, scalarValue(c.scalar, c.raw), "%s %#v", c.scalar, c.raw)
	}
	assert.Nil(t, exampleValue(&ir.Param{Scalar: "int32", Type: ir.TypeRef{Kind: ir.Array, Elem: &ir.TypeRef{Kind: ir.Primitive, Name: "int32"}}}, []any{1.0, "x"}),
		"one item that does not fit drops the array's example")
}

// An example that does not match its schema (load warns and takes it out) gives
// the generated example nothing: the optional parameter is left out, the required
// one has no value.
func TestMismatchedExamplesAreNotUsed(t *testing.T) {
	api := buildSpec(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things:
    get:
      operationId: GetThings
      parameters:
        - {name: size, in: query, required: true, schema: {type: integer, maximum: 10}, example: 11}
        - {name: mode, in: query, schema: {type: string, enum: [a, b], example: c}}
      responses:
        "200": {description: ok}
`)
	require.Len(t, api.Warnings, 2)
	ex := api.Operations[0].Example
	require.NotNil(t, ex)
	require.Len(t, ex.Fields, 1)
	assert.Equal(t, "size", ex.Fields[0].Param.Name)
	assert.Nil(t, ex.Fields[0].Value)
}
