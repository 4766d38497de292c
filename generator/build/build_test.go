package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
)

func buildSpec(t *testing.T, src string) *ir.API {
	t.Helper()
	spec, err := load.Data("test.yaml", []byte(src))
	require.NoError(t, err)
	api, err := Build(spec, Options{})
	require.NoError(t, err)
	return api
}

func model(t *testing.T, api *ir.API, name string) *ir.Model {
	t.Helper()
	for _, m := range api.Models {
		if m.GoName == name {
			return m
		}
	}
	t.Fatalf("no model %s", name)
	return nil
}

const header = "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\n"

func TestFieldWrapping(t *testing.T) {
	api := buildSpec(t, header+`paths: {}
components:
  schemas:
    M:
      type: object
      required: [req, reqNull, reqList]
      properties:
        req: {type: string}
        reqNull: {type: string, nullable: true}
        reqList: {type: array, items: {type: string}}
        opt: {type: integer}
        optNull: {type: boolean, nullable: true}
        optList: {type: array, items: {type: integer, format: int32}}
        optMap: {type: object, additionalProperties: {type: number}}
        anything: {}
`)
	want := map[string]struct {
		wrap     ir.Wrap
		omitZero bool
		typ      string
	}{
		"Req": {ir.Value, false, "string"}, "ReqNull": {ir.Pointer, false, "string"},
		"ReqList": {ir.Value, false, "[]string"}, "Opt": {ir.Pointer, true, "int64"},
		"OptNull": {ir.Nullable, true, "bool"}, "OptList": {ir.Value, true, "[]int32"},
		"OptMap": {ir.Value, true, "map[string]float64"}, "Anything": {ir.Value, true, "raw"},
	}
	m := model(t, api, "M")
	require.Len(t, m.Fields, len(want))
	for _, f := range m.Fields {
		w := want[f.GoName]
		assert.Equal(t, w.wrap, f.Wrap, f.GoName)
		assert.Equal(t, w.omitZero, f.OmitZero, f.GoName)
		assert.Equal(t, w.typ, typeString(f.Type), f.GoName)
	}
	assert.Equal(t, []string{"req", "reqNull", "reqList", "opt", "optNull", "optList", "optMap", "anything"},
		fieldNames(m), "fields keep the order the spec writes them in")
}

func typeString(t ir.TypeRef) string {
	switch t.Kind {
	case ir.Array:
		return "[]" + typeString(*t.Elem)
	case ir.Map:
		return "map[string]" + typeString(*t.Elem)
	case ir.RawJSON:
		return "raw"
	}
	return t.Name
}

func fieldNames(m *ir.Model) []string {
	var out []string
	for _, f := range m.Fields {
		out = append(out, f.Name)
	}
	return out
}

func TestEnumsAndInlineNames(t *testing.T) {
	api := buildSpec(t, header+`paths:
  /x:
    get:
      operationId: getX
      parameters:
        - {name: stage, in: query, required: true, schema: {type: string, enum: [RELEASE, PRE, ""]}}
        - {name: ids, in: query, style: form, explode: false, schema: {type: array, maxItems: 3, items: {type: string}}}
        - {name: n, in: query, schema: {type: integer, format: int32}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data:
                    type: object
                    properties:
                      items:
                        type: array
                        items: {type: object, properties: {id: {type: string}}}
                      counts: {type: object, additionalProperties: {type: object, properties: {n: {type: integer}}}}
`)
	stage := model(t, api, "GetXStage")
	require.Equal(t, ir.Enum, stage.Kind)
	var consts []string
	for _, v := range stage.Enum.Values {
		consts = append(consts, v.GoName+"="+v.Value)
	}
	assert.Equal(t, []string{`GetXStageRelease="RELEASE"`, `GetXStagePre="PRE"`, `GetXStageEmpty=""`}, consts)

	op := api.Operations[0]
	assert.Equal(t, "GetX", op.GoName)
	assert.Equal(t, "getX", op.Action)
	assert.Equal(t, "GetXResponse", op.Response)
	require.Len(t, op.Params, 3)
	assert.False(t, op.Params[0].Pointer, "required")
	assert.False(t, op.Params[1].Explode)
	assert.False(t, op.Params[1].Pointer, "arrays use nil for absent")
	assert.True(t, op.Params[2].Pointer)
	assert.Equal(t, "int32", op.Params[2].Scalar)

	for _, name := range []string{"GetXResponse", "GetXResponseData", "GetXResponseDataItems", "GetXResponseDataCountsValue"} {
		assert.Equal(t, ir.Struct, model(t, api, name).Kind, name)
	}
}

