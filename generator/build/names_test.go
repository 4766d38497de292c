package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
)

// buildWarnings builds src and returns the API with "line:col: message" of each
// warning, in order.
func buildWarnings(t *testing.T, src string) (*ir.API, []string) {
	t.Helper()
	api := buildSpec(t, src)
	var out []string
	for _, w := range api.Warnings {
		require.True(t, w.Warning, w.String())
		out = append(out, w.Pos.String()[len("test.yaml:"):]+": "+w.Msg)
	}
	return api, out
}

// buildErrors builds src, which must fail, and returns each error message.
func buildErrors(t *testing.T, src string) []string {
	t.Helper()
	spec, err := load.Data("test.yaml", []byte(src))
	require.NoError(t, err)
	_, err = Build(spec, Options{})
	require.Error(t, err)
	var list diag.List
	require.ErrorAs(t, err, &list)
	var out []string
	for _, d := range list {
		if !d.Warning {
			out = append(out, d.String())
		}
	}
	return out
}

func constantValues(m *ir.Model) map[string]any {
	out := map[string]any{}
	for _, v := range m.Enum.Values {
		out[v.GoName] = v.Raw
	}
	return out
}

// Enum values that map to one constant are all kept: each later one is numbered
// after the constant it would have had, in the order the spec lists them. A value
// listed twice is one constant.
func TestCollidingEnumConstantsAreNumbered(t *testing.T) {
	api, warnings := buildWarnings(t, header+`paths: {}
components:
  schemas:
    Mode:
      type: string
      enum: [A, a, Foo Bar, Foo-Bar, foo_bar, B, a]
`)
	assert.Equal(t, map[string]any{"ModeA": "A", "ModeA2": "a", "ModeFooBar": "Foo Bar", "ModeFooBar2": "Foo-Bar", "ModeFooBar3": "foo_bar", "ModeB": "B"},
		constantValues(model(t, api, "Mode")))
	assert.Equal(t, []string{
		`8:17: enum values "A" and "a" (at test.yaml:8:14) both map to constant ModeA; this one is ModeA2 (name the constants with x-enum-varnames)`,
		`8:29: enum values "Foo Bar" and "Foo-Bar" (at test.yaml:8:20) both map to constant ModeFooBar; this one is ModeFooBar2 (name the constants with x-enum-varnames)`,
		`8:38: enum values "Foo Bar" and "foo_bar" (at test.yaml:8:20) both map to constant ModeFooBar; this one is ModeFooBar3 (name the constants with x-enum-varnames)`,
		`8:50: enum value "a" is listed already at test.yaml:8:17; the repeat is left out`,
	}, warnings)
}

// Constants the spec names with x-enum-varnames are its choice: two alike stay an error.
func TestCollidingEnumVarnamesStayAnError(t *testing.T) {
	errs := buildErrors(t, header+`paths: {}
components:
  schemas:
    Mode:
      type: string
      enum: [a, b]
      x-enum-varnames: [Same, Same]
`)
	assert.Equal(t, []string{`test.yaml:8:17: components.schemas.Mode.enum.1: enum values "a" and "b" (at test.yaml:8:14) both map to constant ModeSame; name the constants with x-enum-varnames`}, errs)
}

func modelNames(api *ir.API) []string {
	var out []string
	for _, m := range api.Models {
		out = append(out, m.GoName)
	}
	return out
}

// A schema named like a declaration of the generated code (Client) is renamed
// with the suffix Schema, numbered when that is taken too; references follow it.
func TestSchemaNamedLikeGeneratedCodeIsRenamed(t *testing.T) {
	api, warnings := buildWarnings(t, header+`paths: {}
components:
  schemas:
    Client:
      type: object
      properties:
        name: {type: string}
    ClientSchema:
      type: object
      properties:
        client: {$ref: '#/components/schemas/Client'}
    CompiledSpec:
      type: array
      items: {$ref: '#/components/schemas/Client'}
`)
	assert.Equal(t, []string{"ClientSchema", "ClientSchema2", "CompiledSpecSchema"}, modelNames(api))
	assert.Equal(t, "Client", model(t, api, "ClientSchema2").Name)
	assert.Equal(t, "ClientSchema2", model(t, api, "ClientSchema").Fields[0].Type.Name)
	assert.Equal(t, "ClientSchema2", model(t, api, "CompiledSpecSchema").Type.Elem.Name)
	assert.Equal(t, []string{
		`6:5: schema "Client" maps to Go name Client, which the generated code declares itself; it is ClientSchema2 (set x-go-name)`,
		`14:5: schema "CompiledSpec" maps to Go name CompiledSpec, which the generated code declares itself; it is CompiledSpecSchema (set x-go-name)`,
	}, warnings)
}

