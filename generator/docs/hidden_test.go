package docs

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/internal/visible"
)

// TestHiddenCharactersNeverReachPages renders the pages of the generator's
// hidden.yaml case (bidi controls, zero-width characters and line separators in
// its titles, descriptions, examples, enum values, path and a parameter name),
// with the example the generator writes for it: no page holds one of them raw;
// each shows as <U+XXXX>.
func TestHiddenCharactersNeverReachPages(t *testing.T) {
	const path = "../testdata/adversarial/hidden.yaml"
	spec, err := load.File(path)
	require.NoError(t, err)
	files, api, err := generator.FromSpec(spec, generator.Config{Spec: path, ImportPath: "example.com/hidden"})
	require.NoError(t, err)
	exs := map[string]Example{}
	for _, f := range files {
		if f.Name != "examples_gen_test.go" {
			continue
		}
		funcs, err := parseExamples(f.Name, f.Src)
		require.NoError(t, err)
		for name, src := range funcs {
			exs[name] = Example{File: "hidden/" + f.Name, Source: src}
		}
	}
	require.NotEmpty(t, exs)
	p := Product{API: api, Specs: map[string]*load.Spec{path: spec}, Examples: exs, ExamplesDir: "hidden"}
	pages, err := ProductPages(p)
	require.NoError(t, err)
	pages = append(pages, Index([]Product{p}))
	all := ""
	for _, page := range pages {
		for line, text := range strings.Split(string(page.Src), "\n") {
			if i := strings.IndexFunc(text, visible.Hidden); i >= 0 {
				t.Errorf("%s:%d holds %U raw: %q", page.Name, line+1, []rune(text[i:])[0], text)
			}
		}
		all += string(page.Src)
	}
	for _, want := range []string{
		"**Hidden <U+202E>title**",
		"API <U+2066>isolated<U+2069> text<U+2028>next",
		"Gets an item.<U+200B><U+200C><U+200D>",
		"The <U+2067>ID<U+2069>.",
		"`it<U+00AD>em-1`",
		"`q<U+2060>`",
		"GET /v1/<U+200B>items/{id}",
		"`red<U+200B>`",
		"Example: a<U+200B>b",
	} {
		assert.True(t, strings.Contains(all, want), "no %q on the pages", want)
	}
}
