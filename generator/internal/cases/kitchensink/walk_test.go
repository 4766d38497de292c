package kitchensink_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generator/internal/cases/kitchensink/kitchensinkcheck"
	"github.com/acsgen/acsgen/internal/walkoracle"
)

var walkValues = []any{nil, "x", "", "Draft", "Gone", "red", 2.0, 7.0, 0.1, 0.30000001192092896, 16777217.0, -0.0,
	true, []any{}, map[string]any{}, []any{nil}, 1e300, "2024-01-01T00:00:00Z", "AB-12"}

// Whatever body a walker accepts, kin-openapi finds nothing in: the GetItem
// example and its edits, nulls included. The documented examples are accepted.
func TestWalkersAgreeWithKin(t *testing.T) {
	walkers := walkoracle.Walkers(t, kitchensinkcheck.CompiledSpec, "spec.yaml")
	for _, w := range walkers {
		for _, ex := range w.Examples {
			body, err := json.Marshal(ex)
			require.NoError(t, err)
			assert.Equal(t, jsondec.Accepted, jsondec.Judge(body, false, w.Walk), "%s: %s", w.Name, body)
		}
	}
	accepted := 0
	for _, body := range mutatedBodies(t, 2000, walkValues) {
		accepted += walkoracle.RequireSound(t, walkers, body)
	}
	t.Logf("%d acceptances", accepted)
	assert.Greater(t, accepted, 100)
}

// FuzzWalkersAgreeWithKin holds the walkers to kin-openapi on arbitrary bodies.
func FuzzWalkersAgreeWithKin(f *testing.F) {
	for _, body := range mutatedBodies(&testing.T{}, 30, walkValues) {
		f.Add(body)
	}
	walkers := walkoracle.Walkers(f, kitchensinkcheck.CompiledSpec, "spec.yaml")
	f.Fuzz(func(t *testing.T, body []byte) {
		walkoracle.RequireSound(t, walkers, body)
	})
}
