package kitchensink_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/kitchensink"
)

// exampleBody reads the GetItem response example from the spec beside this file.
func exampleBody(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("spec.yaml")
	require.NoError(t, err)
	doc, err := openapi3.NewLoader().LoadFromData(data)
	require.NoError(t, err)
	ex := doc.Paths.Value("/items/{itemId}").Get.Responses.Status(200).Value.Content.Get("application/json").Example
	body, err := json.Marshal(ex)
	require.NoError(t, err)
	return body
}

// The example holds zeros, false, empty strings, empty arrays and maps, nulls and
// absent fields; all of them survive decoding and encoding.
func TestExampleRoundTrips(t *testing.T) {
	body := exampleBody(t)
	var item kitchensink.GetItemResponse
	require.NoError(t, json.Unmarshal(body, &item))
	out, err := json.Marshal(item)
	require.NoError(t, err)
	assert.JSONEq(t, string(body), string(out))

	require.NotNil(t, item.Count)
	assert.Zero(t, *item.Count)
	assert.True(t, item.Note.IsNull())
	assert.True(t, item.Children[0].Nickname.IsNull())
	assert.True(t, item.Nickname.IsZero(), "absent nullable stays absent")
	assert.Equal(t, kitchensink.Level2, *item.Level)
	assert.Equal(t, kitchensink.ColorRed, *item.Color)
	require.NotNil(t, item.Port.Int32)
	assert.Nil(t, item.Port.String)
	assert.Equal(t, "it-0", item.Parent.ID)
}

func TestUnionPicksAlternativeByJSONType(t *testing.T) {
	var p kitchensink.Port
	require.NoError(t, json.Unmarshal([]byte(`"8080"`), &p))
	require.NotNil(t, p.String)
	assert.Equal(t, "8080", *p.String)

	err := json.Unmarshal([]byte(`true`), &p)
	require.EqualError(t, err, "Port: a JSON boolean is not one of: string, number")

	_, err = json.Marshal(kitchensink.Port{})
	require.ErrorContains(t, err, "Port: no alternative is set")

	var a kitchensink.AnyOfThing
	require.NoError(t, json.Unmarshal([]byte(`{"id":"b"}`), &a))
	require.NotNil(t, a.Base)
	assert.Equal(t, "b", a.Base.ID)
}

func TestNullableStates(t *testing.T) {
	item := kitchensink.Item{ID: "i", Note: acs.Null[string](), Nickname: acs.Value("")}
	out, err := json.Marshal(item)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"i","note":null,"nickname":""}`, string(out))
}

func TestEnumsKnowTheirValues(t *testing.T) {
	assert.True(t, kitchensink.ColorDarkGreen.IsKnown())
	assert.Equal(t, kitchensink.Color(""), kitchensink.ColorEmpty)
	assert.True(t, kitchensink.ColorEmpty.IsKnown())
	assert.False(t, kitchensink.Color("blue").IsKnown())
	var c kitchensink.Color
	require.NoError(t, json.Unmarshal([]byte(`"blue"`), &c), "unknown values still decode")
}

func TestRecursiveTypesEncode(t *testing.T) {
	loop := kitchensink.Loop{Next: &kitchensink.Loop{}}
	out, err := json.Marshal(loop)
	require.NoError(t, err)
	assert.JSONEq(t, `{"next":{"next":null}}`, string(out))
	tree := kitchensink.Tree{Forest: map[string]kitchensink.Forest{"f": {Trees: []kitchensink.Tree{{}}}}}
	out, err = json.Marshal(tree)
	require.NoError(t, err)
	assert.JSONEq(t, `{"forest":{"f":{"trees":[{}]}}}`, string(out))
}
