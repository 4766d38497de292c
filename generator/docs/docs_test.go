package docs

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
)

// repoOptions place the repository's own packages as make generate does.
var repoOptions = generator.Options{ImportPath: func(pkg string) string { return "github.com/acsgen/acsgen/generated/" + pkg }}

// renderRepo renders the docs of spec/*.yaml from the repository root, as
// `acsgen docs` run by make does.
func renderRepo(t *testing.T) ([]File, []string) {
	t.Helper()
	t.Chdir("../..")
	specs, err := filepath.Glob("spec/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, specs)
	pages, problems, err := Render(specs, "generated", repoOptions)
	require.NoError(t, err)
	require.Empty(t, problems)
	return pages, specs
}

// TestDocsUpToDate compares the committed docs/ with a fresh rendering. It is
// what makes an edit of an example_test.go (or a spec) without `make generate`
// fail: the page shows the example's source verbatim.
func TestDocsUpToDate(t *testing.T) {
	pages, _ := renderRepo(t)
	for _, p := range pages {
		path := filepath.Join("docs", p.Name)
		got, err := os.ReadFile(path)
		require.NoError(t, err, "%s is missing; run make generate", path)
		assert.Equal(t, string(p.Src), string(got), "%s is stale; run make generate", path)
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	first, specs := renderRepo(t)
	again, _, err := Render(specs, "generated", repoOptions)
	require.NoError(t, err)
	assert.Equal(t, first, again)
}

// TestEveryParameterAndFieldOnPage walks each spec with kin-openapi, not the
// IR the pages come from: every parameter and every property of every response
// schema, however deep, must be named on its operation's page.
func TestEveryParameterAndFieldOnPage(t *testing.T) {
	pages, specs := renderRepo(t)
	for _, path := range specs {
		spec, err := load.File(path)
		require.NoError(t, err)
		_, api, err := generator.FromSpec(spec, generator.Config{Spec: path})
		require.NoError(t, err)
		for key, item := range spec.Doc.Paths.Map() {
			for method, op := range item.Operations() {
				name := api.Package + "/" + op.OperationID + ".md"
				i := slices.IndexFunc(pages, func(f File) bool { return f.Name == name })
				require.GreaterOrEqual(t, i, 0, "no page %s for %s %s", name, method, key)
				page := string(pages[i].Src)
				var names []string
				for _, p := range append(item.Parameters, op.Parameters...) {
					names = append(names, p.Value.Name)
				}
				seen := map[*openapi3.Schema]bool{}
				for _, r := range op.Responses.Map() {
					for _, mt := range r.Value.Content {
						names = append(names, propertyNames(mt.Schema, seen)...)
					}
				}
				require.NotEmpty(t, names)
				for _, n := range names {
					assert.Contains(t, page, "`"+n+"`", "%s does not name %q", name, n)
				}
				// The error body's own fields are listed as well.
				assert.Contains(t, page, "### Error body", name)
			}
		}
	}
}

// propertyNames lists every property name reachable from s.
func propertyNames(s *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) []string {
	if s == nil || s.Value == nil || seen[s.Value] {
		return nil
	}
	v := s.Value
	seen[v] = true
	var out []string
	for name, p := range v.Properties {
		out = append(out, name)
		out = append(out, propertyNames(p, seen)...)
	}
	out = append(out, propertyNames(v.Items, seen)...)
	if v.AdditionalProperties.Schema != nil {
		out = append(out, propertyNames(v.AdditionalProperties.Schema, seen)...)
	}
	for _, group := range [][]*openapi3.SchemaRef{v.OneOf, v.AnyOf, v.AllOf} {
		for _, x := range group {
			out = append(out, propertyNames(x, seen)...)
		}
	}
	return out
}

func kitchensink(t *testing.T, examples string) Product {
	t.Helper()
	const path = "../internal/cases/kitchensink/spec.yaml"
	spec, err := load.File(path)
	require.NoError(t, err)
	_, api, err := generator.FromSpec(spec, generator.Config{Spec: path})
	require.NoError(t, err)
	funcs, err := parseExamples("kitchensink/example_test.go", []byte(examples))
	require.NoError(t, err)
	exs := map[string]Example{}
	for name, src := range funcs {
		exs[name] = Example{File: "kitchensink/example_test.go", Source: src}
	}
	return Product{API: api, Specs: map[string]*load.Spec{path: spec}, Examples: exs, ExamplesDir: "kitchensink"}
}

const kitchensinkExample = `package kitchensink_test

import "fmt"

// ExampleClient_GetItem gets an item.
func ExampleClient_GetItem() {
	fmt.Println("item")
}
`

func TestRecursiveTypesEnd(t *testing.T) {
	files, err := ProductPages(kitchensink(t, kitchensinkExample))
	require.NoError(t, err)
	require.Len(t, files, 2)
	page := string(files[0].Src)
	assert.Equal(t, "kitchensink/GetItem.md", files[0].Name)
	// Item.parent is an Item: named, not expanded again.
	assert.Contains(t, page, "- `parent` *object Item* (Go `Parent`)")
	assert.Contains(t, page, "(recursive: the fields of `Item` above)")
	// The union and the enum show their alternatives and values.
	assert.Contains(t, page, "as a JSON number")
	assert.Contains(t, page, "Values: `red`, `dark-green`")
	assert.Contains(t, page, "**Deprecated.**")
}

func TestPageShowsTheExampleVerbatim(t *testing.T) {
	files, err := ProductPages(kitchensink(t, kitchensinkExample))
	require.NoError(t, err)
	page := string(files[0].Src)
	assert.Contains(t, page, "```go\nimport \"fmt\"\n\n// ExampleClient_GetItem gets an item.\nfunc ExampleClient_GetItem() {\n\tfmt.Println(\"item\")\n}\n```")

	edited := strings.Replace(kitchensinkExample, `"item"`, `"changed"`, 1)
	files, err = ProductPages(kitchensink(t, edited))
	require.NoError(t, err)
	assert.Contains(t, string(files[0].Src), `fmt.Println("changed")`)
}

func TestMissingExampleIsAProblem(t *testing.T) {
	p := kitchensink(t, "package kitchensink_test\n")
	p.API.ImportPath = "example.com/m/kitchensink"
	_, err := ProductPages(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "kitchensink: no func ExampleClient_GetItem in its test files; run acsgen generate")

	p.API.ImportPath = "" // outside a module acsgen generate writes no examples
	_, err = ProductPages(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "kitchensink: no func ExampleClient_GetItem, and acsgen generate writes none there because no go.mod holds that directory: run go mod init")
}

// TestReadExamplesPrefersHandWritten reads a package directory holding both a
// hand-written example and the generated file: the hand-written one is shown, the
// generated ones fill the rest, and files that are not tests are not read.
func TestReadExamplesPrefersHandWritten(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	write("example_test.go", "package p_test\n\nfunc ExampleClient_A() { println(\"hand\") }\n")
	write("examples_gen_test.go", "// Code generated by acsgen from s.yaml. DO NOT EDIT.\n\npackage p_test\n\nfunc ExampleClient_A() { println(\"gen\") }\n\nfunc ExampleClient_B() {}\n\nfunc helper() {}\n")
	write("other.go", "package p\n\nfunc ExampleClient_C() {}\n")
	got, err := ReadExamples(dir)
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"ExampleClient_A", "ExampleClient_B"}, slices.Collect(maps.Keys(got)))
	assert.Contains(t, got["ExampleClient_A"].Source, `"hand"`)
	assert.Equal(t, filepath.ToSlash(filepath.Join(dir, "example_test.go")), got["ExampleClient_A"].File)
	assert.Equal(t, filepath.ToSlash(filepath.Join(dir, "examples_gen_test.go")), got["ExampleClient_B"].File)

	missing, err := ReadExamples(filepath.Join(dir, "nope"))
	require.NoError(t, err)
	assert.Empty(t, missing)

	write("broken_test.go", "package p_test\nfunc {")
	_, err = ReadExamples(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "broken_test.go:2:")
}

