package contracttests

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/apig/apigcheck"
	"github.com/acsgen/acsgen/generated/cloudapi/cloudapicheck"
)

// This file holds `acsgen contract`'s compiled checks to the promise they make:
// with the generated packages' CompiledSpec in use, every recording and thousands
// of mutated responses get exactly the findings kin-openapi alone gives them.

func compiledSet(t *testing.T) *contract.Set {
	t.Helper()
	set := loadSet(t)
	require.Equal(t, 3*len(operations), set.UseCompiled(apigcheck.CompiledSpec, cloudapicheck.CompiledSpec),
		"every operation's 200, 4XX and 5XX; else the generated packages are stale against spec/: run make generate")
	return set
}

// sameFindings examines ix with both sets, strict or not, requires the same
// findings, and returns the validator the compiled set used.
func sameFindings(t *testing.T, kin, compiled *contract.Set, name string, ix contract.Interaction) string {
	t.Helper()
	var used string
	for _, opts := range []contract.Options{{}, {Strict: true}} {
		want, got := kin.Examine(ix, opts), compiled.Examine(ix, opts)
		require.Equal(t, want.Findings, got.Findings, "%s (strict=%v): compiled checks changed the findings\nbody: %s", name, opts.Strict, ix.RespBody)
		used = got.Validator
	}
	return used
}

func TestCompiledChecksAgreeOnEveryRecording(t *testing.T) {
	kin, compiled := loadSet(t), compiledSet(t)
	used := map[string]int{}
	for _, path := range allCassettes(t) {
		ixs, err := contract.ReadCassette(path)
		require.NoError(t, err)
		for i, ix := range ixs {
			v := sameFindings(t, kin, compiled, fmt.Sprintf("%s#%d", path, i), ix)
			used[v]++
			if !strings.HasPrefix(path, negativeDir+"/") {
				assert.Equal(t, contract.ValidatorCompiled, v, "%s#%d: a conforming response is compiled code's to check", path, i)
			}
		}
	}
	t.Logf("validators used: %v", used)
	assert.Positive(t, used[contract.ValidatorCompiled])
	assert.Positive(t, used[contract.ValidatorKin])
}

// TestCompiledChecksAgreeUnderMutation mutates the recorded responses with
// the differential test's mutations plus the ones decoding into Go types cannot
// see (null, another letter case), which must fall back to kin-openapi.
func TestCompiledChecksAgreeUnderMutation(t *testing.T) {
	kin, compiled := loadSet(t), compiledSet(t)
	var seeds []contract.Interaction
	for _, path := range cassettes(t, false) {
		ixs, err := contract.ReadCassette(path)
		require.NoError(t, err)
		seeds = append(seeds, ixs...) // success and error responses

	}
	require.NotEmpty(t, seeds)
	rng := rand.New(rand.NewPCG(3, 4))
	used := map[string]int{}
	for i := range 1000 {
		ix := seeds[i%len(seeds)]
		m := randomMutation(rng)
		data, ok := m.apply(ix.RespBody)
		if !ok {
			continue
		}
		name := fmt.Sprintf("seed %d mutated by %+v", i%len(seeds), m)
		if rng.IntN(4) == 0 {
			data = invisibleToDecoding(t, data, rng.IntN(1<<16), rng.IntN(2))
			name += " and made invisible to decoding"
		}
		ix.RespBody = data
		used[sameFindings(t, kin, compiled, name, ix)]++
	}
	t.Logf("validators used: %v", used)
	assert.Greater(t, used[contract.ValidatorCompiled], 200, "many mutated bodies must stay valid and be compiled code's")
	assert.Greater(t, used[contract.ValidatorKin], 200, "many must be left to kin-openapi")
}

// invisibleToDecoding sets one property (picked by target) to null, or respells its
// name with an upper-case first letter: changes encoding/json does not report.
func invisibleToDecoding(t *testing.T, data []byte, target, kind int) []byte {
	t.Helper()
	var root any
	require.NoError(t, json.Unmarshal(data, &root))
	var objs []map[string]any
	var keys []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				objs, keys = append(objs, x), append(keys, k)
				walk(x[k])
			}
		case []any:
			for _, item := range x {
				walk(item)
			}
		}
	}
	walk(root)
	if len(keys) == 0 {
		return data
	}
	obj, key := objs[target%len(keys)], keys[target%len(keys)]
	if kind == 0 {
		obj[key] = nil
	} else if respelt := strings.ToUpper(key[:1]) + key[1:]; respelt != key {
		obj[respelt] = obj[key]
		delete(obj, key)
	}
	out, err := json.Marshal(root)
	require.NoError(t, err)
	return out
}
