package bench

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/bench/internal/gens"
	"github.com/acsgen/acsgen/generator"
)

// generators are the two generators compared (bench/internal/gens).
var generators = gens.ByName

// BenchmarkGenerate generates both specs per iteration, in callRounds rounds that
// interleave the two generators as the client benchmarks do, so that a change in
// the machine's load falls on both alike and bench/cmd/ratios compares medians.
func BenchmarkGenerate(b *testing.B) {
	for range callRounds {
		for _, name := range gens.Names {
			gen := generators[name]
			b.Run(name, func(b *testing.B) {
				for _, spec := range []string{apigSpec, cloudapiSpec} {
					n, err := gen(spec)
					require.NoError(b, err, spec)
					require.Positive(b, n, spec)
				}
				b.ReportAllocs()
				for b.Loop() {
					for _, spec := range []string{apigSpec, cloudapiSpec} {
						if _, err := gen(spec); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}

// BenchmarkGenerateScaling generates synthesised ROA specs of n operations, each
// with its own response schema, and reports the cost per operation too.
func BenchmarkGenerateScaling(b *testing.B) {
	sizes := scalingSizes
	if *scalingFlag > 0 {
		sizes = []int{*scalingFlag}
	}
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			spec := writeSpec(b, n)
			files, api, err := generator.Generate(gens.AcsgenConfig(spec))
			require.NoError(b, err)
			require.Len(b, api.Operations, n)
			require.NotEmpty(b, files)
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := generator.Generate(gens.AcsgenConfig(spec)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/operation")
		})
	}
}

// writeSpec writes an APIG-like spec with n operations and n+1 schemas: each
// operation reads one object with a bounded integer, a patterned string, an enum, an
// array and a reference to an earlier operation's schema.
func writeSpec(tb testing.TB, n int) string {
	tb.Helper()
	var s strings.Builder
	s.WriteString("openapi: 3.0.3\ninfo: {title: Synth, version: \"1\"}\nx-acs-product: Synth\nx-acs-version: \"2024-01-01\"\nx-acs-style: ROA\n")
	s.WriteString("servers: [{url: 'https://synth.example.com'}]\npaths:\n")
	for i := range n {
		fmt.Fprintf(&s, "  /v1/things%d/{id}:\n    get:\n      operationId: GetThing%d\n", i, i)
		s.WriteString("      parameters:\n        - {name: id, in: path, required: true, schema: {type: string, maxLength: 64}}\n")
		s.WriteString("        - {name: limit, in: query, schema: {type: integer, format: int32, minimum: 1, maximum: 100}}\n")
		fmt.Fprintf(&s, "      responses:\n        \"200\":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Thing%d'}\n", i)
	}
	s.WriteString("components:\n  schemas:\n    Thing0Base: {type: object, properties: {id: {type: string}}}\n")
	for i := range n {
		// References form a binary tree (Thing i points at Thing (i-1)/2), about as deep
		// as real specs nest. A chain (i → i-1) would be a 1000-deep nesting, on which
		// kin-openapi's document validation in load is quadratic.
		prev := fmt.Sprintf("Thing%d", (i-1)/2)
		if i == 0 {
			prev = "Thing0Base"
		}
		fmt.Fprintf(&s, "    Thing%d:\n      type: object\n      description: Thing number %d.\n      properties:\n", i, i)
		s.WriteString("        count: {type: integer, format: int64, minimum: 0}\n")
		s.WriteString("        code: {type: string, pattern: '^[A-Z]+$', maxLength: 16}\n")
		s.WriteString("        state: {type: string, enum: [Running, Stopped]}\n")
		s.WriteString("        tags: {type: array, maxItems: 10, items: {type: string}}\n")
		fmt.Fprintf(&s, "        previous: {$ref: '#/components/schemas/%s'}\n", prev)
	}
	path := filepath.Join(tb.TempDir(), fmt.Sprintf("synth-%d.yaml", n))
	require.NoError(tb, os.WriteFile(path, []byte(s.String()), 0o644))
	return path
}

func TestSynthesisedSpecGenerates(t *testing.T) {
	files, api, err := generator.Generate(gens.AcsgenConfig(writeSpec(t, 20)))
	require.NoError(t, err)
	require.Len(t, api.Operations, 20)
	require.Len(t, api.Models, 3*20+1) // per operation a schema, its enum and the response alias; plus the base
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	require.Contains(t, names, "validate_gen.go")
	require.Contains(t, names, generator.CheckPackage(api.Package)+"/check_gen.go", "the benchmarks time the check package too")
	for _, name := range []string{"acsgen", "oapi-codegen"} {
		n, err := generators[name](writeSpec(t, 20))
		require.NoError(t, err, name)
		require.Positive(t, n)
	}
}

// scalingSizes are BenchmarkGenerateScaling's spec sizes; -scaling overrides them
// for profiling one size.
var scalingSizes = []int{100, 1000, 5000}

var scalingFlag = flag.Int("scaling", 0, "run BenchmarkGenerateScaling with this one size")
