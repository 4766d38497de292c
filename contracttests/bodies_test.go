package contracttests

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
)

// body is one JSON body the generated types must handle: a documented example or a
// recorded response.
type body struct {
	name  string // where it comes from, for subtest names and messages
	json  []byte
	types targets
}

// loadDoc loads a spec with kin-openapi, as the contract package does.
func loadDoc(t *testing.T, file string) *openapi3.T {
	t.Helper()
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	doc, err := loader.LoadFromFile(file)
	require.NoError(t, err)
	return doc
}

// exampleBodies are the specs' whole-body examples: every response example and every
// example of a component schema that is a whole body.
func exampleBodies(t *testing.T) []body {
	t.Helper()
	var out []body
	for _, file := range specFiles {
		product := productOf(file)
		doc := loadDoc(t, file)
		for _, path := range doc.Paths.InMatchingOrder() {
			ops := doc.Paths.Value(path).Operations()
			for _, method := range slices.Sorted(maps.Keys(ops)) {
				op := ops[method]
				codes := op.Responses.Map()
				for _, code := range slices.Sorted(maps.Keys(codes)) {
					for mtName, mt := range codes[code].Value.Content {
						for _, ex := range mediaExamples(mt) {
							out = append(out, body{
								name:  fmt.Sprintf("%s %s %s %s %s %s", file, method, path, code, mtName, ex.name),
								json:  mustJSON(t, ex.value),
								types: bodyTypes(t, op.OperationID, statusOf(t, code)),
							})
						}
					}
				}
			}
		}
		for _, name := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
			s := doc.Components.Schemas[name].Value
			if s.Example == nil {
				continue
			}
			if tt, ok := schemaTypes(product, name); ok {
				out = append(out, body{name: file + " components.schemas." + name, json: mustJSON(t, s.Example), types: tt})
			}
		}
	}
	require.NotEmpty(t, out)
	return out
}

// recordedBodies are the response bodies of the committed recordings of documented calls.
func recordedBodies(t *testing.T) []body {
	t.Helper()
	var out []body
	set := loadSet(t)
	for _, path := range cassettes(t, false) {
		ixs, err := contract.ReadCassette(path)
		require.NoError(t, err)
		require.NotEmpty(t, ixs, path)
		for i, ix := range ixs {
			out = append(out, body{name: fmt.Sprintf("%s#%d", path, i), json: ix.RespBody, types: bodyTypes(t, operationOf(t, set, ix), ix.Status)})
		}
	}
	return out
}

func allBodies(t *testing.T) []body {
	t.Helper()
	return append(exampleBodies(t), recordedBodies(t)...)
}

type namedExample struct {
	name  string
	value any
}

// mediaExamples are a media type's example and its named examples.
func mediaExamples(mt *openapi3.MediaType) []namedExample {
	var out []namedExample
	if mt.Example != nil {
		out = append(out, namedExample{"example", mt.Example})
	}
	for _, name := range slices.Sorted(maps.Keys(mt.Examples)) {
		if ex := mt.Examples[name]; ex != nil && ex.Value != nil && ex.Value.Value != nil {
			out = append(out, namedExample{"examples." + name, ex.Value.Value})
		}
	}
	return out
}

// statusOf turns a response key into a representative status: "200" → 200, "4XX" → 400.
func statusOf(t *testing.T, code string) int {
	t.Helper()
	if len(code) == 3 && code[1:] == "XX" {
		code = code[:1] + "00"
	}
	n, err := strconv.Atoi(code)
	require.NoError(t, err, "response key %q", code)
	return n
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return data
}
