package contracttests

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
)

// This file holds the compiled checks of request parameters to the same promise
// as compiled_contract_test.go's of bodies: the findings are kin-openapi's,
// whether or not it was asked.

// TestCompiledParamsAcceptEveryRecording: every operation of both products has
// a parameter check contract uses, and every conforming recording is checked
// without kin-openapi's ValidateRequest, with the findings unchanged.
func TestCompiledParamsAcceptEveryRecording(t *testing.T) {
	kin, compiled := loadSet(t), compiledSet(t)
	require.ElementsMatch(t, slices.Collect(maps.Keys(operations)), compiled.CompiledParams())
	for _, path := range cassettes(t, false) {
		ixs, err := contract.ReadCassette(path)
		require.NoError(t, err)
		for i, ix := range ixs {
			sameFindings(t, kin, compiled, fmt.Sprintf("%s#%d", path, i), ix)
			assert.True(t, compiled.Examine(ix, contract.Options{}).RequestCompiled(), "%s#%d: a conforming request is compiled code's", path, i)
		}
	}
}

// paramTexts replace recorded parameter values: numbers out of int32, not
// numbers, booleans, empty, lists, long.
var paramTexts = []string{"", " ", "0", "-1", "+5", "1.5", "2147483648", "abc", "true", "TRUE", "t", "yes",
	"RELEASE", "PRE", "TEST", "HttpApi", "Operation", "HttpApi,Operation", "HttpApi,,Operation", ",", "a,b",
	strings.Repeat("z", 300), "NaN"}

// constrainedParams are the recorded parameters some text is not valid for.
var constrainedParams = map[string]bool{"pageSize": true, "pageNumber": true, "PageSize": true, "PageNumber": true,
	"withParentResource": true, "StageName": true, "ApiIds": true}

// mutateRequest changes one query parameter of ix (or the last path segment):
// a new value, a second value, or none.
func mutateRequest(t *testing.T, rng *rand.Rand, ix contract.Interaction) contract.Interaction {
	u, err := url.Parse(ix.URL)
	require.NoError(t, err)
	q := u.Query()
	var names []string
	for k := range q {
		names = append(names, k)
	}
	text := paramTexts[rng.IntN(len(paramTexts))]
	switch {
	case len(names) > 0 && rng.IntN(4) > 0:
		slices.Sort(names)
		name := names[rng.IntN(len(names))]
		// Mostly one whose value can be wrong: a number, a boolean, an enum, a list.
		if typed := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return !constrainedParams[n] }); len(typed) > 0 && rng.IntN(4) > 0 {
			name = typed[rng.IntN(len(typed))]
		}
		switch rng.IntN(4) {
		case 0:
			q.Del(name)
		case 1:
			q.Add(name, text)
		default:
			q.Set(name, text)
		}
	case strings.Count(u.Path, "/") > 2:
		u.Path = u.Path[:strings.LastIndex(u.Path, "/")+1] + text
		u.RawPath = ""
	default:
		q.Set([]string{"pageSize", "PageSize", "withParentResource", "StageName"}[rng.IntN(4)], text)
	}
	u.RawQuery = q.Encode()
	ix.URL = u.String()
	return ix
}

// TestCompiledParamsAgreeUnderMutation mutates the parameters of recorded
// requests; the findings stay kin-openapi's, and many mutated requests are
// still compiled code's to accept while many are left to kin-openapi.
func TestCompiledParamsAgreeUnderMutation(t *testing.T) {
	kin, compiled := loadSet(t), compiledSet(t)
	var seeds []contract.Interaction
	for _, path := range cassettes(t, false) {
		ixs, err := contract.ReadCassette(path)
		require.NoError(t, err)
		seeds = append(seeds, ixs...)
	}
	require.NotEmpty(t, seeds)
	rng := rand.New(rand.NewPCG(5, 6))
	accepted := 0
	const n = 1000
	for i := range n {
		ix := mutateRequest(t, rng, seeds[i%len(seeds)])
		sameFindings(t, kin, compiled, fmt.Sprintf("seed %d as %s %s", i%len(seeds), ix.Method, ix.URL), ix)
		if compiled.Examine(ix, contract.Options{}).RequestCompiled() {
			accepted++
		}
	}
	t.Logf("requests compiled code accepted: %d of %d", accepted, n)
	assert.Greater(t, accepted, 200)
	assert.Greater(t, n-accepted, 100)
}
