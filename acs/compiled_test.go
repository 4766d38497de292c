package acs_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
)

// thing stands in for a generated response type.
type thing struct {
	Name  string `json:"name"`
	Count *int   `json:"count,omitzero"`
}

func (t *thing) Validate() error {
	var v acs.Validator
	if t.Name == "" {
		v.Enter("name")
		v.Fail("required property is missing")
		v.Leave()
	}
	return v.Err()
}

func TestCheckResponse(t *testing.T) {
	check := acs.CheckResponse[thing]

	two := 2
	got, err := check([]byte(`{"count": 2, "name": "a"}`), nil)
	require.NoError(t, err)
	assert.Equal(t, &thing{Name: "a", Count: &two}, got)

	// What decoding drops shows in the value's encoding: the caller's comparison sees it.
	got, err = check([]byte(`{"Name": "a", "count": null, "extra": 1}`), nil)
	require.NoError(t, err)
	assert.Equal(t, &thing{Name: "a"}, got)

	_, err = check([]byte(`{"name": ""}`), nil)
	var ve *acs.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "/name", ve.Violations[0].Pointer)

	_, err = check([]byte(`{"name": 7}`), nil)
	assert.ErrorContains(t, err, "cannot unmarshal number")

	_, err = check([]byte(strings.Repeat("[", acs.MaxResponseDepth+1)), nil)
	assert.True(t, errors.Is(err, acs.ErrBodyTooDeep), "%v", err)

	// thing has no generated decoder: encoding/json decodes it, and exact decoding
	// cannot tell what it lost.
	var exact jsondec.Exact
	got, err = check([]byte(`{"count": 2, "name": "a"}`), &exact)
	require.NoError(t, err)
	assert.Equal(t, &thing{Name: "a", Count: &two}, got)
	assert.True(t, exact.Lost)
}

// nested decodes itself, as generated types do: arrays of arrays.
type nested []nested

func (n *nested) DecodeJSON(d *jsondec.Decoder) {
	jsondec.Slice((*[]nested)(n), d, (*nested).DecodeJSON)
}

func (n *nested) Validate() error { return nil }

// With an Exact, a generated type decodes exactly, bounded as the client bounds it.
func TestCheckResponseExactly(t *testing.T) {
	check := acs.CheckResponse[nested]
	var exact jsondec.Exact
	got, err := check([]byte(` [[], [[]]] `), &exact)
	require.NoError(t, err)
	assert.Equal(t, &nested{{}, {{}}}, got)
	assert.False(t, exact.Lost)

	_, err = check([]byte(`[[], null]`), &exact)
	require.NoError(t, err)
	assert.True(t, exact.Lost)
	assert.Equal(t, 5, exact.LostAt)

	deep := strings.Repeat("[", acs.MaxResponseDepth+1) + strings.Repeat("]", acs.MaxResponseDepth+1)
	_, err = check([]byte(deep), &exact)
	assert.ErrorIs(t, err, acs.ErrBodyTooDeep)
}