func TestSuccessResponseSelection(t *testing.T) {
	assert.Equal(t, "200", successCode([]string{"200", "201", "4XX"}))
	assert.Equal(t, "201", successCode([]string{"201", "204", "2XX", "default"}))
	assert.Equal(t, "2XX", successCode([]string{"2XX", "404"}))
	assert.Equal(t, "", successCode([]string{"default"}))
}

func TestRPCStyleAndServers(t *testing.T) {
	api := buildSpec(t, header+`x-acs-style: RPC
x-acs-product: CloudAPI
x-acs-version: "2016-07-14"
servers:
  - url: https://apigateway.{regionId}.aliyuncs.com{base}
    variables:
      regionId: {default: cn-hangzhou, enum: [cn-hangzhou, cn-beijing]}
      base: {default: /v1}
paths:
  /#Action=A: {post: {operationId: A, responses: {"200": {description: ok}}}}
  /#Action=B: {post: {operationId: B, x-acs-action: Bee, responses: {"200": {description: ok}}}}
  /#Action=C: {post: {operationId: C, responses: {"200": {description: ok}}}}
`)
	assert.Equal(t, ir.RPC, api.Style)
	assert.Equal(t, "cloudapi", api.Package)
	assert.Equal(t, "2016-07-14", api.Version)
	assert.Equal(t, "https://apigateway.{regionId}.aliyuncs.com/v1", api.Endpoint)
	assert.Equal(t, []string{"cn-hangzhou", "cn-beijing"}, api.Regions)
	require.Len(t, api.Operations, 3)
	for i, want := range []string{"A", "Bee", "C"} {
		assert.Equal(t, want, api.Operations[i].Action)
		assert.Equal(t, "/", api.Operations[i].Path)
		assert.Equal(t, "POST", api.Operations[i].Method)
	}
	assert.Equal(t, ir.Struct, model(t, api, "AResponse").Kind, "no body: empty struct")
}

func TestRequiredSelfReferenceBecomesPointer(t *testing.T) {
	api := buildSpec(t, header+`paths: {}
components:
  schemas:
    A: {type: object, required: [b], properties: {b: {$ref: '#/components/schemas/B'}}}
    B: {type: object, required: [a, c], properties: {a: {$ref: '#/components/schemas/A'}, c: {$ref: '#/components/schemas/C'}}}
    C: {type: object, properties: {x: {type: string}}}
`)
	a, b := model(t, api, "A"), model(t, api, "B")
	assert.Equal(t, ir.Pointer, a.Fields[0].Wrap)
	assert.Equal(t, ir.Value, b.Fields[0].Wrap, "the cycle is broken once, at A.b")
	assert.Equal(t, ir.Value, b.Fields[1].Wrap, "no cycle through C")
}

// A component that is an array of inline objects names its items <Name>Item: the
// array itself is <Name>.
func TestArrayComponentItemsGetTheirOwnName(t *testing.T) {
	api := buildSpec(t, `openapi: 3.0.3
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Triggers:
      type: array
      items: {type: object, properties: {id: {type: string}}}
`)
	m := model(t, api, "Triggers")
	require.Equal(t, ir.Defined, m.Kind)
	require.NotNil(t, m.Type.Elem)
	assert.Equal(t, "TriggersItem", m.Type.Elem.Name)
	assert.Equal(t, ir.Struct, model(t, api, "TriggersItem").Kind)
}

