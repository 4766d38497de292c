package kitchensink_test

import (
	"encoding/json"
	"maps"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/acs/jsondec/jsondectest"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/internal/cases/kitchensink"
	"github.com/acsgen/acsgen/generator/internal/cases/kitchensink/kitchensinkcheck"
)

// editDocument changes one node of a decoded JSON document: its value replaced, or
// a member deleted, renamed in upper case or joined by one the schema lacks.
func editDocument(root any, rng *rand.Rand, values []any) {
	type slot struct {
		obj  map[string]any
		arr  []any
		key  string
		item int
	}
	var slots []slot
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				slots = append(slots, slot{obj: x, key: k})
				walk(x[k])
			}
		case []any:
			for i := range x {
				slots = append(slots, slot{arr: x, item: i})
				walk(x[i])
			}
		}
	}
	walk(root)
	if len(slots) == 0 {
		return
	}
	s := slots[rng.IntN(len(slots))]
	value := values[rng.IntN(len(values))]
	switch op := rng.IntN(6); {
	case s.arr != nil:
		s.arr[s.item] = value
	case op == 0:
		delete(s.obj, s.key)
	case op == 1 && s.key != "":
		s.obj[strings.ToUpper(s.key[:1])+s.key[1:]] = s.obj[s.key]
		delete(s.obj, s.key)
	case op == 2:
		s.obj["unlisted"] = value
	default:
		s.obj[s.key] = value
	}
}

// mutatedBodies are the GetItem example and n random edits of it, setting values
// from values.
func mutatedBodies(t *testing.T, n int, values []any) [][]byte {
	t.Helper()
	body := exampleBody(t)
	out := [][]byte{body}
	rng := rand.New(rand.NewPCG(20, 18))
	for range n {
		var doc any
		require.NoError(t, json.Unmarshal(body, &doc))
		for range 1 + rng.IntN(3) {
			editDocument(doc, rng, values)
		}
		data, err := json.Marshal(doc)
		require.NoError(t, err)
		out = append(out, data)
	}
	return out
}

// Exact decoding, on the type with one of everything (required fields held by
// value, acs.Nullable, a union, raw JSON, maps, float32, open and closed enums):
// the value and error of plain decoding, and when it finds nothing lost, a value
// that encodes as the body.
func TestExactDecodingOfEverything(t *testing.T) {
	lossless := 0
	values := []any{nil, "x", "", "Draft", "Gone", "red", 2.0, 7.0, 0.1, 0.30000001192092896, 16777217.0, -0.0,
		true, []any{}, map[string]any{}}
	for _, body := range mutatedBodies(t, 2000, values) {
		jsondectest.RequireAgree[kitchensink.Item](t, body)
		var v kitchensink.Item
		x := jsondec.Exact{Judge: jsondectest.EncodesAs}
		if jsondec.UnmarshalExact(body, &v, jsondec.MaxDepth, &x) == nil && !x.Lost {
			lossless++
		}
	}
	t.Logf("%d of 2001 bodies lost nothing", lossless)
	assert.Greater(t, lossless, 100)
}

// The compiled check, which trusts exact decoding where it finds nothing lost,
// leaves the findings kin-openapi's: the same on the example and its edits,
// strict or not, nulls included.
func TestCompiledCheckKeepsTheFindings(t *testing.T) {
	kin, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	compiled, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	require.Equal(t, 1, compiled.UseCompiled(kitchensinkcheck.CompiledSpec))
	checks, byCompiled := 0, 0
	values := []any{nil, "x", "", "Draft", "Gone", "red", 2.0, 7.0, 0.1, 0.30000001192092896, 16777217.0, -0.0,
		true, []any{}, map[string]any{}}
	for _, body := range mutatedBodies(t, 1000, values) {
		ix := contract.Interaction{Method: "GET", URL: "https://kitchen.example.com/items/it-1?ids=ab,cd",
			Header: http.Header{}, Status: http.StatusOK,
			RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: body}
		for _, opts := range []contract.Options{{}, {Strict: true}} {
			checks++
			got, want := compiled.Examine(ix, opts), kin.Examine(ix, opts)
			require.Equal(t, want.Findings, got.Findings, "strict=%v, body %s", opts.Strict, body)
			if got.Validator == contract.ValidatorCompiled {
				byCompiled++
			}
		}
	}
	t.Logf("%d of %d checks by compiled code", byCompiled, checks)
	assert.Greater(t, byCompiled, 100)
}

// A null in a nested array or for a required array decodes to a nil slice, which
// encodes as null again and which Validate does not refuse; the compiled check
// must still leave it to kin-openapi, which refuses it.
func TestCompiledCheckRefusesNullArrays(t *testing.T) {
	kin, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	compiled, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	require.Equal(t, 1, compiled.UseCompiled(kitchensinkcheck.CompiledSpec))
	example := string(exampleBody(t))
	for _, edit := range [][2]string{
		{`"grid":[[1]]`, `"grid":[[1],null]`},
		{`"slots":[1,2]`, `"slots":null`},
		{`"tags":[]`, `"tags":[null]`},
	} {
		require.Contains(t, example, edit[0])
		body := strings.Replace(example, edit[0], edit[1], 1)
		ix := contract.Interaction{Method: "GET", URL: "https://kitchen.example.com/items/it-1?ids=ab,cd",
			Header: http.Header{}, Status: http.StatusOK,
			RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(body)}
		want := kin.Examine(ix, contract.Options{})
		require.NotEmpty(t, want.Findings, "kin-openapi refuses %s", edit[1])
		got := compiled.Examine(ix, contract.Options{})
		assert.Equal(t, want.Findings, got.Findings, edit[1])
		assert.Equal(t, contract.ValidatorKin, got.Validator, edit[1])
	}
}