// Names acsgen makes up (an inline schema's, an operation's request and response
// types, enum constants) yield to the spec's component schemas, even to one built
// after them: the made-up name is numbered.
func TestMadeUpNamesYieldToSchemas(t *testing.T) {
	api, warnings := buildWarnings(t, header+`paths:
  /pets:
    post:
      operationId: createPet
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/CreatePetRequest'}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Document'}
components:
  schemas:
    Document:
      type: object
      properties:
        status: {type: string, enum: [draft, Light]}
    DocumentStatus:
      type: object
      properties:
        value: {type: string}
    DocumentStatusDraft: {type: string}
    CreatePetRequest:
      type: object
      properties:
        name: {type: string}
    CreatePetResponse: {type: string}
`)
	assert.Equal(t, []string{"CreatePetRequest", "CreatePetResponse", "CreatePetResponse2", "Document",
		"DocumentStatus", "DocumentStatus2", "DocumentStatusDraft"}, modelNames(api))
	assert.Equal(t, "DocumentStatus2", model(t, api, "Document").Fields[0].Type.Name)
	assert.Equal(t, map[string]any{"DocumentStatus2Draft": "draft", "DocumentStatus2Light": "Light"}, constantValues(model(t, api, "DocumentStatus2")))
	op := api.Operations[0]
	assert.Equal(t, "CreatePetRequest2", op.Request)
	assert.Equal(t, "CreatePetRequest", op.Body.Type.Name)
	assert.Equal(t, "CreatePetResponse2", op.Response)
	assert.Equal(t, "Document", model(t, api, "CreatePetResponse2").Type.Name)
	assert.Equal(t, []string{
		`5:5: the request type of operation "createPet" would be named CreatePetRequest, the Go name of schema CreatePetRequest at test.yaml:28:5; it is CreatePetRequest2 (set x-go-name)`,
		`5:5: the response type of operation "createPet" would be named CreatePetResponse, the Go name of schema CreatePetResponse at test.yaml:32:5; it is CreatePetResponse2 (set x-go-name)`,
		`22:9: the inline schema would be named DocumentStatus, the Go name of schema DocumentStatus at test.yaml:23:5; it is DocumentStatus2 (set x-go-name)`,
	}, warnings)
}

// An enum constant yields to a schema, and to any name declared before it.
func TestEnumConstantsYieldToSchemas(t *testing.T) {
	api, warnings := buildWarnings(t, header+`paths: {}
components:
  schemas:
    Shade:
      type: string
      enum: [Light, Dark]
    ShadeLight: {type: string}
    ShadeDark2: {type: string}
`)
	assert.Equal(t, map[string]any{"ShadeLight2": "Light", "ShadeDark": "Dark"}, constantValues(model(t, api, "Shade")))
	assert.Equal(t, []string{
		`8:14: enum value "Light" maps to constant ShadeLight, the Go name of schema ShadeLight at test.yaml:9:5; it is ShadeLight2 (name the constants with x-enum-varnames)`,
	}, warnings)
}

