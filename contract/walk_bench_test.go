package contract

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
)

// BenchmarkWalkers judges, per iteration, every recorded body with every
// generated walker that accepts it: the walkers' own cost, without reading or
// matching (run it under cachegrind for instruction counts).
func BenchmarkWalkers(b *testing.B) {
	type pair struct {
		walk func(*jsondec.Walk) bool
		body []byte
	}
	var pairs []pair
	for _, body := range recordedBodies(b) {
		for _, w := range productWalkers(b) {
			if jsondec.Judge(body, false, w.Walk) == jsondec.Accepted {
				pairs = append(pairs, pair{w.Walk, body})
			}
		}
	}
	require.Greater(b, len(pairs), 20)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pairs {
			if jsondec.Judge(p.body, false, p.walk) != jsondec.Accepted {
				b.Fatal("refused")
			}
		}
	}
	b.ReportMetric(float64(len(pairs)), "bodies/op")
}
