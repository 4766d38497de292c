package contract

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatch(t *testing.T) {
	set := loadSet(t)
	r, params, err := set.Match("POST", "/", "RemoveThing", "2020-01-01")
	require.NoError(t, err)
	assert.Equal(t, "RPC", r.Style)
	assert.Equal(t, "RemoveThing", r.Action)
	assert.NotEqual(t, r.Action, r.OperationID, "the spec gives RemoveThing its own operationId")
	assert.Empty(t, params)
	require.NotNil(t, r.Route.Operation)

	r, params, err = set.Match("GET", "/pets/p%2F1/photos/7", "", "")
	require.NoError(t, err)
	assert.Equal(t, "ROA", r.Style)
	assert.Equal(t, "p%2F1", params["petId"], "path parameters stay escaped")
	assert.Contains(t, r.Spec, "plainroa/spec.yaml")

	_, _, err = set.Match("PUT", "/pets", "", "")
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrNoRoute))
	assert.Equal(t, "no spec declares PUT /pets", err.Error())

	_, _, err = set.Match("GET", "/", "RemoveThing", "")
	require.Error(t, err)
	assert.False(t, errors.Is(err, ErrNoRoute), "a known action sent the wrong way is not an unknown route")

	product, style, ok := set.API("2020-01-01")
	assert.True(t, ok)
	assert.Equal(t, "RPC", style)
	assert.NotEmpty(t, product)
}
