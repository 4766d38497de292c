package load

import (
	"encoding/json"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// treeMatchesKin decodes root with decodeTree and loadTree, and with kin-openapi
// from toJSON's text (what load did before), and requires the same document
// wherever decodeTree takes the input, and a refusal wherever kin-openapi fails.
// It returns whether decodeTree took it.
func treeMatchesKin(t testing.TB, name string, root *yaml.Node) bool {
	t.Helper()
	got, took := decodeTree(root)
	js, ok := toJSON(root, 0)
	if !ok {
		require.False(t, took, "%s: decodeTree took what toJSON refuses", name)
		return false
	}
	var want openapi3.T
	if err := json.Unmarshal(js, &want); err != nil {
		require.False(t, took, "%s: decodeTree took what kin-openapi refuses (%v)", name, err)
		return false
	}
	if !took {
		return false
	}
	require.Equal(t, &want, got, "%s", name)

	wantDoc, wantErr := newLoader().LoadFromDataWithPath(js, &url.URL{Path: name})
	gotDoc, loaded := loadTree(root, name)
	if wantErr != nil {
		require.False(t, loaded, "%s: loadTree resolved what kin-openapi does not (%v)", name, wantErr)
		return true
	}
	require.True(t, loaded, "%s", name)
	require.Equal(t, wantDoc, gotDoc, "%s", name)
	return true
}

func parseRoot(t testing.TB, data []byte) (*yaml.Node, bool) {
	t.Helper()
	loc, err := newLocator("t.yaml", data)
	if err != nil || loc.root.Kind != yaml.MappingNode || loc.duplicateKeys() != nil {
		return nil, false // load refuses these before decoding
	}
	return loc.root, true
}

// Each input here is decoded by decodeTree (took) or left to kin-openapi, and
// the same document comes out either way.
var treeCases = []struct {
	name string
	took bool
	src  string
}{
	{"refs", true, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a/{id}:
    parameters: [{$ref: '#/components/parameters/id'}]
    get:
      responses:
        "200": {$ref: '#/components/responses/ok'}
        default: {description: other}
components:
  parameters:
    id: {name: id, in: path, required: true, schema: {type: string}}
  responses:
    ok:
      description: ok
      content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}
  schemas:
    A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}, self: {$ref: '#/components/schemas/A'}}}
    B: {type: string}
