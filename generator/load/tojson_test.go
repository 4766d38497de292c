package load

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	oyaml "github.com/oasdiff/yaml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// kinJSON is the JSON kin-openapi's loader makes of YAML: the call in
// openapi3.unmarshal, with a json.RawMessage target (an Unmarshaler, like
// *openapi3.T) to keep the bytes it would hand to the document's UnmarshalJSON.
func kinJSON(t testing.TB, data []byte) []byte {
	t.Helper()
	var raw json.RawMessage
	_, err := oyaml.Unmarshal(data, &raw, oyaml.DecodeOpts{DisableTimestamps: true})
	require.NoError(t, err, "%s", data)
	return raw
}

func convert(t testing.TB, data []byte) ([]byte, bool) {
	t.Helper()
	loc, err := newLocator("t.yaml", data)
	require.NoError(t, err)
	return toJSON(loc.root, len(data))
}

// decodeExact decodes JSON keeping each number's text, so 1000 and 1e3 differ
// (an integer field takes one and refuses the other).
func decodeExact(t testing.TB, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v), "%s", data)
	return v
}

func requireSameAsKin(t testing.TB, data []byte) {
	t.Helper()
	got, ok := convert(t, data)
	require.True(t, ok, "toJSON declined:\n%s", data)
	require.True(t, json.Valid(got), "%s", got)
	require.Equal(t, decodeExact(t, kinJSON(t, data)), decodeExact(t, got), "%s", data)
}

// Every input here converts, to what kin-openapi makes of it.
var convertible = map[string]string{
	"status keys":   "responses:\n  200: {description: ok}\n  '404': {description: no}\n  -1: x\n  default: {description: d}\n",
	"integers":      "a: 0\nb: -12\nc: 9223372036854775807\nd: -9223372036854775808\ne: 12345678901234567890\nf: 99999999999999999999\n",
	"integer forms": "hex: 0x1F\noct: 0o17\nlead: 017\nunder: 1_000\nplus: +5\nneg0: -0\n",
	"floats":        "a: 1e3\nb: 1.5\nc: .5\nd: -0.0\ne: 1.0\nf: 1E-7\ng: 6.02e23\nh: 123456789012345678901234.0\n",
	"nulls bools":   "a: ~\nb: null\nc:\nd: True\ne: FALSE\nf: yes\ng: off\nh: [~, true, n]\n",
	"dates":         "x-acs-version: 2024-03-27\nwhen: 2001-12-14t21:59:43.10-05:00\nnot: 2024-13-45\n",
	"strings": `plain: hello world
single: 'it''s'
double: "tab\there \u00e9 \x01 \xff \" \\ \0 \U0001F642"
numeric: "1e3"
url: https://example.com/v1/{id}?a=b#c
literal: |
  line one
    indented "quoted"
  line three
folded: >-
  folded
  text

  para
keep: |+
  kept

unicode: 中文 ✓ 🙂
`,
	"nesting":         "a: [[1, [2, {b: [c, {}]}]], []]\nm: {x: {y: {z: []}}}\nseq:\n  - k: v\n  - - inner\n",
	"unused anchor":   "base: &base {type: string}\nother: &o [1, 2]\n",
	"special keys":    "\"/v1/{id}\": 1\n\"a\\\"b\": 2\n'': 3\n\"tab\\tkey\": 4\n$ref: '#/x'\n",
	"merge as string": "'<<': quoted merge key is a plain key\n",
	"comments":        "# head\na: 1 # line\n# foot\n",
	"flow style":      "{openapi: 3.0.3, info: {title: t, version: '1'}}\n",
}

func TestToJSONMatchesKinOpenAPI(t *testing.T) {
	for name, src := range convertible {
		t.Run(name, func(t *testing.T) { requireSameAsKin(t, []byte(src)) })
	}
}

