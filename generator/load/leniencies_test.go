package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A spec without a title loads with a warning at info.title, and keeps no title:
// the stand-in kin-openapi validated with is gone.
func TestMissingTitleIsAWarning(t *testing.T) {
	spec, err := Data("s.yaml", []byte("openapi: 3.0.3\ninfo:\n  title: \"\"\n  version: \"1\"\npaths: {}\n"))
	require.NoError(t, err)
	require.Len(t, spec.Warnings, 1)
	assert.Equal(t, `s.yaml:3:3: warning: info.title: info has no title, which OpenAPI requires; the generated client and docs are named after the package`, spec.Warnings[0].String())
	assert.Empty(t, spec.Doc.Info.Title)

	spec, err = Data("s.yaml", []byte("openapi: 3.0.3\ninfo:\n  version: \"1\"\npaths: {}\n"))
	require.NoError(t, err, "no title key at all")
	require.Len(t, spec.Warnings, 1)
	assert.Equal(t, "s.yaml:2:1", spec.Warnings[0].Pos.String(), "at info, the nearest node there is")
}

// A file of components only loads, with a warning, and has empty paths.
func TestMissingPathsIsAWarning(t *testing.T) {
	spec, err := Data("s.yaml", []byte("openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\ncomponents:\n  schemas:\n    A: {type: string}\n"))
	require.NoError(t, err)
	require.Len(t, spec.Warnings, 1)
	assert.Equal(t, `s.yaml:1:1: warning: paths: the spec has no paths, which OpenAPI requires; only the types of its components are generated`, spec.Warnings[0].String())
	assert.Zero(t, spec.Doc.Paths.Len())

	_, err = Data("s.yaml", []byte("openapi: 3.0.3\ninfo: {title: T, version: \"1\"}\npaths: []\n"))
	require.Error(t, err, "paths that are not an object are still refused")
}
