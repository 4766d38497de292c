package oddnames_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generator/internal/cases/oddnames"
	"github.com/acsgen/acsgen/internal/loopback"
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
