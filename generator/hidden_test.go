package generator

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/internal/visible"
)

// TestHiddenCharactersNeverReachGeneratedCode generates testdata/adversarial/hidden.yaml,
// which puts bidi controls, zero-width characters, a byte order mark, a tag
// character and a line separator into every kind of text the generator copies:
// descriptions, summaries, examples, enum values, a path and a parameter name
// (as YAML escapes, so that the file holds none of them raw). No generated file
// holds one raw: comments show each as <U+XXXX>, string literals as Go escapes.
// TestAdversarial compiles the same output.
func TestHiddenCharactersNeverReachGeneratedCode(t *testing.T) {
	const path = "testdata/adversarial/hidden.yaml"
	spec, err := load.File(path)
	require.NoError(t, err)
	files, _, err := FromSpec(spec, Config{Spec: path, ImportPath: "example.com/hidden"})
	require.NoError(t, err)
	all := ""
	for _, f := range files {
		src := string(f.Src)
		for line, text := range strings.Split(src, "\n") {
			if i := strings.IndexFunc(text, visible.Hidden); i >= 0 {
				t.Errorf("%s:%d holds %U raw: %q", f.Name, line+1, []rune(text[i:])[0], text)
			}
		}
		all += src
	}
	for _, want := range []string{
		"// Item is an item <U+202E>(reversed)<U+202C>.<U+FEFF>",
		"// API <U+2066>isolated<U+2069> text<U+2028>next",
		"// Its name <U+E0041>.",
		"// Example: a<U+200B>b",
		"// The <U+2067>ID<U+2069>.",
		"// GetItem gets an item.<U+200B><U+200C><U+200D>",
		"/v1/<U+200B>items/",
		`"/v1/\u200bitems/"`,
		`"red\u200b"`,
	} {
		assert.True(t, strings.Contains(all, want), "no %q in the generated files", want)
	}
}
