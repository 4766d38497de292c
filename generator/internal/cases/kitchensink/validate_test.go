package kitchensink_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generator/internal/cases/kitchensink"
)

// validLimits satisfies every keyword of the Limits schema.
const validLimits = `{"code":"AB-12","name":"héllo","percent":100,"ratio":0.5,"step":15,"slots":[1,2],
"words":["ab"],"grid":[[1]],"meta":{"a":"x"},"hint":null,"spin":3,"codes":["XY"],"colors":["red"],"bases":[{"id":"a"}]}`

func at(pointer, message string) acs.Violation {
	return acs.Violation{Pointer: pointer, Message: message}
}

func loadSchema(t *testing.T, name string) *openapi3.Schema {
	t.Helper()
	data, err := os.ReadFile("spec.yaml")
	require.NoError(t, err)
	doc, err := openapi3.NewLoader().LoadFromData(data)
	require.NoError(t, err)
	return doc.Components.Schemas[name].Value
}

// patch returns validLimits with the given properties replaced (or removed when nil).
func patch(t *testing.T, props map[string]any) string {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(validLimits), &m))
	for k, v := range props {
		if v == nil {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return string(out)
}

// Each case breaks one keyword; Validate names it by pointer and kin-openapi agrees
// that the instance is invalid.
func TestValidateReportsEveryKeyword(t *testing.T) {
	schema := loadSchema(t, "Limits")
	cases := []struct {
		name  string
		body  string
		wants []acs.Violation
	}{
		{"pattern", patch(t, map[string]any{"code": "ab-12"}), []acs.Violation{at("/code", `value "ab-12" does not match the pattern ^[A-Z]{2}-[0-9]+$`)}},
		{"minLength of a required value", patch(t, map[string]any{"code": nil}), []acs.Violation{
			at("/code", "0 characters are fewer than minLength 3"), at("/code", `value "" does not match the pattern ^[A-Z]{2}-[0-9]+$`)}},
		{"maxLength counts code points", patch(t, map[string]any{"name": "héllo!"}), []acs.Violation{at("/name", "6 characters are more than maxLength 5")}},
		{"minLength", patch(t, map[string]any{"name": ""}), []acs.Violation{at("/name", "0 characters are fewer than minLength 1")}},
		{"minimum", patch(t, map[string]any{"percent": -1}), []acs.Violation{at("/percent", "value -1 is less than the minimum 0")}},
		{"maximum", patch(t, map[string]any{"percent": 101}), []acs.Violation{at("/percent", "value 101 is more than the maximum 100")}},
		{"exclusiveMinimum", patch(t, map[string]any{"ratio": 0}), []acs.Violation{at("/ratio", "value 0 is not more than the exclusive minimum 0")}},
		{"exclusiveMaximum", patch(t, map[string]any{"ratio": 1}), []acs.Violation{at("/ratio", "value 1 is not less than the exclusive maximum 1")}},
		{"multipleOf", patch(t, map[string]any{"step": 7}), []acs.Violation{at("/step", "value 7 is not a multiple of 5")}},
		{"required array", patch(t, map[string]any{"slots": nil}), []acs.Violation{at("/slots", "required property is missing")}},
		{"minItems", patch(t, map[string]any{"slots": []int{}}), []acs.Violation{at("/slots", "0 items are fewer than minItems 1")}},
		{"maxItems", patch(t, map[string]any{"slots": []int{1, 2, 3, 4, 5}}), []acs.Violation{at("/slots", "5 items are more than maxItems 4")}},
		{"uniqueItems", patch(t, map[string]any{"slots": []int{1, 2, 1}}), []acs.Violation{at("/slots", "items 0 and 2 are equal, but uniqueItems is set")}},
		{"uniqueItems of structs", patch(t, map[string]any{"bases": []any{map[string]any{"id": "a"}, map[string]any{"id": "a"}}}),
			[]acs.Violation{at("/bases", "items 0 and 1 are equal, but uniqueItems is set")}},
		{"item minimum", patch(t, map[string]any{"slots": []int{1, 0}}), []acs.Violation{at("/slots/1", "value 0 is less than the minimum 1")}},
		{"item maxLength", patch(t, map[string]any{"words": []string{"ab", "abcd"}}), []acs.Violation{at("/words/1", "4 characters are more than maxLength 3")}},
		{"nested arrays", patch(t, map[string]any{"grid": [][]int{{1}, {1, 2, 10}}}), []acs.Violation{
			at("/grid/1", "3 items are more than maxItems 2"), at("/grid/1/2", "value 10 is more than the maximum 9")}},
		{"map values and key escaping", patch(t, map[string]any{"meta": map[string]string{"a/b": "xyz", "c": "ok"}}), []acs.Violation{at("/meta/a~1b", "3 characters are more than maxLength 2")}},
		{"minProperties", patch(t, map[string]any{"meta": map[string]string{}}), []acs.Violation{at("/meta", "0 properties are fewer than minProperties 1")}},
		{"maxProperties", patch(t, map[string]any{"meta": map[string]string{"a": "", "b": "", "c": "", "d": ""}}), []acs.Violation{at("/meta", "4 properties are more than maxProperties 3")}},
		{"nullable value", patch(t, map[string]any{"hint": "toolong"}), []acs.Violation{at("/hint", "7 characters are more than maxLength 4")}},
		{"union string alternative", patch(t, map[string]any{"spin": "abc"}), []acs.Violation{at("/spin", "3 characters are more than maxLength 2")}},
		{"union number alternative", patch(t, map[string]any{"spin": 4}), []acs.Violation{at("/spin", "value 4 is more than the maximum 3")}},
		{"defined array type", patch(t, map[string]any{"codes": []string{"A", "b", "C"}}), []acs.Violation{
			at("/codes", "3 items are more than maxItems 2"), at("/codes/1", `value "b" does not match the pattern ^[A-Z]+$`)}},
		{"enum items", patch(t, map[string]any{"colors": []string{"red", "blue"}}), []acs.Violation{at("/colors/1", `value "blue" is not one of red, dark-green, "", OpenAI/v1`)}},
		{"every violation at once", patch(t, map[string]any{"percent": 200, "step": 1, "hint": "12345"}), []acs.Violation{
			at("/percent", "value 200 is more than the maximum 100"), at("/step", "value 1 is not a multiple of 5"), at("/hint", "5 characters are more than maxLength 4")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var l kitchensink.Limits
			require.NoError(t, json.Unmarshal([]byte(c.body), &l))
			err := l.Validate()
			var ve *acs.ValidationError
			require.True(t, errors.As(err, &ve), "want a *acs.ValidationError, got %v", err)
			assert.Equal(t, c.wants, ve.Violations)

			var instance any
			require.NoError(t, json.Unmarshal([]byte(c.body), &instance))
			assert.Error(t, schema.VisitJSON(instance), "kin-openapi must also reject it")
		})
	}
}

func TestValidateAcceptsTheExample(t *testing.T) {
	var l kitchensink.Limits
	require.NoError(t, json.Unmarshal([]byte(validLimits), &l))
	require.NoError(t, l.Validate())
	var instance any
	require.NoError(t, json.Unmarshal([]byte(validLimits), &instance))
	require.NoError(t, loadSchema(t, "Limits").VisitJSON(instance))

	var item kitchensink.GetItemResponse
	require.NoError(t, json.Unmarshal(exampleBody(t), &item))
	require.NoError(t, item.Validate())
	item.Limits.Slots = append(item.Limits.Slots, 0)
	item.Children[0].Color = new(kitchensink.Color("blue"))
	require.EqualError(t, item.Validate(), "/children/0/color: value \"blue\" is not one of red, dark-green, \"\", OpenAI/v1\n"+
		"/limits/slots/2: value 0 is less than the minimum 1")
}

func TestValidateRequiredPointersAndUnions(t *testing.T) {
	require.EqualError(t, (&kitchensink.Loop{}).Validate(), "/next: required property is missing")
	require.EqualError(t, (&kitchensink.Loop{Next: &kitchensink.Loop{}}).Validate(), "/next/next: required property is missing")
	require.EqualError(t, (&kitchensink.Port{}).Validate(), "no alternative is set")
	require.NoError(t, (&kitchensink.Port{Int32: new(int32(80))}).Validate())
	require.EqualError(t, kitchensink.Level(4).Validate(), "value 4 is not one of 1, 2, 3")
	require.NoError(t, (*kitchensink.Item)(nil).Validate(), "a nil value has nothing to break")
}

func TestValidateRequestParameters(t *testing.T) {
	ok := kitchensink.GetItemRequest{ItemID: "it-1", IDs: []string{"ab"}}
	require.NoError(t, ok.Validate())

	bad := kitchensink.GetItemRequest{
		Level: new(kitchensink.Level(9)),
		Limit: new(int32(51)),
		Q:     new("ABC"),
		IDs:   []string{"ab", "ab", "c", "de"},
	}
	require.EqualError(t, bad.Validate(), "/itemId: required parameter is missing\n"+
		"/level: value 9 is not one of 1, 2, 3\n"+
		"/limit: value 51 is more than the maximum 50\n"+
		`/q: value "ABC" does not match the pattern ^[a-z]+$`+"\n"+
		"/ids: 4 items are more than maxItems 3\n"+
		"/ids: items 0 and 1 are equal, but uniqueItems is set\n"+
		"/ids/2: 1 characters are fewer than minLength 2")
	require.EqualError(t, (&kitchensink.GetItemRequest{ItemID: "x"}).Validate(), "/ids: required parameter is missing")
	// ids joins its items with commas: one empty item puts "ids=" on the wire, which
	// counts as missing; two empty items put "ids=,", a value whose items are short.
	require.EqualError(t, (&kitchensink.GetItemRequest{ItemID: "x", IDs: []string{""}}).Validate(), "/ids: required parameter is missing")
	require.EqualError(t, (&kitchensink.GetItemRequest{ItemID: "x", IDs: []string{"", ""}}).Validate(),
		"/ids: items 0 and 1 are equal, but uniqueItems is set\n/ids/0: 0 characters are fewer than minLength 2\n/ids/1: 0 characters are fewer than minLength 2")
}

// An open enum (x-acs-open-enum: true) admits values the spec does not list: they
// decode, through encoding/json and the generated decoder alike, and Validate
// accepts them, while IsKnown still tells them apart. A closed enum in the same
// body is still enforced.
func TestOpenEnumAdmitsNewValues(t *testing.T) {
	body := []byte(`{"id":"i","phase":"Archived"}`)
	for name, decode := range map[string]func(*kitchensink.Item) error{
		"encoding/json": func(it *kitchensink.Item) error { return json.Unmarshal(body, it) },
		"jsondec":       func(it *kitchensink.Item) error { return jsondec.Unmarshal(body, it) },
	} {
		var item kitchensink.Item
		require.NoError(t, decode(&item), name)
		require.NotNil(t, item.Phase, name)
		assert.Equal(t, kitchensink.Phase("Archived"), *item.Phase, name)
		assert.False(t, item.Phase.IsKnown(), name)
		assert.NoError(t, item.Validate(), name)
	}
	assert.True(t, kitchensink.PhaseLive.IsKnown())
	assert.NoError(t, kitchensink.Phase("").Validate(), "any string is a value of an open enum")

	var item kitchensink.Item
	require.NoError(t, json.Unmarshal([]byte(`{"id":"i","phase":"Archived","color":"blue"}`), &item))
	var verr *acs.ValidationError
	require.ErrorAs(t, item.Validate(), &verr)
	assert.Equal(t, []acs.Violation{at("/color", `value "blue" is not one of red, dark-green, "", OpenAI/v1`)}, verr.Violations)
}
