package load

import (
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// FuzzSplitParse holds every split that joins to the whole-file parse, on any
// text: the same tree when the file parses, and no join when it does not (a
// file that fails whole must never load through its halves).
func FuzzSplitParse(f *testing.F) {
	f.Add(splitCase("", ""), 60)
	f.Add(splitCase("    Q:\n      description: \"one\n    C0: {type: string}\n    C1: two\"\n", "x-tail: a\"\n"), 81)
	f.Add(splitCase("    Q:\n      description: |+\n        text\n\n\n    C0: {type: string}\n", "x-tail: |+\n  kept\n\n"), 82)
	f.Add(splitCase("    Q: &q {type: string}\n    C0: *q\n", ""), 81)
	f.Add([]byte("a:\n  b: 1\n  c:\n    d: 2\n  e: 3\nf: 4\n"), 2)
	f.Fuzz(func(t *testing.T, data []byte, line int) {
		if len(data) > 1<<16 || !splittable(data) {
			return
		}
		starts := lineStarts(data)
		if line < 0 || line >= len(starts) {
			return
		}
		var whole yaml.Node
		wholeErr := yaml.Unmarshal(data, &whole)
		for _, s := range splitsAt(data, starts, indents(data, starts), line) {
			got, ok := s.parse(data, starts)
			if !ok {
				continue
			}
			require.NoError(t, wholeErr, "split at lines %d-%d joined text the whole parse refuses", s.from+1, s.to)
			require.Equal(t, uncommented(&whole), uncommented(got), "split at lines %d-%d", s.from+1, s.to)
		}
	})
}
