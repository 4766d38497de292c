package unions_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/generator/internal/cases/unions/unionscheck"
	"github.com/acsgen/acsgen/internal/walkoracle"
)

// Whatever catalog or config body a walker accepts, kin-openapi finds nothing
// in: each sample in its catalog, and as a config body.
func TestWalkersAgreeWithKin(t *testing.T) {
	walkers := walkoracle.Walkers(t, unionscheck.CompiledSpec, "spec.yaml")
	accepted := 0
	for _, name := range slices.Sorted(maps.Keys(samples)) {
		for _, s := range samples[name] {
			accepted += walkoracle.RequireSound(t, walkers, []byte(`{"`+name+`":`+s.json+`}`))
			accepted += walkoracle.RequireSound(t, walkers, []byte(s.json))
		}
	}
	t.Logf("%d acceptances", accepted)
	assert.Positive(t, accepted)
}

// FuzzWalkersAgreeWithKin holds the walkers to kin-openapi on arbitrary bodies.
func FuzzWalkersAgreeWithKin(f *testing.F) {
	for _, name := range slices.Sorted(maps.Keys(samples)) {
		for _, s := range samples[name] {
			f.Add([]byte(`{"` + name + `":` + s.json + `}`))
		}
	}
	walkers := walkoracle.Walkers(f, unionscheck.CompiledSpec, "spec.yaml")
	f.Fuzz(func(t *testing.T, body []byte) {
		walkoracle.RequireSound(t, walkers, body)
	})
}
