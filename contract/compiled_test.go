package contract

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig/apigcheck"
	"github.com/acsgen/acsgen/generated/cloudapi/cloudapicheck"
)

const (
	apigSpec     = "../spec/apig-2024-03-27.yaml"
	cloudapiSpec = "../spec/cloudapi-2016-07-14.yaml"
)

var compiledSpecs = []acs.CompiledSpec{apigcheck.CompiledSpec, cloudapicheck.CompiledSpec}

// productSets loads the product specs twice: checked by kin-openapi alone, and
// with the generated packages' compiled checks.
func productSets(t *testing.T, files ...string) (kin, compiled *Set) {
	t.Helper()
	kin, err := Load(files)
	require.NoError(t, err)
	compiled, err = Load(files)
	require.NoError(t, err)
	compiled.UseCompiled(compiledSpecs...)
	return kin, compiled
}

func TestUseCompiledAppliesOnlyToTheSpecTheCodeCameFrom(t *testing.T) {
	set, err := Load([]string{apigSpec, cloudapiSpec})
	require.NoError(t, err)
	// APIG has 5 operations, CloudAPI 4; each has a 200, a 4XX and a 5XX body.
	assert.Equal(t, 27, set.UseCompiled(compiledSpecs...), "per operation: 200, 4XX and 5XX")

	data, err := os.ReadFile(apigSpec)
	require.NoError(t, err)
	dir := t.TempDir()
	edited := filepath.Join(dir, "edited.yaml")
	require.NoError(t, os.WriteFile(edited, append(data, "# edited after generation\n"...), 0o600))
	crlf := filepath.Join(dir, "crlf.yaml")
	require.NoError(t, os.WriteFile(crlf, bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")), 0o600))

	set, err = Load([]string{edited})
	require.NoError(t, err)
	assert.Zero(t, set.UseCompiled(compiledSpecs...), "an edited spec is not the one the code was generated from")
	set, err = Load([]string{crlf})
	require.NoError(t, err)
	assert.Equal(t, 15, set.UseCompiled(compiledSpecs...), "a checkout with CRLF line endings is the same spec")
}

// documented is the recorded documentation example of GetPluginAttachment.
func documented(t *testing.T) Interaction {
	t.Helper()
	ixs, err := ReadCassette("../contracttests/testdata/apig/GetPluginAttachment.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, ixs)
	return ixs[0]
}

// mutate returns ix with its response body decoded, changed by edit, and encoded again.
func mutate(t *testing.T, ix Interaction, edit func(body, data map[string]any)) Interaction {
	t.Helper()
	var body map[string]any
	require.NoError(t, json.Unmarshal(ix.RespBody, &body))
	edit(body, body["data"].(map[string]any))
	out, err := json.Marshal(body)
	require.NoError(t, err)
	ix.RespBody = out
	ix.RespHeader = ix.RespHeader.Clone()
	return ix
}

func TestCompiledChecksOnlyWhatItCanJudge(t *testing.T) {
	kin, compiled := productSets(t, apigSpec, cloudapiSpec)
	doc := documented(t)
	withType := func(ix Interaction, ct string) Interaction {
		ix.RespHeader = http.Header{"Content-Type": {ct}}
		return ix
	}
	cases := []struct {
		name       string
		ix         Interaction
		validator  string
		wantFinds  bool
		strictOnly bool // findings only in strict mode
		strictKin  bool // kin-openapi checks it in strict mode (an open enum's new value)
	}{
		{"documented example", doc, ValidatorCompiled, false, false, false},
		{"null for a property that is not nullable", mutate(t, doc, func(_, d map[string]any) { d["pluginAttachmentId"] = nil }),
			ValidatorKin, true, false, false},
		{"property in another letter case", mutate(t, doc, func(b, _ map[string]any) { b["RequestId"] = b["requestId"]; delete(b, "requestId") }),
			ValidatorKin, true, true, false},
		{"undocumented property", mutate(t, doc, func(_, d map[string]any) { d["chargeType"] = "POSTPAY" }),
			ValidatorKin, true, true, false},
		{"a new value of an open enum", mutate(t, doc, func(_, d map[string]any) {
			d["resourceInfos"].([]any)[0].(map[string]any)["resourceType"] = "Cluster"
		}), ValidatorCompiled, true, true, true},
		{"a new value of an open enum deep down", mutate(t, doc, func(_, d map[string]any) {
			api := d["parentResourceInfo"].(map[string]any)["apiInfo"].(map[string]any)
			api["environments"].([]any)[0].(map[string]any)["backendScene"] = "MultiServiceByWeight"
		}), ValidatorCompiled, true, true, true},
		{"wrong type", mutate(t, doc, func(_, d map[string]any) { d["enable"] = "yes" }), ValidatorKin, true, false, false},
		{"not the JSON media type", withType(doc, "text/plain"), ValidatorKin, true, false, false},
		{"charset parameter", withType(doc, "application/json; charset=utf-8"), ValidatorCompiled, false, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, opts := range []Options{{}, {Strict: true}} {
				got := compiled.Examine(tc.ix, opts)
				want := kin.Examine(tc.ix, opts)
				if opts.Strict && tc.strictKin {
					assert.Equal(t, ValidatorKin, got.Validator, "strict mode leaves an open enum's new value to kin-openapi")
				} else {
					assert.Equal(t, tc.validator, got.Validator)
				}
				assert.Equal(t, ValidatorKin, want.Validator)
				assert.Equal(t, want.Findings, got.Findings, "compiled checks must not change any finding")
				assert.Equal(t, tc.wantFinds && (opts.Strict || !tc.strictOnly), len(got.Findings) > 0, "strict=%v: %v", opts.Strict, got.Findings)
			}
		})
	}
}

func TestCompiledCheckFollowsTheStatus(t *testing.T) {
	kin, compiled := productSets(t, apigSpec)
	ixs, err := ReadCassette("../contracttests/testdata/apig/GetPluginAttachment_NotFound.yaml")
	require.NoError(t, err)
	require.Equal(t, http.StatusNotFound, ixs[0].Status)
	r := compiled.Examine(ixs[0], Options{Strict: true})
	assert.Equal(t, ValidatorCompiled, r.Validator, "the 4XX error body has a generated type too")
	assert.Empty(t, r.Findings)

	// The success body under an error status is not an ErrorResponse's encoding.
	ix := documented(t)
	ix.Status = http.StatusNotFound
	r = compiled.Examine(ix, Options{Strict: true})
	assert.Equal(t, ValidatorKin, r.Validator)
	assert.Equal(t, kin.Examine(ix, Options{Strict: true}).Findings, r.Findings)
}

func TestSummaryCountsCompiledChecks(t *testing.T) {
	_, compiled := productSets(t, apigSpec)
	doc := documented(t)
	bad := mutate(t, doc, func(_, d map[string]any) { d["enable"] = "yes" })
	report := &Report{Recordings: 1, Results: []Result{compiled.Examine(doc, Options{}), compiled.Examine(bad, Options{})}}
	s := report.Summary()
	assert.Equal(t, 1, s.Compiled)
	assert.Contains(t, s.String(), "1 response body(ies) checked by compiled validators")
}

// One Set serves many goroutines (acsgen contract and the benchmarks check with a
// worker per core); its memo tables must be safe for that. Run with -race.
func TestExamineConcurrently(t *testing.T) {
	_, compiled := productSets(t, apigSpec, cloudapiSpec)
	doc := documented(t)
	bad := mutate(t, doc, func(_, d map[string]any) { d["enable"] = "yes" })
	done := make(chan Result, 16)
	for i := range cap(done) {
		go func() {
			ix := doc
			if i%2 == 1 {
				ix = bad
			}
			done <- compiled.Examine(ix, Options{Strict: true})
		}()
	}
	compiledRuns := 0
	for range cap(done) {
		if r := <-done; r.Validator == ValidatorCompiled {
			assert.Empty(t, r.Findings)
			compiledRuns++
		} else {
			assert.NotEmpty(t, r.Findings)
		}
	}
	assert.Equal(t, cap(done)/2, compiledRuns)
}

type shade string

func (s shade) IsKnown() bool { return s == "light" || s == "dark" }

type palette struct {
	Main    *shade
	Accents []shade
	ByName  map[string]*shade
	Maybe   acs.Nullable[shade]
	hidden  shade
	Nested  *palette
}

func TestHoldsUnknownEnumLooksEverywhere(t *testing.T) {
	light, odd := shade("light"), shade("odd")
	cases := map[string]struct {
		v    any
		want bool
	}{
		"nothing":          {&palette{}, false},
		"all known":        {&palette{Main: &light, Accents: []shade{"dark"}, ByName: map[string]*shade{"a": &light}, Maybe: acs.Value(light)}, false},
		"pointer field":    {&palette{Main: &odd}, true},
		"slice item":       {&palette{Accents: []shade{"dark", "odd"}}, true},
		"map value":        {&palette{ByName: map[string]*shade{"a": &odd}}, true},
		"nullable value":   {&palette{Maybe: acs.Value(odd)}, true},
		"null":             {&palette{Maybe: acs.Null[shade]()}, false},
		"nested":           {&palette{Nested: &palette{Accents: []shade{"odd"}}}, true},
		"unexported field": {&palette{hidden: odd}, false},
	}
	for name, c := range cases {
		assert.Equal(t, c.want, holdsUnknownEnum(reflect.ValueOf(c.v)), name)
	}
}
