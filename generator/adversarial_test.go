package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/internal/gomodtest"
)

// advCase is one hostile spec that must generate code which compiles and vets.
type advCase struct {
	name string // Go package name of the output
	path string // named in diagnostics and file headers
	data []byte
}

// TestAdversarial generates every testdata/adversarial/*.yaml plus the specs
// synthesized below (too big to commit) and compiles all of them in ONE temporary
// module that replaces github.com/acsgen/acsgen with this repository: one `go build`
// of the committed cases (client and check package) and one `go vet ./...`, which type-checks every package,
// the synthesized ones included (compiling those to machine code takes the
// compiler half a minute on a busy machine and proves nothing more about the
// generator). Specs that have no sound mapping to Go live in testdata/errors
// instead, with their diagnostics.
func TestAdversarial(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated code with the go command")
	}
	specs, err := filepath.Glob("testdata/adversarial/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, specs)
	var cases []advCase
	for _, spec := range specs {
		data, err := os.ReadFile(spec)
		require.NoError(t, err)
		base := strings.TrimSuffix(filepath.Base(spec), ".yaml")
		cases = append(cases, advCase{name: "adv" + strings.ReplaceAll(base, "-", ""), path: spec, data: data})
	}
	cases = append(cases, synthesized()...)

	mod := t.TempDir()
	build := []string{"build"}
	for i, c := range cases {
		if i < len(specs) {
			build = append(build, "./"+c.name+"/...") // the client and its check package
		}
		files := mustGenerate(t, c)
		for _, f := range files {
			path := filepath.Join(mod, c.name, filepath.FromSlash(f.Name))
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, f.Src, 0o644))
		}
	}
	if keep := os.Getenv("ACSGEN_KEEP_ADVERSARIAL"); keep != "" {
		require.NoError(t, os.CopyFS(keep, os.DirFS(mod)))
	}
	compileModule(t, mod, build, []string{"vet", "./..."})
}

// mustGenerate runs load → build → emit, turning a panic into a test failure that
// names the case.
func mustGenerate(t *testing.T, c advCase) (files []File) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: generator panicked: %v", c.path, r)
		}
	}()
	spec, err := load.Data(c.path, c.data)
	require.NoError(t, err, c.path)
	files, _, err = FromSpec(spec, Config{Spec: c.path, Package: c.name, ImportPath: "example.com/adversarial/" + c.name})
	require.NoError(t, err, c.path)
	require.NotEmpty(t, files, c.path)
	return files
}

// compileModule runs go commands in dir, made a module that uses this repository's
// acs package (see gomodtest for why its build list is acsgen's own).
func compileModule(t *testing.T, dir string, commands ...[]string) {
	t.Helper()
	require.NoError(t, gomodtest.Write(dir, "example.com/adversarial", ".."))
	for _, args := range commands {
		_, err := gomodtest.Go(dir, args...)
		require.NoError(t, err)
	}
}

// synthesized returns specs built in code: sizes no one wants in the repository.
func synthesized() []advCase {
	out := []advCase{
		{name: "advenum5000", path: "synthesized/enum5000.yaml", data: bigEnumSpec(5000)},
		{name: "advschemas2000", path: "synthesized/schemas2000.yaml", data: manySchemasSpec(2000)},
		{name: "advnesting60", path: "synthesized/nesting60.yaml", data: nestedSpec(60)},
	}
	// Packages named like what the generated examples declare or import.
	for _, name := range []string{"client", "resp", "err", "log", "fmt", "context", "acs"} {
		out = append(out, advCase{name: name, path: "synthesized/" + name + ".yaml", data: tinySpec(name)})
	}
	return out
}

// tinySpec is one RPC operation with a required parameter, in package pkg.
func tinySpec(pkg string) []byte {
	return []byte(`openapi: 3.0.3
info: {title: tiny, version: "1"}
x-acs-product: Tiny
x-acs-style: RPC
x-go-package: ` + pkg + `
servers: [{url: "https://tiny.{regionId}.example.com", variables: {regionId: {default: cn-hangzhou}}}]
paths:
  /#Action=Get:
    post:
      operationId: Get
      parameters:
        - {name: Id, in: query, required: true, schema: {type: string}, example: x-1}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {RequestId: {type: string}}}
`)
}

func bigEnumSpec(n int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: enum, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    Big:\n      type: string\n      enum:\n")
	for i := range n {
		fmt.Fprintf(&b, "        - \"value-%d\"\n", i)
	}
	return []byte(b.String())
}

// manySchemasSpec declares n object schemas in blocks of 20 that refer to each
// other in a ring, each with an inline enum, and one operation per block. (A ring
// through all n would be a spec no one writes: kin-openapi's validation walks the
// whole strongly connected graph from every schema, taking ~40 s at n = 2000.)
func manySchemasSpec(n int) []byte {
	const block = 20
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: many, version: \"1\"}\npaths:\n")
	for i := 0; i < n; i += block {
		fmt.Fprintf(&b, "  /s%d:\n    get:\n      operationId: GetS%d\n", i, i)
		fmt.Fprintf(&b, "      responses:\n        \"200\":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: \"#/components/schemas/S%d\"}\n", i)
	}
	b.WriteString("components:\n  schemas:\n")
	for i := range n {
		first := i - i%block
		next := first + (i+1)%block
		fmt.Fprintf(&b, "    S%d:\n      type: object\n      required: [id, next]\n      properties:\n        id: {type: string}\n", i)
		fmt.Fprintf(&b, "        next: {$ref: \"#/components/schemas/S%d\"}\n        first: {$ref: \"#/components/schemas/S%d\"}\n", next, first)
		fmt.Fprintf(&b, "        kind: {type: string, enum: [a%d, b%d]}\n", i, i)
	}
	return []byte(b.String())
}

// nestedSpec nests inline objects depth levels deep, with an array and a map at
// every level.
func nestedSpec(depth int) []byte {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: nested, version: \"1\"}\npaths: {}\ncomponents:\n  schemas:\n    Root:\n")
	indent := "      "
	for range depth {
		fmt.Fprintf(&b, "%stype: object\n%sproperties:\n", indent, indent)
		fmt.Fprintf(&b, "%s  list: {type: array, items: {type: object, properties: {v: {type: string}}}}\n", indent)
		fmt.Fprintf(&b, "%s  dict: {type: object, additionalProperties: {type: integer}}\n", indent)
		fmt.Fprintf(&b, "%s  child:\n", indent)
		indent += "    "
	}
	fmt.Fprintf(&b, "%stype: string\n", indent)
	return []byte(b.String())
}
