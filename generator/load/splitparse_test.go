package load

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// wholeParse is the parse the split must match.
func wholeParse(t *testing.T, data []byte) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &doc))
	return &doc
}

// uncommented drops the comments, which the split moves and nothing reads.
func uncommented(n *yaml.Node) *yaml.Node {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		uncommented(c)
	}
	return n
}

// checkSplits tries the splits at every step-th line of data and requires each
// that joins to give the whole parse's tree; it returns how many joined.
func checkSplits(t *testing.T, name string, data []byte, step int) (joined int) {
	t.Helper()
	want := uncommented(wholeParse(t, data))
	starts := lineStarts(data)
	in := indents(data, starts)
	for i := 0; i < len(starts); i += step {
		for _, s := range splitsAt(data, starts, in, i) {
			got, ok := s.parse(data, starts)
			if !ok {
				continue
			}
			joined++
			require.Equal(t, want, uncommented(got), "%s split at lines %d-%d", name, s.from+1, s.to)
		}
	}
	return joined
}

// Every split of every spec in the repository that joins gives the tree the
// whole file parses to.
func TestSplitParseMatchesWhole(t *testing.T) {
	var files []string
	require.NoError(t, filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
			files = append(files, path)
		}
		return nil
	}))
	require.NotEmpty(t, files)
	joined := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		var probe yaml.Node
		if yaml.Unmarshal(data, &probe) != nil {
			continue // the fixtures of syntax errors
		}
		step := 1 + bytes.Count(data, []byte("\n"))/25 // some 25 lines a file
		joined += checkSplits(t, path, data, step)
	}
	assert.Greater(t, joined, 200, "splits that joined, over %d files", len(files))
}

// The large specs split near their middle, so both cores parse.
func TestLargeSpecSplits(t *testing.T) {
	for _, path := range []string{"../../spec/apig-2024-03-27.yaml", "../../spec/cloudapi-2016-07-14.yaml"} {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		starts := lineStarts(data)
		s, ok := findSplit(data, starts)
		require.True(t, ok, path)
		b := len(data) - starts[s.from]
		if s.to < len(starts) {
			b = starts[s.to] - starts[s.from]
		}
		assert.InDelta(t, 0.5, float64(b)/float64(len(data)), 0.2, "%s: B is lines %d-%d", path, s.from+1, s.to)
		_, joined := s.parse(data, starts)
		assert.True(t, joined, path)
	}
}

// splitCase is a spec whose middle the split must read right, or not split; tail
// ends it.
func splitCase(middle, tail string) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ncomponents:\n  schemas:\n")
	for i := range 40 {
		b.WriteString("    A" + itoa(i) + ":\n      type: string\n")
	}
	b.WriteString(middle)
	for i := range 40 {
		b.WriteString("    B" + itoa(i) + ":\n      type: integer\n")
	}
	b.WriteString("  parameters: {}\n" + tail)
	return []byte(b.String())
}

// What could read across the split's first line either parses as the whole file
// does or is left to the whole parse. Each tail closes what the middle left open
// in the rest of the file, so that only the join's checks refuse the split.
func TestSplitParseEdgeCases(t *testing.T) {
	for name, tc := range map[string]struct{ middle, tail string }{
		"double-quoted scalar across": {"    Q:\n      description: \"one\n    C0: {type: string}\n    C1: two\"\n", "x-tail: a\"\n"},
		"single-quoted scalar across": {"    Q:\n      description: 'one\n    C0: x\n    C1: two'\n", "x-tail: a'\n"},
		"flow mapping across":         {"    Q: {type: string,\n    C0: x,\n    C1: y}\n", "x-tail: a}\n"},
		"flow sequence across":        {"    Q:\n      enum: [a,\n    C0, C1]\n", "x-tail: a]\n"},
		"anchor redefined":            {"    Q: &q {type: string}\n    C0: *q\n    C1: &q {type: integer}\n", "x-tail: *q\n"},
		"kept block scalar":           {"    Q:\n      description: |+\n        text\n\n\n    C0: {type: string}\n", "x-tail: |+\n  kept\n\n"},
		"folded block scalar":         {"    Q:\n      description: >-\n        text\n    C0:\n      description: |\n        more\n\n", "x-tail: 1\n"},
		"duplicate keys":              {"    A0: {type: boolean}\n    A1: {type: boolean}\n", "components: {}\n"},
		"comments":                    {"# at the margin\n    Q: {type: string} # trailing\n      # deeper\n    C0: {type: string}\n", "# end\n"},
		"compact sequence":            {"    Q:\n      required:\n      - a\n      - b\n    C0:\n      enum:\n      - x\n", "x-tail:\n- 1\n"},
		"plain scalar lines":          {"    Q:\n      description: one\n        two\n    C0: {type: string}\n", "x-tail: a\n  b\n"},
	} {
		t.Run(name, func(t *testing.T) {
			data := splitCase(tc.middle, tc.tail)
			checkSplits(t, name, data, 1)
			crlf := []byte(strings.ReplaceAll(string(data), "\n", "\r\n"))
			checkSplits(t, name+" (CRLF)", crlf, 1)
		})
	}
}

// A split spec loads as it would whole: same positions, same decoded document.
func TestSplitSpecLoads(t *testing.T) {
	data, err := os.ReadFile("../../spec/apig-2024-03-27.yaml")
	require.NoError(t, err)
	loc, err := newLocator("apig.yaml", data)
	require.NoError(t, err)
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &doc))
	assert.Equal(t, uncommented(doc.Content[0]), uncommented(loc.root))
	assert.Equal(t, lineStarts(data), loc.lines())
}

// A syntax error in either half is reported as the whole parse reports it.
func TestSplitParseSyntaxError(t *testing.T) {
	data := splitCase("    Q: [unclosed\n", "")
	for len(data) < splitMinBytes {
		data = append([]byte("x-pad: "+strings.Repeat("p", 1000)+"\n"), data...)
	}
	_, _, err := parseYAML(data)
	var want yaml.Node
	wantErr := yaml.Unmarshal(data, &want)
	require.Error(t, wantErr)
	require.Error(t, err)
	assert.Equal(t, wantErr.Error(), err.Error())
}

// Text the split does not read line by line (UTF-16, other line breaks) is
// never split.
func TestSplitRefusesOtherText(t *testing.T) {
	data := splitCase("", "")
	starts := lineStarts(data)
	_, ok := findSplit(data, starts)
	require.True(t, ok)
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range string(data) {
		utf16 = append(utf16, byte(c), 0)
	}
	_, ok = findSplit(utf16, lineStarts(utf16))
	assert.False(t, ok, "UTF-16")
	ls := append([]byte("x-ls: \u2028\n"), data...)
	_, ok = findSplit(ls, lineStarts(ls))
	assert.False(t, ok, "U+2028")
}