func TestRawRequestFillsExamples(t *testing.T) {
	pages, _ := renderRepo(t)
	i := slices.IndexFunc(pages, func(f File) bool { return f.Name == "cloudapi/AttachPlugin.md" })
	require.GreaterOrEqual(t, i, 0)
	page := string(pages[i].Src)
	assert.Contains(t, page, "POST /?ApiId=8afff6c8c4c6447abb035812e4d66b65&ApiIds=xxx&GroupId=285bb759342649a1b70c2093a772e087&PluginId=9a3f1a5279434f2ba74ccd91c295af9f&StageName=TEST HTTP/1.1\nHost: apigateway.cn-hangzhou.aliyuncs.com")
	assert.Contains(t, page, "| `ApiIds` | query | array of string | `APIIDs` | no | minItems 1; maxItems 100; items joined with commas |")
	assert.Contains(t, page, "| `StageName` | query | string | `StageName` | yes |  | `RELEASE`, `PRE`, `TEST` |")
	assert.Contains(t, page, "| 4XX, 5XX | `ErrorResponse` |")
}

// A page says which objects each object alternative of a union takes.
func TestPickedBy(t *testing.T) {
	pet := &ir.Model{Kind: ir.Union, Discriminator: "petType"}
	assert.Equal(t, " whose `petType` is `dog` or `hound`", pickedBy(pet, &ir.Variant{Values: []string{"dog", "hound"}}))
	assert.Equal(t, " with `radius`", pickedBy(&ir.Model{Kind: ir.Union}, &ir.Variant{Key: "radius"}))
	assert.Empty(t, pickedBy(pet, &ir.Variant{Kind: ir.KindString}))
	assert.Equal(t, " whose `id` is a JSON number", pickedBy(&ir.Model{Kind: ir.Union}, &ir.Variant{Key: "id", KeyKind: ir.KindNumber}))

	low, high := &ir.Variant{Kind: ir.KindString}, &ir.Variant{Kind: ir.KindString}
	level := &ir.Model{Kind: ir.Union, Picks: []*ir.Pick{{Kind: ir.KindString, Rule: ir.PickTrial, Variants: []*ir.Variant{low, high}}}}
	assert.Equal(t, " valid for it (and for no other alternative)", pickedBy(level, high))
	level.AnyOf = true
	assert.Equal(t, " valid for it (the first such alternative)", pickedBy(level, low))
	assert.Equal(t, "string, number or boolean", kindWords(&ir.Variant{Kind: ir.KindString, Kinds: []ir.JSONKind{ir.KindString, ir.KindNumber, ir.KindBool}}))
}

// An enum of objects or arrays shows its values.
func TestJSONEnumShowsItsValues(t *testing.T) {
	corner := &ir.Model{GoName: "Corner", Kind: ir.Defined, Type: ir.TypeRef{Kind: ir.RawJSON,
		Constraints: &ir.Constraints{Enum: []string{`{"x":0}`, `[1]`}}}}
	tr := newTree(&ir.API{Models: []*ir.Model{corner}})
	assert.Equal(t, "Corner = the JSON value `{\"x\":0}` or `[1]`", tr.typeText(ir.TypeRef{Kind: ir.Named, Name: "Corner"}))
	assert.Equal(t, "any JSON value", tr.typeText(ir.TypeRef{Kind: ir.RawJSON}))
}
