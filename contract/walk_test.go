package contract

import (
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generated/apig/apigcheck"
	"github.com/acsgen/acsgen/generated/cloudapi/cloudapicheck"
	"github.com/acsgen/acsgen/internal/walkoracle"
)

// productWalkers are the walkers of both generated packages, with their schemas.
func productWalkers(t testing.TB) []walkoracle.Walker {
	return append(walkoracle.Walkers(t, apigcheck.CompiledSpec, apigSpec), walkoracle.Walkers(t, cloudapicheck.CompiledSpec, cloudapiSpec)...)
}

// Every committed recording whose body kin-openapi finds nothing in is accepted
// by its walker, strict or not, in the request as in the response: the
// walker, not decoding, judges them.
func TestWalkersAcceptTheRecordings(t *testing.T) {
	kin, compiled := productSets(t, apigSpec, cloudapiSpec)
	responses, requests := 0, 0
	for _, dir := range []string{"apig", "cloudapi"} {
		files, err := filepath.Glob(filepath.Join("../contracttests/testdata", dir, "*.yaml"))
		require.NoError(t, err)
		for _, f := range files {
			ixs, err := ReadCassette(f)
			require.NoError(t, err)
			for i, ix := range ixs {
				for _, opts := range []Options{{NoCoverage: true}, {Strict: true, NoCoverage: true}} {
					want, got := kin.Examine(ix, opts), compiled.Examine(ix, opts)
					require.Equal(t, want.Findings, got.Findings, "%s #%d", f, i)
					if got.op == nil {
						continue
					}
					if c, ok := got.op.compiled[got.statusKey]; ok && !findsIn(want.Findings, "response") {
						require.NotNil(t, c.walk)
						assert.Equal(t, jsondec.Accepted, jsondec.Judge(ix.RespBody, opts.Strict, c.walk), "%s #%d response", f, i)
						responses++
					}
					if c := got.op.bodyCheck; c != nil && len(ix.Body) > 0 && !findsIn(want.Findings, "request") {
						assert.Equal(t, jsondec.Accepted, jsondec.Judge(ix.Body, opts.Strict, c.walk), "%s #%d request", f, i)
						requests++
					}
				}
			}
		}
	}
	t.Logf("%d response and %d request bodies accepted by walkers", responses, requests)
	assert.Greater(t, responses, 20)
	assert.Positive(t, requests)
}

func findsIn(fs []Finding, where string) bool {
	for _, f := range fs {
		if f.Where == where {
			return true
		}
	}
	return false
}

// The spec's documented examples of checked bodies are accepted by their walkers.
func TestWalkersAcceptTheExamples(t *testing.T) {
	examples := 0
	for _, w := range productWalkers(t) {
		for _, ex := range w.Examples {
			body, err := json.Marshal(ex)
			require.NoError(t, err)
			require.NoError(t, w.KinFinds(body), "%s: the example is valid", w.Name)
			assert.Equal(t, jsondec.Accepted, jsondec.Judge(body, true, w.Walk), "%s: %s", w.Name, body)
			examples++
		}
	}
	t.Logf("%d examples", examples)
	assert.Positive(t, examples)
}

// Whatever body a walker accepts, kin-openapi finds nothing in: the recordings
// edited as bytes and as documents.
func TestWalkersAgreeWithKinOnMutatedBodies(t *testing.T) {
	walkers := productWalkers(t)
	rng := rand.New(rand.NewPCG(17, 4))
	accepted := 0
	bodies := recordedBodies(t)
	for _, body := range bodies {
		accepted += walkoracle.RequireSound(t, walkers, body)
		for range 60 {
			accepted += walkoracle.RequireSound(t, walkers, mutateBytes(rng, body))
		}
	}
	t.Logf("%d acceptances over %d bodies and their edits", accepted, len(bodies))
	assert.Greater(t, accepted, len(bodies))
}

// FuzzWalkersAgreeWithKin holds every walker of the generated packages to
// kin-openapi on arbitrary bodies: a body a walker accepts, kin-openapi finds
// nothing in.
func FuzzWalkersAgreeWithKin(f *testing.F) {
	for _, body := range recordedBodies(f) {
		f.Add(body)
	}
	f.Add([]byte(`{"requestId":"r","data":{"attachResourceIds":["a",null]}}`))
	f.Add([]byte(`{"RequestId":"r","Plugins":{"PluginAttribute":[]}}`))
	walkers := productWalkers(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		walkoracle.RequireSound(t, walkers, body)
	})
}

// The walker of the documented GetPluginAttachment body allocates nothing.
func TestWalkerAllocatesNothing(t *testing.T) {
	body := documented(t).RespBody
	walk := apigcheck.CompiledSpec.Walks["GetPluginAttachment"]["200"]
	require.Equal(t, jsondec.Accepted, jsondec.Judge(body, false, walk))
	assert.Zero(t, testing.AllocsPerRun(100, func() { jsondec.Judge(body, false, walk) }))
}
