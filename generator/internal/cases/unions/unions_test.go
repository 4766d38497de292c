package unions_test

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generator/internal/cases/unions"
	"github.com/acsgen/acsgen/internal/jsonrepeat"
)

// sample is one JSON value of a union, with the field of the union decoding
// sets ("" when decoding refuses the value).
type sample struct {
	json, field string
}

// samples are, per union (by its property in Catalog), values valid for none of
// its alternatives, for one, and for several.
var samples = map[string][]sample{
	"code": {{`"ab"`, "String"}, {`"12345"`, "String1"}, {`"12"`, ""}, {`"abcd"`, ""}, {`1`, ""}},
	"stamp": {{`"2024-03-27"`, "String"}, {`"2024-03-27T10:00:00Z"`, "String1"}, {`"2024-03-27T10:00:00"`, ""},
		{`"soon"`, ""}},
	"amount": {{`2`, "Int64"}, {`2.5`, "Float64"}, {`2.0`, "Int64"}, {`1e2`, "Int64"}, {`"2"`, ""}},
	"count":  {{`1.5`, "Float64"}, {`1`, ""}, {`3000000000`, "Float64"}, {`-0.5e1`, ""}, {`null`, ""}},
	"level":  {{`"a"`, "Low"}, {`"c"`, "High"}, {`"b"`, ""}, {`"d"`, ""}},
	"word":   {{`"foo"`, "String"}, {`"zzz"`, "String"}, {`true`, ""}},
	"config": {{`{"host":"h","port":1}`, "ServerConfig"}, {`{"host":"h","port":"x"}`, "ClientConfig"},
		{`{"host":"h"}`, ""}, {`{"host":"h","port":null}`, ""}, {`{"Host":"h","port":1}`, ""}, {`{"port":1.5}`, ""},
		{`{"host":"h","port":1,"extra":[null]}`, "ServerConfig"}},
	"data": {{`{"name":"n","metadata":"s"}`, "StringData"}, {`{"name":"n","metadata":7}`, "NumberData"},
		{`{"name":"n","metadata":null}`, ""}, {`{"name":"n"}`, ""}, {`{"name":"n","metadata":true}`, ""}},
	"filter": {{`{"lt":3}`, "LessOp"}, {`{"any":["x"]}`, "AnyOp"}, {`{}`, ""}, {`{"lt":3,"any":[]}`, ""},
		{`{"LT":3}`, ""}, {`{"any":null}`, ""}},
	"pair": {{`{"a":1}`, "Single"}, {`{"a":1,"b":2}`, ""}, {`{"a":1,"b":null}`, ""}, {`{"b":2}`, ""},
		{`{"a":1,"b":"x"}`, "Single"}},
	"item": {{`{"id":"x","value":"y"}`, "StringItem"}, {`{"id":1,"value":2.5}`, "NumberItem"},
		{`{"id":true,"value":1}`, ""}, {`{"id":"x","value":1}`, ""}, {`{"value":1}`, ""}},
	"bag": {{`{"tag":"t"}`, "Tagged"}, {`{"n":1}`, "Map"}, {`{"tag":1}`, "Map"}, {`{}`, "Map"},
		{`{"tag":"t","n":1}`, "Tagged"}, {`{"n":"x"}`, ""}},
	"predicate": {{`true`, "Scalar"}, {`"abc"`, "Scalar"}, {`"$x"`, ""}, {`"$abcdefghij"`, "String"},
		{`[1,{"not":"x"}]`, "Array"}, {`{"not":[true,"$x"]}`, ""}, {`{"not":[true,"$long-enough"]}`, "NotOp"}, {`null`, ""}},
	"id":       {{`"0b5e2f3c-8d4a-4c1e-9f7a-2b6d8e0c1a3f"`, "ID"}, {`7`, ""}},
	"anything": {{`{"x":1}`, "Point"}, {`{"y":1}`, "Any"}, {`[1]`, "Any"}, {`"s"`, "Any"}},
	"size":     {{`64`, "Int64"}, {`"64Mi"`, "String"}, {`"64MB"`, ""}, {`"64"`, "String"}, {`1.5`, ""}},
	"labeled": {{`{"label":"l","a":1}`, "LabelA"}, {`{"label":"l","b":1}`, "LabelB"}, {`{"a":1}`, ""},
		{`{"label":"l","a":1,"b":2}`, ""}},
	"message": {{`{"sender":"s","content":{"text":"hi"}}`, "TextMessage"},
		{`{"sender":"s","content":{"text":"hi","format":"md"}}`, ""},
		{`{"sender":"s","content":{"data":"aGk="}}`, "DataMessage"}, {`{"sender":"s","content":{"data":"a b"}}`, ""},
		{`{"sender":"s","content":{"data":{"k":1}}}`, "DataMessage"}, {`{"sender":"s","content":{"data":1}}`, ""}},
}

