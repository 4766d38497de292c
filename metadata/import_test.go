package metadata

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/internal/golden"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

const rerun = "go test ./metadata -run TestImportGolden -update"

func importFixture(t *testing.T, name string, ops ...string) ([]byte, []Problem) {
	t.Helper()
	path := "testdata/" + name + ".json"
	doc, err := ReadFile(path)
	require.NoError(t, err)
	return Import(doc, Options{Source: path, Operations: ops})
}

func problemLines(ps []Problem) []byte {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.String() + "\n")
	}
	return []byte(b.String())
}

// TestImportGolden holds the spec made from each hand-made fixture, and the
// problems reported, to files a person has read.
func TestImportGolden(t *testing.T) {
	for _, name := range []string{"rpc", "roa"} {
		t.Run(name, func(t *testing.T) {
			spec, problems := importFixture(t, name)
			golden.Compare(t, "testdata/"+name+".yaml", spec, *update, rerun)
			golden.Compare(t, "testdata/"+name+".problems", problemLines(problems), *update, rerun)
			again, _ := importFixture(t, name)
			assert.Equal(t, string(spec), string(again), "import is deterministic")
		})
	}
}

// TestImportedSpecsLoad: what import writes is a valid OpenAPI 3.0.3 spec whose
// examples fit their schemas. Both fixtures generate: the RPC one's parameter
// whose $ref dangles (import reported it) is untyped, so sent as text.
func TestImportedSpecsLoad(t *testing.T) {
	roa, _ := importFixture(t, "roa")
	spec, err := load.Data("roa.yaml", roa)
	require.NoError(t, err)
	_, api, err := generator.FromSpec(spec, generator.Config{Spec: "roa.yaml"})
	require.NoError(t, err)
	var ops []string
	for _, op := range api.Operations {
		ops = append(ops, op.ID+" "+op.Method+" "+op.Path)
	}
	assert.Equal(t, []string{"CreateGadget POST /v1/gadgets", "GetGadget GET /v1/gadgets/{gadgetId}", "UpdateGadget PUT /v1/gadgets/{gadgetId}"}, ops)

	rpc, _ := importFixture(t, "rpc")
	spec, err = load.Data("rpc.yaml", rpc)
	require.NoError(t, err)
	_, api, err = generator.FromSpec(spec, generator.Config{Spec: "rpc.yaml"})
	require.NoError(t, err, "the form body (formData parameters) is generated")
	i := slices.IndexFunc(api.Operations, func(op *ir.Operation) bool { return op.ID == "TagWidgets" })
	require.GreaterOrEqual(t, i, 0)
	j := slices.IndexFunc(api.Operations[i].Params, func(p *ir.Param) bool { return p.Name == "Broken" })
	require.GreaterOrEqual(t, j, 0)
	assert.Equal(t, "string", api.Operations[i].Params[j].Scalar,
		"import reported its dangling $ref and left it untyped; an untyped parameter is sent as text")
}

// TestImportNamedOperations imports one operation: the shared schemas it uses
// come along (Owner, and Tag through it), the others do not.
func TestImportNamedOperations(t *testing.T) {
	spec, problems := importFixture(t, "rpc", "DescribeWidgets", "NoSuchThing")
	assert.Contains(t, string(spec), "/#Action=DescribeWidgets:")
	assert.NotContains(t, string(spec), "TagWidgets")
	assert.Contains(t, string(spec), "\n    Owner:\n")
	assert.Contains(t, string(spec), "\n    Tag:\n")
	require.NotEmpty(t, problems)
	assert.Contains(t, string(problemLines(problems)), `testdata/rpc.json: apis: no API named "NoSuchThing" in the metadata`)
}

func TestParseErrorsSayWhere(t *testing.T) {
	cases := []struct{ src, want string }{
		{"{\n  \"info\": {,}\n}", "m.json:2:12: invalid character ',' looking for beginning of object key string"},
		{`{"info": {"style": "RPC", "product": "P", "version": "1"}, "apis": {"A": {"methods": "post"}}}`, "m.json: A: json: cannot unmarshal string into Go struct field API.methods of type []string"},
		{`{"info": {"style": "RPC"}}`, "m.json: info.product and info.version are required; is this an api-docs.json?"},
		{`{"info": {"style": "REST", "product": "P", "version": "1"}}`, `m.json: info.style "REST" is neither RPC nor ROA`},
		{`[]`, "m.json: json: cannot unmarshal array into Go value of type metadata.Doc"},
	}
	for _, c := range cases {
		_, err := Parse("m.json", []byte(c.src))
		require.Error(t, err, c.src)
		assert.Equal(t, c.want, err.Error(), c.src)
	}
}

func TestReadFileRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadFile(dir)
	require.ErrorContains(t, err, "not a regular file")
	fifo := filepath.Join(dir, "fifo.json")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	_, err = ReadFile(fifo) // must not wait for a writer
	require.ErrorContains(t, err, "not a regular file")
	_, err = ReadFile(filepath.Join(dir, "missing.json"))
	require.Error(t, err)
	assert.True(t, errors.Is(err, os.ErrNotExist))
}
