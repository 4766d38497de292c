package contract

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func gadget(status int, body string) Interaction {
	return Interaction{Method: "GET", URL: "https://gadgets.example.com/gadgets/g1", Status: status,
		RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(body)}
}

func TestOpenEnumValuesAreDriftNotViolations(t *testing.T) {
	set, err := Load([]string{"testdata/openenum.yaml"})
	require.NoError(t, err)
	ix := gadget(200, `{"state":"Standby","colour":"Red"}`)
	assert.Empty(t, set.Check(ix, Options{}), "an open enum admits new values")
	found := set.Check(ix, Options{Strict: true})
	require.Len(t, found, 1, "%v", found)
	assert.Equal(t, "enum-drift", found[0].Rule)
	assert.Equal(t, "/state", found[0].Pointer)
	assert.Equal(t, `value "Standby" is not listed by the open enum ["On","Off"]`, found[0].Message)
	assert.Regexp(t, `openenum.yaml:\d+:\d+$`, found[0].Schema)

	for _, strict := range []bool{false, true} {
		wrong := set.Check(gadget(200, `{"state":7,"colour":"Red"}`), Options{Strict: strict})
		require.Len(t, wrong, 1, "strict=%v: an open enum still holds its type: %v", strict, wrong)
		assert.Equal(t, "type", wrong[0].Rule)
		assert.Equal(t, "/state", wrong[0].Pointer)
		assert.Equal(t, `value must be a string`, wrong[0].Message)
		assert.Equal(t, found[0].Schema, wrong[0].Schema, "at the enum's schema")
	}

	closed := set.Check(gadget(200, `{"state":"On","colour":"Green"}`), Options{})
	require.Len(t, closed, 1)
	assert.Equal(t, "enum", closed[0].Rule, "a closed enum still forbids other values")

	overlays, err := set.Suggest([]Result{set.Examine(ix, Options{Strict: true})})
	require.NoError(t, err)
	require.Len(t, overlays, 1)
	assert.Contains(t, string(overlays[0].YAML), "target: $.components.schemas.Gadget.properties.state.enum\n")
}

func TestStatusOnlyDefaultCoversIsDrift(t *testing.T) {
	set, err := Load([]string{"testdata/openenum.yaml"})
	require.NoError(t, err)
	ix := gadget(503, `{"code":"Busy"}`)
	assert.Empty(t, set.Check(ix, Options{}))
	found := set.Check(ix, Options{Strict: true})
	require.Len(t, found, 1, "%v", found)
	assert.Equal(t, "undeclared-status", found[0].Rule)
	assert.Equal(t, "status 503 is covered only by the default response", found[0].Message)
	assert.Regexp(t, `openenum.yaml:23:9$`, found[0].Schema, "at the default response")

	overlays, err := set.Suggest([]Result{set.Examine(ix, Options{Strict: true})})
	require.NoError(t, err)
	require.Len(t, overlays, 1)
	text := string(overlays[0].YAML)
	assert.Contains(t, text, "target: $.paths['/gadgets/{id}'].get.responses\n")
	assert.True(t, strings.Contains(text, `"503":`+"\n        content:\n          application/json:\n            schema:\n              properties:\n                code:\n                  type: string"), text)

	// A range is an explicit declaration.
	real := loadReal(t)
	nf, err := real.CheckRecording("../contracttests/testdata/apig/GetPluginAttachment_NotFound.yaml", Options{Strict: true})
	require.NoError(t, err)
	assert.Empty(t, nf[0].Findings)
	assert.Equal(t, "4XX", nf[0].statusKey)
}

func TestInferSchemaMergesObservations(t *testing.T) {
	s := inferSchema([]any{
		map[string]any{"a": float64(1), "b": nil},
		map[string]any{"a": 1.5, "b": "x", "c": true},
	})
	assert.Equal(t, map[string]any{"type": "array", "items": map[string]any{"type": "object", "properties": map[string]any{
		"a": map[string]any{"type": "number"},
		"b": map[string]any{"type": "string", "nullable": true},
		"c": map[string]any{"type": "boolean"},
	}}}, s)
	assert.Equal(t, map[string]any{}, mergeSchemas(inferSchema("x"), inferSchema(true)), "conflicting types admit anything")
	assert.Equal(t, map[string]any{"type": "array", "items": map[string]any{}}, inferSchema([]any{}))
}

// A response declared with media type parameters or in another case is still JSON:
// strict mode checks its body for undocumented properties.
func TestDriftReadsJSONMediaTypesWithParameters(t *testing.T) {
	spec, err := os.ReadFile("testdata/openenum.yaml")
	require.NoError(t, err)
	for _, mt := range []string{"application/json", "application/json; charset=utf-8", "Application/JSON", "application/problem+json"} {
		text := strings.Replace(string(spec), "          content:\n            application/json:\n              schema: {$ref",
			"          content:\n            "+strconv.Quote(mt)+":\n              schema: {$ref", 1)
		require.NotEqual(t, string(spec), text)
		path := filepath.Join(t.TempDir(), "gadgets.yaml")
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		set, err := Load([]string{path})
		require.NoError(t, err)
		ix := gadget(200, `{"state":"On","colour":"Red","weight":3}`)
		ix.RespHeader.Set("Content-Type", mt)
		found := set.Check(ix, Options{Strict: true})
		require.Len(t, found, 1, "%s: %v", mt, found)
		assert.Equal(t, "undocumented", found[0].Rule, mt)
		assert.Equal(t, "/weight", found[0].Pointer, mt)
	}
}
