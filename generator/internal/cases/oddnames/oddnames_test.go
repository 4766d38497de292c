package oddnames_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/internal/cases/oddnames"
	"github.com/acsgen/acsgen/generator/internal/cases/oddnames/oddnamescheck"
	"github.com/acsgen/acsgen/internal/loopback"
	"github.com/acsgen/acsgen/mock"
)

func client(t *testing.T, srv *loopback.Server) *oddnames.Client {
	t.Helper()
	c, err := oddnames.NewClient(acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	return c
}

// component loads the spec's schema name, kin-openapi being the oracle of what
// the generated types accept.
func component(t *testing.T, name string) *openapi3.Schema {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	return doc.Components.Schemas[name].Value
}

// agreesWithKin decodes body into a new T with encoding/json and with the
// generated decoder, and checks that Validate accepts it exactly when kin-openapi
// accepts body against schema.
func agreesWithKin[T any, P interface {
	*T
	jsondec.Decodable
	Validate() error
}](t *testing.T, schema *openapi3.Schema, body string) {
	t.Helper()
	var instance any
	require.NoError(t, json.Unmarshal([]byte(body), &instance))
	kinErr := schema.VisitJSON(instance)
	var viaJSON, viaDecoder T
	ours := json.Unmarshal([]byte(body), &viaJSON)
	decoded := jsondec.Unmarshal([]byte(body), P(&viaDecoder))
	assert.Equal(t, ours == nil, decoded == nil, "%s: encoding/json says %v, DecodeJSON %v", body, ours, decoded)
	if ours == nil {
		assert.Equal(t, viaJSON, viaDecoder, "%s: encoding/json and DecodeJSON disagree", body)
		ours = P(&viaJSON).Validate()
	}
	assert.Equal(t, kinErr == nil, ours == nil, "%s: kin-openapi says %v, the generated type %v", body, kinErr, ours)
}

// Enum values that differ only in case or punctuation each get a constant, the
// later ones numbered, and each constant is its own value on the wire.
func TestCollidingEnumValuesEachHaveAConstant(t *testing.T) {
	for c, wire := range map[oddnames.Shade]string{
		oddnames.ShadeLight: "Light", oddnames.ShadeLight2: "light",
		oddnames.ShadeDarkRed: "Dark Red", oddnames.ShadeDarkRed2: "Dark-Red", oddnames.ShadeDarkRed3: "dark_red",
	} {
		assert.True(t, c.IsKnown(), wire)
		out, err := json.Marshal(oddnames.Thing{Shade: &c})
		require.NoError(t, err)
		assert.JSONEq(t, `{"shade":`+string(mustJSON(t, wire))+`}`, string(out))
		var back oddnames.Thing
		require.NoError(t, json.Unmarshal(out, &back))
		assert.Equal(t, c, *back.Shade)
	}
	schema := component(t, "Thing")
	for _, body := range []string{`{"shade":"light"}`, `{"shade":"Dark-Red"}`, `{"shade":"dark_red"}`, `{"shade":"DARK RED"}`, `{"shade":"dark"}`} {
		agreesWithKin[oddnames.Thing](t, schema, body)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	out, err := json.Marshal(v)
	require.NoError(t, err)
	return out
}

// Schema Client is type ClientSchema beside the generated Client; the inline
// enum whose made-up name is schema DocumentStatus's is DocumentStatus2; the
// request type of createDocument, whose body schema is CreateDocumentRequest, is
// CreateDocumentRequest2. Each works on the wire.
func TestNamesThatYieldToSchemas(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, `{"name":"acme"}`)
	c := client(t, srv)
	got, err := c.GetClient(context.Background(), &oddnames.GetClientRequest{ID: "c1"})
	require.NoError(t, err)
	assert.Equal(t, oddnames.ClientSchema{Name: "acme"}, *got)

	srv.Reply(http.StatusOK, nil, `{"title":"t","status":"final"}`)
	title := "t"
	doc, err := c.CreateDocument(context.Background(), &oddnames.CreateDocumentRequest2{
		CreateDocumentRequest: oddnames.CreateDocumentRequest{Title: &title},
	})
	require.NoError(t, err)
	assert.Equal(t, oddnames.DocumentStatus2Final, *doc.Status)
	reqs := srv.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "/clients/c1", reqs[0].Path)
	assert.JSONEq(t, `{"title":"t"}`, string(reqs[1].Body))

	schema := component(t, "Document")
	for _, body := range []string{`{"status":"draft"}`, `{"status":"Draft"}`, `{"status":{"value":"draft"}}`} {
		agreesWithKin[oddnames.Document](t, schema, body)
	}
}

