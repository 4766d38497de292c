package contracttests

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBodiesRoundTrip decodes every documented and recorded body into its generated
// type, refusing any key the type does not declare, and requires the re-encoding to
// be JSON-equal to the input: optional, required, empty and zero values all survive.
func TestBodiesRoundTrip(t *testing.T) {
	for _, b := range allBodies(t) {
		t.Run(b.name, func(t *testing.T) {
			dec := json.NewDecoder(bytes.NewReader(b.json))
			dec.DisallowUnknownFields()
			require.NoError(t, dec.Decode(b.types.acsgen), "decoding into %s: every key must be a declared field", b.types.name)
			out, err := json.Marshal(b.types.acsgen)
			require.NoError(t, err)
			assert.JSONEq(t, string(b.json), string(out))
		})
	}
}

// TestRoundTripCatchesUndeclaredKeys keeps the strict decoding above honest: a key no
// generated type declares must fail it.
func TestRoundTripCatchesUndeclaredKeys(t *testing.T) {
	for _, b := range exampleBodies(t) {
		var m map[string]any
		require.NoError(t, json.Unmarshal(b.json, &m))
		m["notInTheSpec"] = 1
		data, err := json.Marshal(m)
		require.NoError(t, err)
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		assert.ErrorContains(t, dec.Decode(b.types.acsgen), "notInTheSpec", b.name)
	}
}
