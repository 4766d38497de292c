package acs_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

func TestUnionTag(t *testing.T) {
	tag, err := acs.UnionTag([]byte(`{"a":1,"kind":"dog"}`), "kind")
	require.NoError(t, err)
	assert.Equal(t, "dog", tag)
	_, err = acs.UnionTag([]byte(`{"a":1}`), "kind")
	assert.EqualError(t, err, `the object has no "kind" property to name its alternative`)
	_, err = acs.UnionTag([]byte(`{"kind":3}`), "kind")
	assert.EqualError(t, err, `property "kind" is not a string`)
	_, err = acs.UnionTag([]byte(`[1]`), "kind")
	assert.Error(t, err)
}

func TestUnionKeys(t *testing.T) {
	got, err := acs.UnionKeys([]byte(`{"side":1,"radius":2,"x":3}`), "radius", "side", "edge")
	require.NoError(t, err)
	assert.Equal(t, []string{"radius", "side"}, got)
	got, err = acs.UnionKeys([]byte(`{}`), "radius")
	require.NoError(t, err)
	assert.Empty(t, got)
	_, err = acs.UnionKeys([]byte(`null`), "radius")
	assert.Error(t, err)
}

func TestUnionKeyKind(t *testing.T) {
	kind, err := acs.UnionKeyKind([]byte(`{"id":7,"x":"y"}`), "id")
	require.NoError(t, err)
	assert.Equal(t, "number", kind)
	kind, err = acs.UnionKeyKind([]byte(`{"id":null}`), "id")
	require.NoError(t, err)
	assert.Equal(t, "null", kind)
	_, err = acs.UnionKeyKind([]byte(`{"x":1}`), "id")
	assert.EqualError(t, err, `the object has no "id" property, whose JSON type tells its alternative`)
	_, err = acs.UnionKeyKind([]byte(`{`), "id")
	assert.Error(t, err)
}