// Names without letters or digits are named by their code points, and keep
// their own names on the wire: query parameters = and +, properties - and ~.
func TestNamesWithoutLettersOrDigits(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	eq, plus := "a=b&c", int64(-1)
	_, err := client(t, srv).Search(context.Background(), &oddnames.SearchRequest{U003D: &eq, U002B: &plus})
	require.NoError(t, err)
	assert.Equal(t, "%2B=-1&%3D=a%3Db%26c", srv.Requests()[0].RawQuery)

	dash, tilde := "x", int64(7)
	out, err := json.Marshal(oddnames.Thing{U002D: &dash, U007E: &tilde})
	require.NoError(t, err)
	assert.JSONEq(t, `{"-":"x","~":7}`, string(out))
	var back oddnames.Thing
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, "x", *back.U002D)
	assert.Equal(t, int64(7), *back.U007E)
	schema := component(t, "Thing")
	for _, body := range []string{`{"-":"abc","~":1}`, `{"-":"abcd"}`, `{"~":"1"}`} {
		agreesWithKin[oddnames.Thing](t, schema, body)
	}
}

// One parameter name in two places makes two fields, the later numbered; each
// goes to its own place, and the request's JSON holds the first.
func TestOneParameterNameInTwoPlaces(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	page, plus := int64(3), "p"
	c := client(t, srv)
	_, err := c.GetItem(context.Background(), &oddnames.GetItemRequest{ID: "a/b", ID2: &page})
	require.NoError(t, err)
	_, err = c.Search(context.Background(), &oddnames.SearchRequest{PlusHeader: &plus})
	require.NoError(t, err)
	reqs := srv.Requests()
	assert.Equal(t, "/items/a%2Fb", reqs[0].Path)
	assert.Equal(t, "id=3", reqs[0].RawQuery)
	assert.Equal(t, "p", reqs[1].Header.Get("+"))

	zero := int64(0)
	assert.ErrorContains(t, (&oddnames.GetItemRequest{ID: "a", ID2: &zero}).Validate(), "minimum")
	out, err := json.Marshal(oddnames.GetItemRequest{ID: "a", ID2: &page})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"a"}`, string(out))
}

// label has a member of every name no struct tag can hold, and its JSON.
func label() (oddnames.Label, string) {
	hi, plain := "<hi>", "p"
	shade := oddnames.ShadeLight2
	return oddnames.Label{
		Empty: "e", AB: 2, SayHi: acs.Value(hi), BackSlash: []string{"x"},
		Tick: &oddnames.Thing{Shade: &shade}, Plain: &plain,
	}, `{"":"e","a,b":2,"say \"hi\"":"<hi>","back\\slash":["x"],"` + "`tick`" + `":{"shade":"light"},"plain":"p"}`
}

// Property names no struct tag can hold ("", "a,b", quotes, a backslash,
// backticks) go on the wire as they are, both ways, with encoding/json and with
// the generated decoder; absent optional members stay out, as omitzero leaves them.
func TestUntaggablePropertyNamesRoundTrip(t *testing.T) {
	v, wire := label()
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, wire, string(out))
	var back, decoded oddnames.Label
	require.NoError(t, json.Unmarshal([]byte(wire), &back))
	assert.Equal(t, v, back)
	require.NoError(t, jsondec.Unmarshal([]byte(wire), &decoded))
	assert.Equal(t, v, decoded)

	out, err = json.Marshal(oddnames.Label{SayHi: acs.Null[string]()})
	require.NoError(t, err)
	assert.Equal(t, `{"":"","a,b":0,"say \"hi\"":null}`, string(out))

	// Inside other values, and with a type's own JSON (acs.Nullable) around it.
	out, err = json.Marshal(map[string]any{"list": []oddnames.Label{v}, "n": acs.Value(v)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"list":[`+wire+`],"n":`+wire+`}`, string(out))
	var wrapped struct{ N acs.Nullable[oddnames.Label] }
	require.NoError(t, json.Unmarshal([]byte(`{"N":`+wire+`}`), &wrapped))
	got, ok := wrapped.N.Get()
	assert.True(t, ok)
	assert.Equal(t, v, got)
}