// Look-alike names are an error that x-go-name resolves; what is left, a wire
// name in another script, is a warning.
func TestLookalikeNamesResolvedWithXGoName(t *testing.T) {
	spec, err := load.Data("test.yaml", []byte(header+`paths: {}
components:
  schemas:
    M:
      type: object
      properties:
        Name: {type: string}
        "N\u0430me": {type: string, x-go-name: NameCyrillicA}
`))
	require.NoError(t, err)
	api, err := Build(spec, Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"Name", "NameCyrillicA"}, []string{model(t, api, "M").Fields[0].GoName, model(t, api, "M").Fields[1].GoName})
	require.Len(t, api.Warnings, 1)
	assert.True(t, api.Warnings[0].Warning)
	assert.Equal(t, "test.yaml:10:9", api.Warnings[0].Pos.String())
	assert.Contains(t, api.Warnings[0].Msg, "property name \"N\u0430me\" holds U+0430 (Cyrillic), which is not ASCII; it is the field's json tag")
}

// A package name taken from the file name or x-acs-product that Go refuses (a
// keyword, main) is mapped; one the spec or the caller gives is refused.
func TestPackageNames(t *testing.T) {
	for file, want := range map[string]string{"spec/main.yaml": "mainapi", "type.yaml": "typeapi", "go-2020.yaml": "goapi", "pets.yaml": "pets"} {
		spec, err := load.Data(file, []byte(header+"paths: {}\n"))
		require.NoError(t, err)
		api, err := Build(spec, Options{})
		require.NoError(t, err)
		assert.Equal(t, want, api.Package, file)
	}
	spec, err := load.Data("s.yaml", []byte(header+"x-acs-product: Func\npaths: {}\n"))
	require.NoError(t, err)
	api, err := Build(spec, Options{})
	require.NoError(t, err)
	assert.Equal(t, "funcapi", api.Package)

	_, err = Build(spec, Options{Package: "type"})
	assert.EqualError(t, err, `s.yaml:1:1: package name "type" is a Go keyword; choose another (--package, packages: in acsgen.yaml)`)
	spec, err = load.Data("s.yaml", []byte(header+"x-go-package: main\npaths: {}\n"))
	require.NoError(t, err)
	_, err = Build(spec, Options{})
	assert.EqualError(t, err, `s.yaml:3:1: x-go-package: package name "main" names a command, not an importable package; set another x-go-package`)
}

// An inline array response is declared as <Op>Response; its inline item type is
// named <Op>ResponseItem, not after the array (which reported a collision of
// acsgen's own making).
func TestInlineArrayResponseItems(t *testing.T) {
	api := buildSpec(t, header+`paths:
  /a:
    get:
      operationId: getA
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: {type: object, properties: {a: {type: string}}}
`)
	resp := model(t, api, "GetAResponse")
	assert.Equal(t, ir.Defined, resp.Kind)
	assert.Equal(t, "GetAResponseItem", resp.Type.Elem.Name)
	assert.Equal(t, ir.Struct, model(t, api, "GetAResponseItem").Kind)
}

// Operations without operationId are named after their x-acs-action, the action
// of an RPC path key, or their method and path; x-go-name overrides each.
func TestOperationsWithoutOperationID(t *testing.T) {
	api := buildSpec(t, header+`paths:
  /pets:
    get:
      responses: {"200": {description: ok}}
    post:
      x-go-name: AddPet
      responses: {"200": {description: ok}}
  /pets/{petId}:
    get:
      parameters: [{name: petId, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
  /:
    head:
      x-acs-action: Ping
      responses: {"200": {description: ok}}
`)
	type named struct{ ID, GoName, Action, Request string }
	var got []named
	for _, o := range api.Operations {
		got = append(got, named{o.ID, o.GoName, o.Action, o.Request})
	}
	assert.Equal(t, []named{
		{"AddPet", "AddPet", "AddPet", "AddPetRequest"},
		{"GetPets", "GetPets", "GetPets", "GetPetsRequest"},
		{"GetPetsByPetID", "GetPetsByPetID", "GetPetsByPetID", "GetPetsByPetIDRequest"},
		{"Ping", "Ping", "Ping", "PingRequest"},
	}, got)

	rpc := buildSpec(t, header+`x-acs-style: RPC
paths:
  /#Action=DescribeThings:
    post:
      responses: {"200": {description: ok}}
`)
	assert.Equal(t, "DescribeThings", rpc.Operations[0].GoName)
	assert.Equal(t, "DescribeThings", rpc.Operations[0].Action)
}
