package contracttests

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec/jsondectest"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// This file holds the generated decoders (DecodeJSON, package jsondec), which the
// clients run on every response body, to encoding/json on every recorded body
// and on thousands of mutated and corrupted ones, into every response type.

// decodesAgree decodes data into each generated response type with both decoders
// and returns how many types it decoded into.
func decodesAgree(t *testing.T, data []byte) int {
	t.Helper()
	n := 0
	for _, ok := range []bool{
		jsondectest.RequireAgree[apig.GetPluginAttachmentResponse](t, data),
		jsondectest.RequireAgree[apig.CreatePluginAttachmentResponse](t, data),
		jsondectest.RequireAgree[apig.ListPluginAttachmentsResponse](t, data),
		jsondectest.RequireAgree[apig.UpdatePluginAttachmentResponse](t, data),
		jsondectest.RequireAgree[apig.DeletePluginAttachmentResponse](t, data),
		jsondectest.RequireAgree[apig.ErrorResponse](t, data),
		jsondectest.RequireAgree[cloudapi.AttachPluginResponse](t, data),
		jsondectest.RequireAgree[cloudapi.DetachPluginResponse](t, data),
		jsondectest.RequireAgree[cloudapi.DescribePluginsByAPIResponse](t, data),
		jsondectest.RequireAgree[cloudapi.DescribePluginAPIsResponse](t, data),
		jsondectest.RequireAgree[cloudapi.ErrorResponse](t, data),
	} {
		if ok {
			n++
		}
	}
	return n
}

func TestGeneratedDecodersAgreeOnEveryRecording(t *testing.T) {
	decoded := 0
	for _, path := range allCassettes(t) {
		ixs, err := contract.ReadCassette(path)
		require.NoError(t, err)
		for _, ix := range ixs {
			decoded += decodesAgree(t, ix.RespBody)
		}
	}
	assert.Positive(t, decoded)
}

// Mutations change values, kinds, names and nesting; corruptions cut the body
// short or overwrite a byte, which mostly breaks the grammar.
func TestGeneratedDecodersAgreeUnderMutation(t *testing.T) {
	var seeds [][]byte
	for _, path := range cassettes(t, false) {
		ixs, err := contract.ReadCassette(path)
		require.NoError(t, err)
		for _, ix := range ixs {
			seeds = append(seeds, ix.RespBody)
		}
	}
	require.NotEmpty(t, seeds)
	rng := rand.New(rand.NewPCG(5, 6))
	decoded, refused := 0, 0
	for i := range 1000 {
		seed := seeds[i%len(seeds)]
		data, ok := randomMutation(rng).apply(seed)
		if !ok {
			continue
		}
		if rng.IntN(3) == 0 {
			data = invisibleToDecoding(t, data, rng.IntN(1<<16), rng.IntN(2))
		}
		if n := decodesAgree(t, data); n > 0 {
			decoded++
		}
		if decodesAgree(t, corrupted(seed, rng)) == 0 {
			refused++
		}
	}
	assert.Greater(t, decoded, 500, "most mutated bodies must still decode")
	assert.Greater(t, refused, 300, "most corrupted bodies must be refused")
}

// corrupted cuts data short, overwrites one byte with a JSON-significant one, or
// inserts one.
func corrupted(data []byte, rng *rand.Rand) []byte {
	const significant = "{}[]:,\"\\ 0-e.tnx\x00\xff"
	out := append([]byte(nil), data...)
	at := rng.IntN(len(out))
	c := significant[rng.IntN(len(significant))]
	switch rng.IntN(3) {
	case 0:
		return out[:at]
	case 1:
		out[at] = c
		return out
	}
	return append(out[:at], append([]byte{c}, data[at:]...)...)
}