// plain leaves out the samples that plain decoding, as encoding/json, cannot
// tell from valid ones, where strict decoding and kin-openapi refuse them: null
// for an optional property (it leaves the field nil), and an object without a
// required property held by value (it leaves the zero value). Validate sees
// neither; acsgen contract compares the value's encoding with the body.
func plain(name string, list []sample) []sample {
	var out []sample
	for _, s := range list {
		if s.json != "null" && !(name == "labeled" && s.json == `{"a":1}`) {
			out = append(out, s)
		}
	}
	return out
}

// catalog decodes one union as the Catalog property name holds it, and
// validates it.
func catalog(t *testing.T, name, value string) (unions.Catalog, error) {
	t.Helper()
	var c unions.Catalog
	if err := json.Unmarshal([]byte(`{"`+name+`":`+value+`}`), &c); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// set names the field of the union in c that decoding set.
func set(c unions.Catalog, name string) string {
	var u any
	switch name {
	case "id":
		if c.ID != nil {
			return "ID"
		}
		return ""
	case "code":
		u = c.Code
	case "stamp":
		u = c.Stamp
	case "amount":
		u = c.Amount
	case "count":
		u = c.Count
	case "level":
		u = c.Level
	case "word":
		u = c.Word
	case "config":
		u = c.Config
	case "data":
		u = c.Data
	case "filter":
		u = c.Filter
	case "pair":
		u = c.Pair
	case "item":
		u = c.Item
	case "bag":
		u = c.Bag
	case "predicate":
		u = c.Predicate
	case "anything":
		u = c.Anything
	case "message":
		u = c.Message
	case "size":
		u = c.Size
	case "labeled":
		u = c.Labeled
	}
	return setField(u)
}

// Decoding sets the alternative the value is valid for: the only one (oneOf) or
// the first (anyOf); a value valid for none, or for several alternatives of a
// oneOf, is an error.
func TestDecodingPicksTheAlternativeTheValueIsValidFor(t *testing.T) {
	for name, list := range samples {
		for _, s := range plain(name, list) {
			c, err := catalog(t, name, s.json)
			if s.field == "" {
				assert.Error(t, err, "%s: %s", name, s.json)
				continue
			}
			if assert.NoError(t, err, "%s: %s", name, s.json) {
				assert.Equal(t, s.field, set(c, name), "%s: %s", name, s.json)
			}
		}
	}
}

// The errors say which alternatives the value is valid for, or why none.
func TestDecodingErrorsNameTheAlternatives(t *testing.T) {
	var code unions.Code
	assert.EqualError(t, json.Unmarshal([]byte(`"12"`), &code),
		"Code: the JSON string is valid for 2 alternatives (String, String1), but oneOf takes exactly one")
	assert.EqualError(t, json.Unmarshal([]byte(`"abcd"`), &code),
		`Code: the JSON string is valid for none of the alternatives (String: 4 characters are more than maxLength 3; String1: value "abcd" does not match the pattern ^[0-9]+$)`)
	var config unions.Config
	assert.EqualError(t, json.Unmarshal([]byte(`{"port":true}`), &config),
		`Config: the JSON object is valid for none of the alternatives (ServerConfig: json: cannot unmarshal bool into field port of Go type int64 (offset 8); ClientConfig: json: cannot unmarshal bool into field port of Go type string (offset 8))`)
	assert.EqualError(t, json.Unmarshal([]byte(`{"host":"h","port":null}`), &config),
		`Config: the JSON object is valid for none of the alternatives (ServerConfig: port: null is not allowed for Go type *int64; ClientConfig: port: null is not allowed for Go type *string)`)
}

// kin-openapi is the oracle: a value is valid for it exactly when it decodes,
// strictly, into the generated type and passes Validate. Strict decoding is how
// unions try alternatives; here it reads the whole document, so that what plain
// decoding cannot see (a member a closed object does not allow, say) counts too.
func TestStrictDecodingAgreesWithKin(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	schema := doc.Components.Schemas["Catalog"].Value
	for name, list := range samples {
		for _, s := range list {
			body := `{"` + name + `":` + s.json + `}`
			var instance any
			require.NoError(t, json.Unmarshal([]byte(body), &instance))
			kinErr := schema.VisitJSON(instance)

			var c unions.Catalog
			var d jsondec.Decoder
			d.Reset([]byte(body))
			ours := d.Try(c.DecodeJSON)
			if ours == nil {
				ours = c.Validate()
			}
			assert.Equal(t, kinErr == nil, ours == nil, "%s: kin-openapi says %v, the generated type %v", body, kinErr, ours)
			if s.field != "" {
				assert.NoError(t, kinErr, "%s is valid", body)
			}
		}
	}
}

// Plain decoding, as a client's, agrees with kin-openapi on the samples too:
// the unions try their alternatives strictly whatever decodes them.
func TestDecodingAgreesWithKin(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	schema := doc.Components.Schemas["Catalog"].Value
	for name, list := range samples {
		for _, s := range plain(name, list) {
			var instance any
			require.NoError(t, json.Unmarshal([]byte(`{"`+name+`":`+s.json+`}`), &instance))
			kinErr := schema.VisitJSON(instance)
			_, ours := catalog(t, name, s.json)
			assert.Equal(t, kinErr == nil, ours == nil, "%s: %s: kin-openapi says %v, the generated type %v", name, s.json, kinErr, ours)
		}
	}
}

// What decoding picked encodes to JSON that decodes to the same value: the
// alternative keeps what it declares (members it does not are dropped, as from
// any struct), and that still picks it.
func TestPickedAlternativesEncodeAndDecodeAgain(t *testing.T) {
	for name, list := range samples {
		for _, s := range list {
			if s.field == "" {
				continue
			}
			c, err := catalog(t, name, s.json)
			require.NoError(t, err)
			out, err := json.Marshal(c)
			require.NoError(t, err)
			var again unions.Catalog
			require.NoError(t, json.Unmarshal(out, &again), "%s", out)
			assert.Equal(t, c, again, "%s: %s encodes as %s", name, s.json, out)
		}
	}
}

// setField names the field of the union *u that is set, "" for none.
func setField(u any) string {
	v := reflect.ValueOf(u)
	if v.IsNil() {
		return ""
	}
	v = v.Elem()
	for i := range v.NumField() {
		if !v.Field(i).IsNil() {
			return v.Type().Field(i).Name
		}
	}
	return ""
}

// FuzzStrictDecodingAgreesWithKin holds strict decoding + Validate to
// kin-openapi's verdict on any JSON value of any of the unions. An object that
// repeats a key is left out: kin-openapi sees its last member only, decoding
// into Go every one, as encoding/json does.
func FuzzStrictDecodingAgreesWithKin(f *testing.F) {
	names := slices.Sorted(maps.Keys(samples))
	for i, name := range names {
		for _, s := range samples[name] {
			f.Add(uint8(i), s.json)
		}
	}
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(f, err)
	schema := doc.Components.Schemas["Catalog"].Value
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		body := `{"` + names[int(which)%len(names)] + `":` + value + `}`
		var instance any
		if json.Unmarshal([]byte(body), &instance) != nil || jsonrepeat.Keys(body) {
			return
		}
		kinErr := schema.VisitJSON(instance)
		var c unions.Catalog
		var d jsondec.Decoder
		d.Reset([]byte(body))
		ours := d.Try(c.DecodeJSON)
		if ours == nil {
			ours = c.Validate()
		}
		if (kinErr == nil) != (ours == nil) {
			t.Fatalf("%s: kin-openapi says %v, the generated type %v", body, kinErr, ours)
		}
	})
}

// chain is a Chain nested depth deep, ending in an object only Knot takes.
func chain(depth int) []byte {
	return []byte(strings.Repeat(`{"next":`, depth) + `{"a":1}` + strings.Repeat(`}`, depth))
}

// Trying the alternatives of a union that both alternatives hold again reads
// each nested value once: the work grows with the depth, not as 2^depth. It is
// counted in allocations, which the decoding of each value makes.
func TestTryingNestedUnionsIsLinear(t *testing.T) {
	var c unions.Chain
	require.NoError(t, json.Unmarshal(chain(0), &c))
	require.NotNil(t, c.Knot)
	assert.EqualError(t, json.Unmarshal(chain(1), &c),
		"Chain: the JSON object is valid for 2 alternatives (Link, Knot), but oneOf takes exactly one")
	allocs := func(depth int) float64 {
		data := chain(depth)
		return testing.AllocsPerRun(3, func() { _ = json.Unmarshal(data, new(unions.Chain)) })
	}
	shallow, deep := allocs(6), allocs(18)
	assert.Less(t, deep, 6*shallow, "3 times as deep: %v allocations, against %v", deep, shallow)
}
