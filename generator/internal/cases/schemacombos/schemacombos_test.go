package schemacombos_test

import (
	"encoding/json"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/internal/cases/schemacombos"
)

// Properties beside oneOf are merged into each alternative: the discriminator
// still picks by the alternative's component, and the struct it picks holds the
// shared properties with the alternative's own.
func TestSharedPropertiesDecodeIntoTheAlternative(t *testing.T) {
	var v schemacombos.Vehicle
	require.NoError(t, json.Unmarshal([]byte(`{"kind":"bicycle","id":"b1","gears":21}`), &v))
	require.NotNil(t, v.Bike)
	assert.Nil(t, v.Car)
	assert.Equal(t, "b1", v.Bike.ID)
	assert.Equal(t, int64(21), *v.Bike.Gears)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"bicycle","id":"b1","gears":21}`, string(out))

	var p schemacombos.Payment
	require.NoError(t, json.Unmarshal([]byte(`{"amount":3.5,"iban":"DE00"}`), &p))
	require.NotNil(t, p.Variant1)
	assert.Equal(t, 3.5, p.Variant1.Amount)
}

// A $ref wrapped in allOf is the type it names: an alias for a component, the
// named type itself for a property, nullable when the property says so.
func TestWrappedRefsAreTheirTarget(t *testing.T) {
	var r schemacombos.Record
	require.NoError(t, json.Unmarshal([]byte(`{"vehicle":{"kind":"car","id":"c","doors":3},"state":null,"wrapped":"retired","plate":"B-1"}`), &r))
	assert.True(t, r.State.IsNull())
	assert.Equal(t, schemacombos.StatusRetired, *r.Wrapped, "State is an alias of Status")
	assert.Equal(t, schemacombos.Plate("B-1"), *r.Plate)
}

// Two properties whose names make one Go name are both kept: the later one is
// numbered, and each reads and writes its own wire name.
func TestCollidingPropertyNamesAreNumbered(t *testing.T) {
	var r schemacombos.Record
	require.NoError(t, json.Unmarshal([]byte(`{"vehicle":{"kind":"car","id":"c","doors":3},"vin":"a","VIN":"b"}`), &r))
	assert.Equal(t, "a", *r.Vin)
	assert.Equal(t, "b", *r.Vin2)
	out, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"vehicle":{"kind":"car","id":"c","doors":3},"vin":"a","VIN":"b"}`, string(out))
}

// kin-openapi is the oracle: a document is valid for it exactly when it decodes
// into the generated type and passes Validate(). A required property left out
// ({"card":"4111"} without amount) is not among the samples: a decoded struct
// holds 0 for it either way, as for any object; acsgen contract checks the JSON.
func TestValidationAgreesWithKin(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	record := doc.Components.Schemas["Record"].Value
	car := `{"kind":"car","id":"c1","doors":4}`
	for _, body := range []string{
		`{"vehicle":` + car + `}`,
		`{"vehicle":{"kind":"car","id":"c1","doors":9}}`,
		`{"vehicle":{"kind":"car","id":"","doors":4}}`,
		`{"vehicle":{"kind":"bike","id":"b","gears":0}}`,
		`{"vehicle":{"kind":"bike","id":"b"}}`,
		`{"vehicle":{"kind":"boat","id":"b"}}`,
		`{"vehicle":{"kind":"car","id":"c1","doors":"4"}}`,
		`{"vehicle":{"kind":"car","id":7,"doors":4}}`,
		`{"vehicle":` + car + `,"state":"active"}`,
		`{"vehicle":` + car + `,"state":"scrapped"}`,
		`{"vehicle":` + car + `,"state":null}`,
		`{"vehicle":` + car + `,"wrapped":"retired"}`,
		`{"vehicle":` + car + `,"wrapped":"gone"}`,
		`{"vehicle":` + car + `,"plate":"B-AB1234"}`,
		`{"vehicle":` + car + `,"plate":"B-AB12345"}`,
		`{"vehicle":` + car + `,"mileages":[0,10]}`,
		`{"vehicle":` + car + `,"mileages":[-1]}`,
		`{"vehicle":` + car + `,"code":"ABC"}`,
		`{"vehicle":` + car + `,"code":"abc"}`,
		`{"vehicle":` + car + `,"payment":{"amount":1,"card":"4111"}}`,
		`{"vehicle":` + car + `,"payment":{"amount":-1,"card":"4111"}}`,
		`{"vehicle":` + car + `,"payment":{"amount":1,"card":"41111111111111111111"}}`,
		`{"vehicle":` + car + `,"payment":{"amount":1,"iban":"DE"}}`,
		`{"vehicle":` + car + `,"payment":{"amount":1}}`,
		`{"vehicle":` + car + `,"payment":{"amount":1,"card":"41111111111111111111","iban":"DE"}}`,
		`{"vehicle":` + car + `,"payment":{"amount":1,"card":"4111","iban":7}}`,
		`{"vehicle":` + car + `,"vin":"a","VIN":"12345678901234567"}`,
		`{"vehicle":` + car + `,"vin":"a","VIN":"123456789012345678"}`,
	} {
		var instance any
		require.NoError(t, json.Unmarshal([]byte(body), &instance))
		kinErr := record.VisitJSON(instance)
		var r schemacombos.Record
		ours := json.Unmarshal([]byte(body), &r)
		if ours == nil {
			ours = r.Validate()
		}
		assert.Equal(t, kinErr == nil, ours == nil, "%s: kin-openapi says %v, the generated type %v", body, kinErr, ours)
	}
}
