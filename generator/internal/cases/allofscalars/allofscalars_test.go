package allofscalars_test

import (
	"encoding/json"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/internal/cases/allofscalars"
)

// An allOf of scalar schemas is one type holding what every part allows: two
// string enums are the values both list.
func TestMergedEnumIsTheCommonValues(t *testing.T) {
	assert.True(t, allofscalars.QuietModeIdle.IsKnown())
	assert.True(t, allofscalars.QuietMode("auto").IsKnown())
	assert.False(t, allofscalars.QuietMode("heat").IsKnown(), "in Modes only")
	assert.False(t, allofscalars.QuietMode("eco").IsKnown(), "in QuietModes only")
}

// kin-openapi is the oracle: a document is valid for it, checking each allOf part
// in turn, exactly when it decodes into the generated type and passes Validate().
// null for a property that is not nullable is not among the samples: it decodes
// as the property left out, as for any optional property; acsgen contract checks
// the JSON.
func TestMergedConstraintsAgreeWithKin(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	settings := doc.Components.Schemas["Settings"].Value
	for _, body := range []string{
		`{"target":20}`,
		`{"target":5}`,
		`{"target":4}`,
		`{"target":34}`,
		`{"target":35}`,
		`{"target":-41}`,
		`{"target":20.5}`,
		`{"target":20,"mode":"idle"}`,
		`{"target":20,"mode":"auto"}`,
		`{"target":20,"mode":"heat"}`,
		`{"target":20,"mode":"eco"}`,
		`{"target":20,"mode":"fan"}`,
		`{"target":20,"step":1.5}`,
		`{"target":20,"step":0.5}`,
		`{"target":20,"step":3}`,
		`{"target":20,"step":0}`,
		`{"target":20,"step":-1.5}`,
		`{"target":20,"room":"hall"}`,
		`{"target":20,"room":"h"}`,
		`{"target":20,"room":"kitchen"}`,
		`{"target":20,"room":"Hall"}`,
		`{"target":20,"interval":12}`,
		`{"target":20,"interval":36}`,
		`{"target":20,"interval":8}`,
		`{"target":20,"interval":6}`,
		`{"target":20,"offset":3}`,
		`{"target":20,"offset":-3}`,
		`{"target":20,"offset":4}`,
		`{"target":20,"offset":-4}`,
		`{"target":20,"offset":1.5}`,
		`{"target":20,"label":null}`,
		`{"target":20,"label":"abc"}`,
		`{"target":20,"label":"abcd"}`,
		`{"target":20,"note":"n"}`,
		`{"target":20,"note":""}`,
		`{"target":20,"zone":{"level":2,"kind":"wall","name":"n","vent":{"open":true,"speed":3}}}`,
		`{"target":20,"zone":{"level":0}}`,
		`{"target":20,"zone":{"level":4}}`,
		`{"target":20,"zone":{"kind":"floor"}}`,
		`{"target":20,"zone":{"kind":"ceiling"}}`,
		`{"target":20,"zone":{"kind":"duct"}}`,
		`{"target":20,"zone":{"name":7}}`,
		`{"target":20,"zone":{"vent":{"open":false,"speed":-1}}}`,
		`{"target":20,"zone":{"vent":{"speed":6}}}`,
		`{"target":20,"zone":{"vent":{"speed":5,"open":"no"}}}`,
	} {
		var instance any
		require.NoError(t, json.Unmarshal([]byte(body), &instance))
		kinErr := settings.VisitJSON(instance)
		var s allofscalars.Settings
		ours := json.Unmarshal([]byte(body), &s)
		if ours == nil {
			ours = s.Validate()
		}
		assert.Equal(t, kinErr == nil, ours == nil, "%s: kin-openapi says %v, the generated type %v", body, kinErr, ours)
	}
}
