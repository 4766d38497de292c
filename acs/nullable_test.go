package acs_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

type patch struct {
	Name  acs.Nullable[string]   `json:"name,omitzero"`
	Port  acs.Nullable[int32]    `json:"port,omitzero"`
	Tags  acs.Nullable[[]string] `json:"tags,omitzero"`
	Inner acs.Nullable[inner]    `json:"inner,omitzero"`
}

type inner struct {
	On bool `json:"on"`
}

func TestNullableRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   patch
		json string
	}{
		{"all absent", patch{}, `{}`},
		{"null", patch{Name: acs.Null[string](), Port: acs.Null[int32]()}, `{"name":null,"port":null}`},
		{"values", patch{Name: acs.Value("x"), Port: acs.Value[int32](8080), Tags: acs.Value([]string{"a"}), Inner: acs.Value(inner{On: true})},
			`{"name":"x","port":8080,"tags":["a"],"inner":{"on":true}}`},
		{"zero values are values", patch{Name: acs.Value(""), Port: acs.Value[int32](0), Tags: acs.Value([]string{})},
			`{"name":"","port":0,"tags":[]}`},
		{"mixed", patch{Name: acs.Null[string](), Port: acs.Value[int32](1)}, `{"name":null,"port":1}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.in)
			require.NoError(t, err)
			assert.JSONEq(t, tc.json, string(b))

			var back patch
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, tc.in, back)
		})
	}
}

func TestNullableStates(t *testing.T) {
	var p patch
	require.NoError(t, json.Unmarshal([]byte(`{"name":null,"port":7}`), &p))

	_, ok := p.Name.Get()
	assert.False(t, ok)
	assert.True(t, p.Name.IsNull())
	assert.False(t, p.Name.IsZero())

	port, ok := p.Port.Get()
	assert.True(t, ok)
	assert.Equal(t, int32(7), port)
	assert.False(t, p.Port.IsNull())
	assert.False(t, p.Port.IsZero())

	assert.True(t, p.Tags.IsZero(), "absent stays absent")
	assert.False(t, p.Tags.IsNull())
	_, ok = p.Tags.Get()
	assert.False(t, ok)

	// Decoding onto a value: null replaces it, absence keeps it.
	p = patch{Name: acs.Value("old"), Port: acs.Value[int32](1)}
	require.NoError(t, json.Unmarshal([]byte(`{"name":null}`), &p))
	assert.True(t, p.Name.IsNull())
	v, _ := p.Port.Get()
	assert.Equal(t, int32(1), v)
}

func TestNullableRejectsWrongType(t *testing.T) {
	var p patch
	err := json.Unmarshal([]byte(`{"port":"eighty"}`), &p)
	var te *json.UnmarshalTypeError
	require.ErrorAs(t, err, &te)
	assert.True(t, p.Port.IsZero(), "a failed decode leaves no value")
}

func TestNullableWithoutOmitzeroMarshalsNull(t *testing.T) {
	b, err := json.Marshal(struct {
		A acs.Nullable[int] `json:"a"`
	}{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"a":null}`, string(b))
}
