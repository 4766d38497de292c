package objunion_test

import (
	"encoding/json"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/internal/cases/objunion"
)

// Decoding picks exactly one alternative: by the discriminator's value (two
// values may pick one), or by the property only that alternative requires.
func TestDecodingPicksOneAlternative(t *testing.T) {
	var p objunion.Pet
	require.NoError(t, json.Unmarshal([]byte(`{"petType":"hound","bark":"woof"}`), &p))
	require.NotNil(t, p.Dog)
	assert.Nil(t, p.Cat)
	assert.Equal(t, "woof", p.Dog.Bark)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"petType":"hound","bark":"woof"}`, string(out))

	require.NoError(t, json.Unmarshal([]byte(`{"petType":"cat","lives":3}`), &p))
	require.NotNil(t, p.Cat)
	assert.Nil(t, p.Dog, "decoding again starts over")
	assert.EqualError(t, json.Unmarshal([]byte(`{"petType":"Dog"}`), &p), `Pet: petType "Dog" is not one of: cat, dog, hound`)
	assert.EqualError(t, json.Unmarshal([]byte(`{"bark":"x"}`), &p), `Pet: the object has no "petType" property to name its alternative`)

	var a objunion.Animal
	require.NoError(t, json.Unmarshal([]byte(`{"petType":"Cat"}`), &a))
	assert.NotNil(t, a.Cat, "without a mapping the value is the component name")

	var s objunion.Shape
	require.NoError(t, json.Unmarshal([]byte(`{"side":2}`), &s))
	require.NotNil(t, s.Square)
	require.NoError(t, json.Unmarshal([]byte(`"round"`), &s))
	assert.Equal(t, "round", *s.String)
	assert.EqualError(t, json.Unmarshal([]byte(`{"radius":1,"side":2}`), &s),
		`Shape: the object has ["radius" "side"] of the properties that tell its alternative (radius, side); it needs exactly one`)

	var as objunion.AnyShape
	require.NoError(t, json.Unmarshal([]byte(`{"radius":1,"side":2}`), &as))
	assert.NotNil(t, as.Circle, "anyOf: the first alternative that matches")

	var d objunion.Drawing
	require.NoError(t, json.Unmarshal([]byte(`{"shapes":[{"radius":1},"x",{"side":3}],"pet":{"petType":"dog","bark":"b"}}`), &d))
	assert.NotNil(t, d.Shapes[0].Circle)
	assert.NotNil(t, d.Shapes[2].Square)
	assert.NotNil(t, d.Pet.Dog)
}

// kin-openapi is the oracle: a document is valid for it exactly when it decodes
// into the generated type and passes Validate(). Pet, Shape and AnyShape agree on
// every sample. Animal, a discriminator without mapping, is left out: kin-openapi
// (v0.152) does not apply the implicit mapping by component name, so a cat that
// also satisfies Dog's schema is "more than one" to it, and one alternative to us.
// Nor is a required property left out ({"petType":"dog"} without bark): a
// decoded struct holds "" for it either way, as for any object; acsgen contract
// checks the JSON itself.
func TestValidationAgreesWithKin(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	schemas := doc.Components.Schemas
	type validator interface{ Validate() error }
	for _, tc := range []struct {
		schema string
		value  func() validator
		docs   []string
	}{
		{"Pet", func() validator { return new(objunion.Pet) }, []string{
			`{"petType":"dog","bark":"woof"}`, `{"petType":"hound","bark":"woof"}`, `{"petType":"cat"}`,
			`{"petType":"cat","lives":10}`, `{"petType":"dog","bark":"much too loud"}`,
			`{"petType":"bird"}`, `{"petType":3}`, `{}`, `"dog"`, `[]`, `{"petType":"cat","lives":"9"}`,
		}},
		{"Shape", func() validator { return new(objunion.Shape) }, []string{
			`{"radius":1}`, `{"side":0}`, `{"radius":-1}`, `{"radius":1,"side":1}`, `{}`, `"sq"`, `3`, `{"radius":"1"}`,
			`{"side":2,"extra":true}`,
		}},
		{"AnyShape", func() validator { return new(objunion.AnyShape) }, []string{
			`{"radius":1}`, `{"side":1}`, `{"radius":-1}`, `{}`, `true`,
		}},
	} {
		for _, doc := range tc.docs {
			var instance any
			require.NoError(t, json.Unmarshal([]byte(doc), &instance))
			kinErr := schemas[tc.schema].Value.VisitJSON(instance)
			v := tc.value()
			ours := json.Unmarshal([]byte(doc), v)
			if ours == nil {
				ours = v.Validate()
			}
			assert.Equal(t, kinErr == nil, ours == nil, "%s %s: kin-openapi says %v, the generated type %v", tc.schema, doc, kinErr, ours)
		}
	}
}
