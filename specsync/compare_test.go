package specsync

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/metadata"
)

func compareFixture(t *testing.T, spec *load.Spec) Result {
	t.Helper()
	doc, err := metadata.ReadFile("testdata/gadgets.json")
	require.NoError(t, err)
	res, err := Compare(spec, doc, "gadgets.json")
	require.NoError(t, err)
	return res
}

// TestDriftOfAFixture holds every kind of drift to the place it is reported,
// and the markers to what they silence: CreateGadget's response leaves gadgetId
// out on purpose (x-acs-sync-ignore), and Gadget.name is kept as it is.
func TestDriftOfAFixture(t *testing.T) {
	spec, err := load.File("testdata/gadgets.yaml")
	require.NoError(t, err)
	res := compareFixture(t, spec)
	var got []string
	for _, it := range res.Items {
		got = append(got, it.Kind+" "+it.String())
	}
	assert.Equal(t, []string{
		"missing-operation testdata/gadgets.yaml:28:5: paths./v1/gadgets/{gadgetId}.delete: operation DeleteGadget is not in the metadata (renamed, or removed from the service?)",
		"missing-body testdata/gadgets.yaml:35:5: paths./v1/gadgets.post: the metadata has a request body (application/json), which the spec lacks",
		"type testdata/gadgets.yaml:17:54: paths./v1/gadgets/{gadgetId}.get.parameters.0.schema: gadgetId is integer in the spec, string in the metadata",
		"missing-parameter testdata/gadgets.yaml:16:7: paths./v1/gadgets/{gadgetId}.get.parameters: the metadata has header parameter x-trace, which the spec lacks",
		"missing-property testdata/gadgets.yaml:51:7: components.schemas.Gadget.properties: the metadata has property ports of data, which the spec lacks",
		"region testdata/gadgets.yaml:11:9: servers.0.variables.regionId.enum: the metadata serves region cn-shanghai, which the spec does not list",
	}, got)
	require.NotNil(t, res.Overlay)
	assert.Contains(t, string(res.Overlay), "extends: testdata/gadgets.yaml\n")

	patched := apply(t, "testdata/gadgets.yaml", res.Overlay)
	after, err := load.Data("testdata/gadgets.yaml", patched)
	require.NoError(t, err)
	again := compareFixture(t, after)
	var left []string
	for _, it := range again.Items {
		left = append(left, it.Kind)
	}
	assert.Equal(t, []string{MissingOperation, Type, Region}, left, "the overlay adds what is missing; contradictions need a person")
	assert.Nil(t, again.Overlay)
}