// A name without letters or digits is named by its code points, with a warning;
// x-go-name still names it.
func TestNamesWithoutLettersOrDigits(t *testing.T) {
	api, warnings := buildWarnings(t, header+`paths:
  /s:
    get:
      parameters:
        - {name: "=", in: query, schema: {type: string}}
        - {name: "*/", in: query, x-go-name: Glob, schema: {type: string}}
      responses:
        "204": {description: ok}
components:
  schemas:
    "-._":
      type: object
      properties:
        "-": {type: string}
`)
	var params []string
	for _, p := range api.Operations[0].Params {
		params = append(params, p.Name+" "+p.GoName)
	}
	assert.Equal(t, []string{"= U003D", "*/ Glob"}, params)
	assert.Equal(t, []string{"-"}, fieldNames(model(t, api, "U002DU002EU005F")))
	assert.Equal(t, "U002D", model(t, api, "U002DU002EU005F").Fields[0].GoName)
	assert.Equal(t, []string{
		`7:11: name "=" has no letters or digits to make a Go name from; it is U003D (set x-go-name)`,
		`13:5: name "-._" has no letters or digits to make a Go name from; it is U002DU002EU005F (set x-go-name)`,
		`16:9: name "-" has no letters or digits to make a Go name from; it is U002D (set x-go-name)`,
	}, warnings)
}

// Parameters that map to one field are numbered, the later ones left out of the
// request's JSON when they repeat a name; an x-go-name that clashes is an error.
func TestCollidingParameterFields(t *testing.T) {
	api, warnings := buildWarnings(t, header+`paths:
  /p/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: id, in: query, schema: {type: string}}
        - {name: ID, in: header, schema: {type: string}}
      responses:
        "204": {description: ok}
`)
	var got []string
	for _, p := range api.Operations[0].Params {
		got = append(got, p.GoName+" "+p.Untagged)
	}
	assert.Equal(t, []string{"ID ", `ID2 parameter ID is "id" there`, "ID3 "}, got)
	assert.Equal(t, []string{
		`8:11: parameter "id" maps to field ID, as does parameter "id"; it is ID2 (rename it with x-go-name)`,
		`9:11: parameter "ID" maps to field ID, as does parameter "id"; it is ID3 (rename it with x-go-name)`,
	}, warnings)

	errs := buildErrors(t, header+`paths:
  /p:
    get:
      parameters:
        - {name: a, in: query, schema: {type: string}}
        - {name: b, in: query, x-go-name: A, schema: {type: string}}
      responses:
        "204": {description: ok}
`)
	assert.Equal(t, []string{`test.yaml:8:11: paths./p.get.parameters.1: parameter "b" maps to field A, as does parameter "a"; rename one with x-go-name`}, errs)
}

// A property name no struct tag can hold makes its field Untagged and its struct
// OwnJSON; such a body stays in the request's Body field, and a parameter with
// such a name is left out of the request's JSON. Other structs are unchanged.
func TestUntaggablePropertyNames(t *testing.T) {
	api, warnings := buildWarnings(t, header+`paths:
  /l:
    post:
      parameters:
        - {name: "a,b", in: query, schema: {type: string}}
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Label'}
      responses:
        "204": {description: ok}
components:
  schemas:
    Label:
      type: object
      properties:
        "q\"": {type: string}
        plain: {type: string}
    Plain:
      type: object
      properties:
        plain: {type: string}
`)
	l := model(t, api, "Label")
	assert.True(t, l.OwnJSON)
	assert.True(t, l.Fields[0].Untagged)
	assert.False(t, l.Fields[1].Untagged)
	assert.False(t, model(t, api, "Plain").OwnJSON)
	op := api.Operations[0]
	assert.False(t, op.Body.Embedded, "Label's JSON methods would be promoted to the request")
	assert.Equal(t, "a struct tag cannot hold its name", op.Params[0].Untagged)
	assert.Equal(t, []string{
		`19:9: property name "q\"" cannot be a Go struct tag key; Label gets MarshalJSON and UnmarshalJSON of its own, which write and read it exactly`,
	}, warnings)
}

// The empty property name is Empty; a property "empty" after it is Empty2.
func TestEmptyPropertyName(t *testing.T) {
	api, _ := buildWarnings(t, header+`paths: {}
components:
  schemas:
    M:
      type: object
      properties:
        "": {type: string}
        empty: {type: string}
`)
	m := model(t, api, "M")
	assert.Equal(t, []string{"", "empty"}, fieldNames(m))
	assert.Equal(t, "Empty", m.Fields[0].GoName)
	assert.Equal(t, "Empty2", m.Fields[1].GoName)
}