`},
	{"ref with siblings", true, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {$ref: '#/components/schemas/B', description: more, x-note: 1}
    B: {type: string}
  parameters:
    p: {$ref: '#/components/parameters/q', description: d}
    q: {name: q, in: query, schema: {type: string}}
`},
	{"extensions everywhere", true, `openapi: 3.0.3
x-acs-product: P
info: {title: t, version: "1", x-i: [1, 2.5, "s", null, true, {a: {}}]}
servers: [{url: 'https://{r}.example.com', variables: {r: {default: cn, enum: [cn, us]}}, x-s: {}}]
tags: [{name: t, externalDocs: {url: 'https://e'}}]
security: [{ak: []}]
paths:
  x-paths: {a: 1}
  /a:
    x-item: 1
    post:
      x-op: {deep: [1]}
      requestBody: {required: true, content: {application/x-www-form-urlencoded: {schema: {type: object}, encoding: {f: {style: form, explode: true}}}}}
      responses:
        x-responses: 2
        "200": {description: ok, headers: {h: {schema: {type: integer}}}, links: {l: {operationId: op}}}
      callbacks:
        cb: {'{$request.body#/url}': {post: {responses: {"200": {description: ok}}}}}
components:
  securitySchemes:
    ak: {type: apiKey, in: header, name: k, x-k: v}
    oa: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://t', scopes: {a: b}}}}
  examples:
    e: {value: {a: 1}, summary: s}
  schemas:
    S:
      type: object
      x-go-name: Ess
      unknown-keyword: kept
      discriminator: {propertyName: kind, mapping: {a: '#/components/schemas/S'}}
      xml: {name: s}
      properties:
        kind: {type: string, enum: [a, b], default: a, example: b, nullable: true, readOnly: true}
        n: {type: number, minimum: 0, maximum: 1.5, exclusiveMinimum: true, multipleOf: 0.5}
        i: {type: integer, format: int64, minimum: -9223372036854775808, maximum: 9223372036854775807}
        s: {type: string, minLength: 1, maxLength: 18446744073709551615, pattern: '^a$', format: date}
        arr: {type: array, items: {type: string}, minItems: 0, maxItems: 3, uniqueItems: true}
        m: {type: object, additionalProperties: {type: integer, maximum: 9007199254740993}}
        open: {type: object, additionalProperties: true}
        empty: {additionalProperties: {}}
        all: {allOf: [{type: object}, {$ref: '#/components/schemas/S'}], not: {type: string}}
        when: {type: string, default: 2024-03-27}
        big: {type: integer, maximum: 1e3, minimum: 0x1F}
`},
	{"integers made float64 in paths", true, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get:
      parameters: [{name: q, in: query, schema: {type: string, maxLength: 9007199254740993}}]
      responses:
        "200":
          description: ok
          content: {application/json: {schema: {type: array, maxItems: 9007199254740993}}}
components:
  schemas:
    A: {type: string, maxLength: 9007199254740993}
`},
	{"type lists and boolean schemas", true, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {type: [string, "null"], exclusiveMaximum: 5}
    B: true
    C: {properties: {x: false}, type: []}
`},
	{"a key that matches a field but for case", false, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    A: {type: string, Description: upper}
`},
	{"a key that folds to a field", false, "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\ncomponents:\n  parameters:\n    p: {name: p, in: query, \u017fchema: {type: string}}\n"},
	{"null where a value belongs", false, `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /a:
    get: {responses: null}
`},
	{"a number where text belongs", false, `openapi: 3.0.3
info: {title: t, version: 1}
paths: {}
`},
	{"a negative length", false, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components: {schemas: {A: {type: string, maxLength: -1}}}
`},
	{"a fraction for a count", false, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components: {schemas: {A: {type: array, minItems: 1.5}}}
`},
	{"an explicit tag", false, `openapi: 3.0.3
info: {title: t, version: !!str 1}
paths: {}
`},
	{"webhooks", true, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
webhooks:
  w: {post: {responses: {"200": {description: ok}}}}
`},
	{"a dangling ref", true, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components: {schemas: {A: {$ref: '#/components/schemas/Nowhere'}}}
`},
}

func TestDecodeTreeMatchesKinOpenAPI(t *testing.T) {
	for _, c := range treeCases {
		t.Run(c.name, func(t *testing.T) {
			root, ok := parseRoot(t, []byte(c.src))
			require.True(t, ok)
			assert.Equal(t, c.took, treeMatchesKin(t, c.name, root))
		})
	}
}

// TestDecodeTreeOnSpecs decodes every YAML and JSON file of this repository and of
// kin-openapi's and oasdiff's test data (read from the module cache, never
// copied) both ways. The committed specs must all take the fast way.
func TestDecodeTreeOnSpecs(t *testing.T) {
	dirs := []string{"../.."}
	for _, module := range []string{"github.com/getkin/kin-openapi", "github.com/oasdiff/oasdiff"} {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", module).Output()
		if dir := strings.TrimSpace(string(out)); err == nil && dir != "" {
			dirs = append(dirs, dir)
		} else {
			t.Logf("%s: not in the module cache (%v)", module, err)
		}
	}
	var files, took int
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			switch filepath.Ext(path) {
			case ".yaml", ".yml", ".json":
			default:
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil || len(data) > MaxSpecBytes {
				return err
			}
			root, ok := parseRoot(t, data)
			if !ok {
				return nil
			}
			files++
			if treeMatchesKin(t, path, root) {
				took++
			} else if strings.HasPrefix(path, "../../spec/") {
				t.Errorf("%s: decodeTree gave up on a committed spec", path)
			}
			return nil
		})
		require.NoError(t, err)
	}
	t.Logf("%d files, %d decoded by decodeTree", files, took)
	require.Greater(t, took, files/2)
}

// TestExtensionObjectsKeepTheOtherKeys holds kin-openapi's UnmarshalJSON of each
// extensionObjects type to what treeDecoder.object assumes: a JSON field name
// never lands in Extensions, any other key does.
func TestExtensionObjectsKeepTheOtherKeys(t *testing.T) {
	decoders := kinDecoders()
	for _, x := range append(extensionObjects, refObjects...) {
		typ := reflect.TypeOf(x)
		require.Contains(t, decoders, typ, "%s is decoded by encoding/json", typ)
	}
	for _, x := range extensionObjects {
		typ := reflect.TypeOf(x)
		info, ok := newObjectInfo(typ)
		require.True(t, ok, typ.Name())
		for _, name := range info.names {
			p := reflect.New(typ)
			require.NoError(t, json.Unmarshal([]byte(`{"`+name+`": null}`), p.Interface()), "%s.%s", typ.Name(), name)
			assert.Empty(t, p.Elem().Field(info.extensions).Interface(), "%s keeps %q in Extensions", typ.Name(), name)
		}
		p := reflect.New(typ)
		require.NoError(t, json.Unmarshal([]byte(`{"x-a": 1, "other": [true]}`), p.Interface()), typ.Name())
		assert.Equal(t, map[string]any{"x-a": 1.0, "other": []any{true}}, p.Elem().Field(info.extensions).Interface(), typ.Name())
	}
}

// TestDecodeTreeValues decodes single values of the types kin-openapi decodes its
// own way, both ways.
func TestDecodeTreeValues(t *testing.T) {
	cases := []struct {
		typ  any
		src  string
		took bool
	}{
		{openapi3.SchemaRef{}, "{$ref: '#/a'}", true},
		{openapi3.SchemaRef{}, "{$ref: ''}", true},
		{openapi3.SchemaRef{}, "{$REF: '#/a'}", true},
		{openapi3.SchemaRef{}, "{$ref: 1}", true},
		{openapi3.SchemaRef{}, "true", true},
		{openapi3.SchemaRef{}, "{}", true},
		{openapi3.SchemaRef{}, "[]", false},
		{openapi3.HeaderRef{}, "{schema: {type: string}, x-h: 1}", true},
		{openapi3.CallbackRef{}, "{$ref: '#/c', summary: s}", true},
		{openapi3.ExampleRef{}, "{value: [1, {a: b}]}", true},
		{openapi3.LinkRef{}, "{$ref: '#/l'}", true},
		{openapi3.RequestBodyRef{}, "{content: {a/b: {}}}", true},
		{openapi3.SecuritySchemeRef{}, "{type: http, scheme: bearer}", true},
		{openapi3.Schema{}, "{exclusiveMinimum: null, additionalProperties: null}", true},
		{openapi3.Schema{}, "{exclusiveMinimum: 'x'}", false},
		{openapi3.Schema{}, "{additionalProperties: 1}", false},
		{openapi3.Schema{}, "{type: [1]}", false},
		{openapi3.Schema{}, "{type: 1}", false},
		{openapi3.Schema{}, "{enum: [~, 1, a]}", true},
		{openapi3.Schema{}, "{required: [a, b], properties: {a: {}, b: {type: string}}}", true},
		{openapi3.Schema{}, "{discriminator: {propertyName: k, mapping: {a: '#/x'}}}", true},
		{openapi3.Schema{}, "{maxLength: 1e3}", true},
		{openapi3.Paths{}, "{/a: null}", false},
		{openapi3.Paths{}, "{}", true},
		{openapi3.Responses{}, "{x-r: 1, default: {description: d}}", true},
	}
	for _, c := range cases {
		typ := reflect.TypeOf(c.typ)
		t.Run(typ.Name()+" "+c.src, func(t *testing.T) {
			var root yaml.Node
			require.NoError(t, yaml.Unmarshal([]byte(c.src), &root))
			n := root.Content[0]
			got := reflect.New(typ)
			var d treeDecoder
			took := d.value(got.Elem(), n)
			require.Equal(t, c.took, took)
			if !took {
				return
			}
			js, ok := toJSON(n, 0)
			require.True(t, ok)
			want := reflect.New(typ)
			require.NoError(t, json.Unmarshal(js, want.Interface()))
			require.Equal(t, want.Interface(), got.Interface())
		})
	}
}

func FuzzDecodeTree(f *testing.F) {
	for _, c := range treeCases {
		f.Add([]byte(c.src))
	}
	for _, spec := range []string{"../../spec/apig-2024-03-27.yaml", "../../spec/cloudapi-2016-07-14.yaml"} {
		data, err := os.ReadFile(spec)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if root, ok := parseRoot(t, data); ok {
			treeMatchesKin(t, "fuzz.yaml", root)
		}
	})
}