// kin-openapi and the generated type agree on documents with those names: types,
// a bound on "a,b", the nested Thing's enum. (A required member left out decodes
// to the zero value, as for any name; acsgen contract checks the JSON itself.)
func TestUntaggablePropertyNamesAgreeWithKin(t *testing.T) {
	schema := component(t, "Label")
	_, wire := label()
	for _, body := range []string{
		wire,
		`{"":"","a,b":0}`,
		`{"":"","a,b":-1}`,
		`{"":"x","a,b":1,"say \"hi\"":null,"back\\slash":[]}`,
		`{"":"x","a,b":1,"say \"hi\"":7}`,
		`{"":"x","a,b":1,"back\\slash":[1]}`,
		`{"":"x","a,b":1,"` + "`tick`" + `":{"shade":"LIGHT"}}`,
		`{"":"x","a,b":"1"}`,
	} {
		agreesWithKin[oddnames.Label](t, schema, body)
	}
}

// The client sends the exact names and reads them back; the parameter `q`, whose
// name is no struct tag key either, goes to the query.
func TestUntaggablePropertyNamesOnTheWire(t *testing.T) {
	v, wire := label()
	srv := loopback.New(t, http.StatusOK, wire)
	q := "`x`"
	got, err := client(t, srv).PutLabel(context.Background(), &oddnames.PutLabelRequest{Q: &q, Body: &v})
	require.NoError(t, err)
	assert.Equal(t, v, *got)
	req := srv.Requests()[0]
	assert.JSONEq(t, wire, string(req.Body))
	assert.Equal(t, "`x`", req.Query.Get("`q`"))
	_, err = client(t, srv).PutLabel(context.Background(), &oddnames.PutLabelRequest{})
	assert.ErrorContains(t, err, "/body: required property is missing")
}

// acsgen contract, checking responses with the generated types (UseCompiled),
// finds what kin-openapi alone finds in bodies with those names: their own
// MarshalJSON is what the compiled check compares the body with.
func TestContractWithUntaggablePropertyNames(t *testing.T) {
	kin, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	compiled, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	require.Positive(t, compiled.UseCompiled(oddnamescheck.CompiledSpec))
	_, wire := label()
	for _, tc := range []struct {
		body string
		ok   bool
	}{
		{wire, true},
		{`{"a,b":1,"":""}`, true},
		{`{"":"x","a,b":1,"say \"hi\"":null}`, true},
		{`{"Empty":"x","a,b":1}`, false}, // the Go field's name is not the property's
		{`{"":"x","AB":1}`, false},
		{`{"":"x","a,b":-1}`, false},
		{`{"":"x","a,b":1,"back\\slash":[1]}`, false},
	} {
		ix := contract.Interaction{
			Method: "POST", URL: "https://odd.example.com/labels", Header: http.Header{"Content-Type": {"application/json"}},
			Body: []byte(wire), Status: http.StatusOK, RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(tc.body),
		}
		want := kin.Check(ix, contract.Options{})
		assert.Equal(t, tc.ok, len(want) == 0, "%s: %v", tc.body, want)
		assert.Equal(t, want, compiled.Check(ix, contract.Options{}), tc.body)
	}
}

// acsgen mock validates each request against the spec with kin-openapi: the
// body the client writes has the required "" and "a,b" under their own names.
func TestUntaggablePropertyNamesAgainstTheMock(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	m, err := mock.New(set, mock.Options{})
	require.NoError(t, err)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	c, err := oddnames.NewClient(acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	v, _ := label()
	_, err = c.PutLabel(context.Background(), &oddnames.PutLabelRequest{Body: &v})
	require.NoError(t, err)

	// What encoding/json would write with the Go field names, the mock refuses.
	resp, err := http.Post(srv.URL+"/labels", "application/json", strings.NewReader(`{"Empty":"e","AB":2}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
}
