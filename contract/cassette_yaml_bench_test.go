package contract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/acsgen/acsgen/internal/memprobe"
)

// BenchmarkCassetteAliases reports what cassettes with YAML aliases cost to read
// or refuse: B/op (bytes allocated), and peak-MiB, the largest heap above what was
// live before. A hundred aliases of a 1 MiB body are refused from the parsed tree;
// sixty, 61 MiB in all, just under MaxRecordingSize, are read.
//
//	go test -run '^$' -bench BenchmarkCassetteAliases -benchmem ./contract
func BenchmarkCassetteAliases(b *testing.B) {
	for _, bc := range []struct {
		name   string
		n      int
		refuse bool
	}{
		{"1MiB-x100", 100, true},
		{"1MiB-x60-reads", 60, false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			file := filepath.Join(b.TempDir(), "aliases.yaml")
			data := aliasCassette(bc.n, 1<<20)
			if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			var peak uint64
			for b.Loop() {
				var err error
				peak = max(peak, memprobe.PeakHeap(func() { _, err = ReadCassette(file) }))
				if (err != nil) != bc.refuse {
					b.Fatalf("refused %v, want %v: %v", err != nil, bc.refuse, err)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
		})
	}
}

// BenchmarkReadCassette reads a go-vcr cassette of the repository's recordings,
// 100 interactions, with eachCassette (fast) and with the full yaml/v4 parser
// alone (yaml), and reports the time per interaction.
//
//	go test -run '^$' -bench BenchmarkReadCassette -benchmem ./contract
func BenchmarkReadCassette(b *testing.B) {
	path, _ := largeRecording(b, b.TempDir(), "yaml", 100)
	for _, name := range []string{"fast", "yaml"} {
		b.Run(name, func(b *testing.B) {
			read := func() (n int) {
				count := func(int, Interaction) error { n++; return nil }
				var err error
				if name == "fast" {
					err = eachCassette(path, count)
				} else {
					var src []byte
					if src, err = readCassetteFile(path, nil); err == nil {
						err = yamlCassette(path, bytes.NewReader(src), count)
					}
				}
				if err != nil || n != 100 {
					b.Fatal(n, err)
				}
				return n
			}
			b.ReportAllocs()
			for b.Loop() {
				read()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(100*b.N), "ns/interaction")
		})
	}
}
