package contract

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkCheckCompiled checks every committed recording of a documented call
// once per iteration with compiled checks, as Set.Check does (no coverage).
func BenchmarkCheckCompiled(b *testing.B) { benchmarkCheck(b, true) }

// BenchmarkCheckKin is BenchmarkCheckCompiled with kin-openapi checking every body.
func BenchmarkCheckKin(b *testing.B) { benchmarkCheck(b, false) }

func benchmarkCheck(b *testing.B, compiled bool) {
	kin, set := productSets(&testing.T{}, apigSpec, cloudapiSpec)
	if !compiled {
		set = kin
	}
	var ixs []Interaction
	for _, dir := range []string{"apig", "cloudapi"} {
		files, err := filepath.Glob(filepath.Join("../contracttests/testdata", dir, "*.yaml"))
		require.NoError(b, err)
		for _, f := range files {
			got, err := ReadCassette(f)
			require.NoError(b, err)
			ixs = append(ixs, got...)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, ix := range ixs {
			set.Check(ix, Options{})
		}
	}
	b.ReportMetric(float64(len(ixs)), "interactions/op")
}
