package contract

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recordedWithBody are the committed APIG interactions that send a JSON body.
func recordedWithBody(t *testing.T) []Interaction {
	t.Helper()
	files, err := filepath.Glob("../contracttests/testdata/apig/*.yaml")
	require.NoError(t, err)
	var out []Interaction
	for _, f := range files {
		ixs, err := ReadCassette(f)
		require.NoError(t, err)
		for _, ix := range ixs {
			if len(ix.Body) > 0 && json.Valid(ix.Body) {
				out = append(out, ix)
			}
		}
	}
	require.NotEmpty(t, out)
	return out
}

// TestCompiledRequestBodiesKeepTheFindings holds the compiled check of request
// bodies to kin-openapi's: on the recorded bodies and on random edits of them,
// as bytes and as documents, the findings are kin-openapi's alone, strict or not.
func TestCompiledRequestBodiesKeepTheFindings(t *testing.T) {
	kin, compiled := productSets(t, apigSpec, cloudapiSpec)
	rng := rand.New(rand.NewPCG(11, 12))
	byCompiled, byKin := 0, 0
	check := func(ix Interaction) bool {
		t.Helper()
		accepted := false
		for _, opts := range []Options{{}, {Strict: true}} {
			got, want := compiled.Examine(ix, opts), kin.Examine(ix, opts)
			require.Equal(t, want.Findings, got.Findings, "strict=%v, body %q", opts.Strict, ix.Body)
			require.False(t, want.bodyCompiled)
			accepted = got.bodyCompiled
		}
		if accepted {
			byCompiled++
		} else {
			byKin++
		}
		return accepted
	}
	values := []any{nil, "x", "", 7.0, 1.5, true, []any{}, map[string]any{}, []any{"a", 1.0}}
	for _, seed := range recordedWithBody(t) {
		require.True(t, check(seed), "the recorded body of %s %s is checked by compiled code", seed.Method, seed.URL)
		for range 150 {
			ix := seed
			ix.Body = mutateBytes(rng, seed.Body)
			check(ix)
		}
		for range 150 {
			var root any
			require.NoError(t, json.Unmarshal(seed.Body, &root))
			for range 1 + rng.IntN(3) {
				editRandomNode(root, rng, values)
			}
			ix := seed
			var err error
			ix.Body, err = json.Marshal(root)
			require.NoError(t, err)
			check(ix)
		}
		ix := seed
		ix.Header = ix.Header.Clone()
		ix.Header.Set("Content-Type", "application/json; charset=utf-8")
		assert.True(t, check(ix), "a charset parameter")
		ix.Header.Set("Content-Type", "text/plain")
		assert.False(t, check(ix), "not the JSON media type")
		ix.Header = http.Header{}
		assert.False(t, check(ix), "no Content-Type")
	}
	t.Logf("%d request bodies checked by compiled code, %d by kin-openapi", byCompiled, byKin)
	assert.Greater(t, byCompiled, 100)
	assert.Greater(t, byKin, 100)
}

func TestHasReadOnlyLooksEverywhere(t *testing.T) {
	ro := &openapi3.SchemaRef{Value: &openapi3.Schema{ReadOnly: true}}
	plain := func(s *openapi3.Schema) *openapi3.SchemaRef { return &openapi3.SchemaRef{Value: s} }
	loop := &openapi3.Schema{}
	loop.Properties = openapi3.Schemas{"self": plain(loop)}
	cases := map[string]struct {
		s    *openapi3.SchemaRef
		want bool
	}{
		"none":       {plain(&openapi3.Schema{Properties: openapi3.Schemas{"a": plain(&openapi3.Schema{})}}), false},
		"itself":     {ro, true},
		"property":   {plain(&openapi3.Schema{Properties: openapi3.Schemas{"a": ro}}), true},
		"items":      {plain(&openapi3.Schema{Items: ro}), true},
		"map values": {plain(&openapi3.Schema{AdditionalProperties: openapi3.AdditionalProperties{Schema: ro}}), true},
		"allOf":      {plain(&openapi3.Schema{AllOf: openapi3.SchemaRefs{ro}}), true},
		"oneOf":      {plain(&openapi3.Schema{OneOf: openapi3.SchemaRefs{plain(&openapi3.Schema{}), ro}}), true},
		"anyOf":      {plain(&openapi3.Schema{AnyOf: openapi3.SchemaRefs{ro}}), true},
		"not":        {plain(&openapi3.Schema{Not: ro}), true},
		"a cycle":    {plain(loop), false},
	}
	for name, c := range cases {
		assert.Equal(t, c.want, hasFlag(c.s, readOnly, map[*openapi3.Schema]bool{}), name)
	}
}
