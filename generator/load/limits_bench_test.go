package load

import (
	"testing"

	"github.com/acsgen/acsgen/internal/memprobe"
)

// BenchmarkAliasedSpecs reports what specs with YAML aliases cost to load or
// refuse: B/op (bytes allocated), and peak-MiB, the largest heap above what was
// live before. The two bombs are refused from the parsed tree; the largest
// aliases one 1 MiB string 30 times, 31 MiB in all, just under MaxSpecBytes, and loads.
//
//	go test -run '^$' -bench BenchmarkAliasedSpecs -benchmem ./generator/load
func BenchmarkAliasedSpecs(b *testing.B) {
	for _, bc := range []struct {
		name   string
		src    string
		refuse bool
	}{
		{"billion-laughs", billionLaughs(), true},
		{"1MiB-x100", wideAliases(1<<20, 100, 15000), true},
		{"1MiB-x30-loads", wideAliases(1<<20, 30, 15000), false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := []byte(bc.src)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				var err error
				peak = max(peak, memprobe.PeakHeap(func() { _, err = Data("s.yaml", data) }))
				if (err != nil) != bc.refuse {
					b.Fatalf("refused %v, want %v: %v", err != nil, bc.refuse, err)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
		})
	}
}
