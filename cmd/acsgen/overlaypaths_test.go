package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Overlays of several spec files are named by each file's path below the
// directory they share, so that files of one base name in two directories of a
// multi-file spec never write to one overlay.
func TestOverlayPaths(t *testing.T) {
	f := filepath.FromSlash
	assert.Equal(t, []string{"out.yaml"}, overlayPaths("out.yaml", []string{f("spec/a.yaml")}))
	assert.Equal(t, []string{"out.apig.yaml", "out.cloudapi.yaml"},
		overlayPaths("out.yaml", []string{f("spec/apig.yaml"), f("spec/cloudapi.yaml")}))
	assert.Equal(t, []string{f("o/s.models.pet.yaml"), f("o/s.schemas.pet.yaml"), f("o/s.spec.yaml")},
		overlayPaths(f("o/s.yaml"), []string{f("api/models/pet.yaml"), f("api/schemas/pet.yaml"), f("api/spec.yaml")}))
	assert.Equal(t, []string{"s.a.x.yaml", "s.b.x.yaml"}, overlayPaths("s.yaml", []string{f("a/x.yaml"), f("b/x.yaml")}))
}
