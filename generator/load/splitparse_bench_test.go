package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// BenchmarkParseYAML compares the split parse of each spec with the whole one;
// findSplit is the split's own overhead, and the halves, parsed alone, are what
// each core does (the longer is the parse's critical path).
func BenchmarkParseYAML(b *testing.B) {
	for _, path := range []string{"../../spec/apig-2024-03-27.yaml", "../../spec/cloudapi-2016-07-14.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		starts := lineStarts(data)
		s, ok := findSplit(data, starts)
		if !ok {
			b.Fatal("no split")
		}
		half, rest := s.halves(data, starts)
		name := strings.SplitN(filepath.Base(path), "-", 2)[0]
		for part, src := range map[string][]byte{"whole": data, "half-B": half, "half-rest": rest} {
			b.Run(name+"/"+part, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					var doc yaml.Node
					if err := yaml.Unmarshal(src, &doc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(name+"/split", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := parseYAML(data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/findSplit", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := findSplit(data, lineStarts(data)); !ok {
					b.Fatal("no split")
				}
			}
		})
	}
}