// The repository's specs take the fast path: a toJSON that declined them would
// bring back the second YAML parse this exists to avoid.
func TestToJSONConvertsTheRepositorySpecs(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../../spec/*.yaml", "../internal/cases/*/spec.yaml", "../testdata/adversarial/*.yaml"} {
		found, err := filepath.Glob(pattern)
		require.NoError(t, err)
		paths = append(paths, found...)
	}
	require.NotEmpty(t, paths)
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		t.Run(path, func(t *testing.T) { requireSameAsKin(t, data) })
	}
}

// Inputs whose YAML decoding toJSON does not reproduce are left to kin-openapi.
func TestToJSONDeclines(t *testing.T) {
	for name, src := range map[string]string{
		"alias":        "a: &x {type: string}\nb: *x\n",
		"merge alias":  "a: &x {type: string}\nb: {<<: *x, format: date}\n",
		"merge inline": "b: {<<: {type: string}, format: date}\n",
		"merge value":  "a: <<\n",
		"binary":       "a: !!binary aGVsbG8=\n",
		"explicit str": "a: !!str 1\n",
		"custom tag":   "a: !thing x\n",
		"tagged map":   "a: !!map {b: 1}\n",
		"float key":    "1.5: a\n",
		"int key form": "0x10: a\n",
		"padded key":   "007: a\n",
		"huge key":     "99999999999999999999: a\n",
		"bool key":     "true: a\n",
		"null key":     "~: a\n",
		"complex key":  "? [a, b]\n: c\n",
		"infinity":     "a: .inf\n",
		"not a number": "a: .nan\n",
		"origin key":   "a: {__origin__: 1}\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, ok := convert(t, []byte(src))
			assert.False(t, ok)
		})
	}
}

// YAML never yields a string that is not UTF-8 (it checks its input, and escapes
// name code points), but JSON could not carry one unchanged.
func TestToJSONDeclinesInvalidUTF8(t *testing.T) {
	var w jsonWriter
	assert.False(t, w.string("a\xffb"))
	assert.True(t, w.string("a\u00ffb"))
}

// Whichever way the spec reaches kin-openapi, the loaded document is the same.
func TestLoadedDocumentDoesNotDependOnThePath(t *testing.T) {
	specs := map[string]string{
		"converted": `openapi: 3.0.3
info: {title: t, version: "1.0"}
x-acs-version: 2024-03-27
paths:
  /a:
    get:
      operationId: A
      parameters:
        - {name: n, in: query, schema: {type: integer, maximum: 1e3, maxLength: 1e2}, example: 0x10}
      responses:
        200:
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {s: {type: string, enum: ["1", 2, yes]}}}
`,
		"declined (alias)": `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      operationId: A
      responses:
        "200": &ok
          description: ok
    post:
      operationId: B
      responses:
        "200": *ok
`,
	}
	for name, src := range specs {
		t.Run(name, func(t *testing.T) {
			fast, err := Data("s.yaml", []byte(src))
			require.NoError(t, err)
			slow, err := Options{Origins: true}.Data("s.yaml", []byte(src))
			require.NoError(t, err)
			want, err := json.Marshal(slow.Doc)
			require.NoError(t, err)
			got, err := json.Marshal(fast.Doc)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got))
		})
	}
}

// A spec kin-openapi refuses gets the message it gives for the original bytes, not
// for the converted JSON.
func TestLoaderErrorsQuoteTheOriginalBytes(t *testing.T) {
	src := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ntags: {a: 1}\n"
	_, fast := Data("s.yaml", []byte(src))
	_, slow := Options{Origins: true}.Data("s.yaml", []byte(src))
	require.Error(t, fast)
	assert.Equal(t, slow.Error(), fast.Error())
	assert.Contains(t, fast.Error(), "yaml error")
}

// Origins asks kin-openapi to record positions; the zero Options do without.
func TestOriginsOption(t *testing.T) {
	src := []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    S: {type: string}\n")
	with, err := Options{Origins: true}.Data("s.yaml", src)
	require.NoError(t, err)
	require.NotNil(t, with.Doc.Components.Schemas["S"].Value.Origin)
	assert.Equal(t, 6, with.Doc.Components.Schemas["S"].Value.Origin.Key.Line)
	without, err := Data("s.yaml", src)
	require.NoError(t, err)
	assert.Nil(t, without.Doc.Components.Schemas["S"].Value.Origin)
}

// FuzzToJSON: whenever toJSON converts, it agrees with kin-openapi's own decoding.
func FuzzToJSON(f *testing.F) {
	for _, src := range convertible {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var root yaml.Node
		if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
			return
		}
		if (&Locator{root: root.Content[0]}).duplicateKeys() != nil {
			return // load refuses these before converting
		}
		got, ok := toJSON(root.Content[0], len(data))
		if !ok {
			return
		}
		var raw json.RawMessage
		if _, err := oyaml.Unmarshal(data, &raw, oyaml.DecodeOpts{DisableTimestamps: true}); err != nil {
			t.Fatalf("toJSON converted what kin-openapi cannot decode (%v):\n%q", err, data)
		}
		require.Equal(t, decodeExact(t, raw), decodeExact(t, got), "%q", data)
	})
}
