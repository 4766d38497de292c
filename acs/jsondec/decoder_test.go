package jsondec

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// agreeCases are documents on which jsondec must give encoding/json's verdict and
// value; each group names the rule it holds to.
var agreeCases = map[string][]string{
	"values": {
		`{"s":"a","sp":"b","e":"K","b":true,"bp":false,"i8":-128,"i32":2147483647,"i64":-9223372036854775808,
		  "f32":1.5e3,"f64":-0.25E-2,"tags":["x","y"],"grid":[[1,2],[],[3]],"raw":{"a":[1, 2]},"odd":[true]}`,
		`{"kid":{"kid":{"s":"deep"}},"kids":[{"s":"1"},{"i8":2}],"dict":{"a":{"s":"x"},"b":{}},"cnt":{"n":1,"z":null}}`,
		`{"ptrs":[null,{"s":"p"}],"deep":{"k":[true,null,false]}}`,
		` { "s" : "spaced" , "raw" :  [ 1 , 2 ]  } `, "\t\r\n{}\n",
		`{"i64":-0,"f64":0,"i32":0e0}`, `{"f64":1e308}`, `{"f32":3.4028234e38}`,
	},
	"null": {
		`null`, `{"s":null,"sp":null,"b":null,"i8":null,"f64":null,"kid":null,"kids":null,"dict":null,"raw":null,"odd":null}`,
		`{"kids":[null],"tags":[null,"a"],"cnt":{"a":null}}`,
	},
	"empty containers": {`{"kids":[],"tags":[],"dict":{},"grid":[[]],"raw":[]}`, `{}`},
	"keys": {
		`{"S":"upper","SP":"x","KIDS":[{"S":"a"}]}`, `{"same":"exact lower","Same":"exact upper"}`,
		`{"SAME":"folds to the first field"}`, `{"sAmE":"x"}`,
		`{"\u0073":"escaped key"}`, `{"ſtraße":"exact"}`, `{"Straße":"fold"}`, `{"STRASSE":"no fold"}`,
		`{"\u212a":"kelvin"}`, `{"unknown":{"a":[1,{"b":null}]},"s":"after"}`, `{"":1}`,
	},
	"repeated keys": {
		`{"s":"a","s":"b"}`, `{"kid":{"s":"a"},"kid":{"i8":1}}`, `{"kids":[{"s":"a"},{"s":"b"}],"kids":[{"i8":1}]}`,
		`{"kids":[{"s":"a"}],"kids":[],"kids":[{"i8":2}]}`, `{"dict":{"a":{"s":"x"}},"dict":{"a":{"i8":1},"b":{}}}`,
		`{"tags":["a","b","c"],"tags":["d"],"tags":["e","f"]}`, `{"kid":{"s":"a"},"kid":null,"kid":{"i8":1}}`,
	},
	"strings": {
		`{"s":"\"\\\/\b\f\n\r\t"}`, `{"s":"\u00e9\u4e2d\ud83d\ude00"}`, `{"s":"\ud800"}`, `{"s":"\ud800x"}`,
		`{"s":"\ud800\u0041"}`, `{"s":"\udc00\ud800"}`, `{"s":"\ud800\ud800\udc00"}`, "{\"s\":\"\xff\"}",
		"{\"s\":\"a\xe2\x82\"}", "{\"s\":\"\xc0\xaf\"}", "{\"s\":\"\xed\xa0\x80\"}", "{\"s\":\"é中😀\"}",
		"{\"s\":\"\\u00e9\xff\"}", `{"s":"\u0000"}`,
	},
	"type errors": {
		`{"s":1}`, `{"s":true}`, `{"s":{}}`, `{"b":"true"}`, `{"b":0}`, `{"i8":128}`, `{"i8":1.5}`, `{"i64":1e2}`,
		`{"i64":9223372036854775808}`, `{"i32":"1"}`, `{"f32":1e39}`, `{"f64":1e309}`, `{"f64":"1"}`, `{"kid":[]}`,
		`{"kids":{}}`, `{"kids":[1]}`, `{"dict":[]}`, `{"dict":{"a":1}}`, `[]`, `"s"`, `1`, `true`, `{"grid":[["a"]]}`,
		`{"s":1,"s":"after a type error"}`, `{"i8":"x","b":tru}`, `{"odd":"fail"}`, `{"e":7}`,
	},
	"syntax errors": {
		``, ` `, `{`, `{"s"`, `{"s":`, `{"s":"a"`, `{"s":"a",}`, `{"s":"a" "b":1}`, `{,}`, `{"s":"a"}}`, `{} {}`,
		`{"s":"a"} x`, `{'s':1}`, `{s:1}`, `{"tags":[1,]}`, `{"tags":[,1]}`, `{"tags":["a" "b"]}`, `{"tags":["a"}`,
		`{"i8":01}`, `{"i8":-}`, `{"f64":1.}`, `{"f64":.5}`, `{"f64":1e}`, `{"f64":1e+}`, `{"f64":-.5}`, `{"f64":+1}`,
		`{"f64":0x10}`, `{"f64":NaN}`, `{"b":tru}`, `{"b":True}`, `{"s":nul}`, `{"s":"\x"}`, `{"s":"\u12"}`,
		`{"s":"\u12g4"}`, "{\"s\":\"a\tb\"}", "{\"s\":\"a\nb\"}", `{"s":"unterminated}`, `{"unknown":[1,}`,
		`{"unknown":{"a" 1}}`, `{"unknown":{"a":1,}}`, `{"unknown":{1:2}}`, `{"unknown":[1 2]}`, `{"unknown":"\q"}`,
		`{"raw":[1,}`, `{"raw":{"a":}}`, `{"odd":[}`, `{"dict":{"a":{},}}`, `{"dict":{"a" {}}}`, `{"cnt":{"a":1 "b":2}}`,
		`{"s":1 "b":2}`, `{"i8":"x" 1}`, "{\"s\":\"a\"}\x00", `{"kids":[{}],]}`,
	},
}

func TestAgreesWithEncodingJSON(t *testing.T) {
	for group, docs := range agreeCases {
		for _, doc := range docs {
			t.Run(group, func(t *testing.T) { requireAgree(t, []byte(doc), sample{}) })
		}
	}
}

// Decoding into a value that already holds data merges as encoding/json does:
// elements and map entries are reused or replaced the same way.
func TestAgreesWhenDecodingIntoAFilledValue(t *testing.T) {
	one, two := int32(1), int32(2)
	filled := sample{S: "old", SP: new(string), Kid: &sample{S: "kid", I8: 3},
		Kids: make([]sample, 2, 5), Tags: []string{"a", "b", "c"}, Dict: map[string]sample{"k": {S: "v", I8: 1}},
		Cnt: map[string]*int32{"one": &one, "two": &two}, Ptrs: []*sample{{S: "p"}}}
	filled.Kids[0].S, filled.Kids[1].I8 = "k0", 9
	for group, docs := range agreeCases {
		for _, doc := range docs {
			t.Run(group, func(t *testing.T) { requireAgree(t, []byte(doc), filled) })
		}
	}
}

// Nesting is bounded where encoding/json bounds it, in skipped values too, and
// deep input costs no Go stack: skipping is iterative.
func TestDepthLimitAgrees(t *testing.T) {
	for _, depth := range []int{MaxDepth - 2, MaxDepth - 1, MaxDepth, MaxDepth + 1} {
		nested := strings.Repeat("[", depth) + strings.Repeat("]", depth)
		requireAgree(t, []byte(`{"unknown":`+nested+`}`), sample{})
		requireAgree(t, []byte(`{"raw":`+nested+`}`), sample{})
		requireAgree(t, []byte(`{"grid":`+nested+`}`), sample{})
	}
	err := Unmarshal([]byte(`{"x":`+strings.Repeat(`{"a":`, MaxDepth)+`1`+strings.Repeat("}", MaxDepth)+`}`),
		new(sample))
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "exceeded max depth", se.Error())
}

// Errors say what and where: the JSON kind, the Go type, the field path, the offset.
func TestErrorsSayWhatAndWhere(t *testing.T) {
	err := Unmarshal([]byte(`{"kid":{"kids":[{"i32":"x"}]}}`), new(sample))
	var te *TypeError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, &TypeError{Value: "string", GoType: "int32", Field: "kid.kids.i32", Offset: 23}, te)
	assert.Equal(t, `json: cannot unmarshal string into field kid.kids.i32 of Go type int32 (offset 23)`, err.Error())

	err = Unmarshal([]byte(`{"dict":{"a b":{"i8":300}}}`), new(sample))
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "number 300", te.Value)
	assert.Equal(t, "dict.a b.i8", te.Field)

	err = Unmarshal([]byte(`{"kid":[]}`), new(sample))
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "jsondec.sample", te.GoType)

	err = Unmarshal([]byte(`{"s":"a",}`), new(sample))
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, `invalid character '}' looking for beginning of object key string`, se.Error())
	assert.Equal(t, int64(10), se.Offset)

	err = Unmarshal([]byte(`{"s":"a"`), new(sample))
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "unexpected end of JSON input", se.Error())
}

// The first error wins, and nothing after it is decoded.
func TestFirstErrorSticks(t *testing.T) {
	var v sample
	err := Unmarshal([]byte(`{"i8":"x","s":"later"}`), &v)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "int8")
	assert.Empty(t, v.S)
}

// A RawMessage gets exactly the value's bytes, without the space around it, and
// keeps no reference to the input.
func TestRawMessageCopiesTheValue(t *testing.T) {
	data := []byte(`{"raw":  {"a": [1, 2]}  }`)
	var v sample
	require.NoError(t, Unmarshal(data, &v))
	assert.Equal(t, `{"a": [1, 2]}`, string(v.Raw))
	data[9] = 'X'
	assert.Equal(t, `{"a": [1, 2]}`, string(v.Raw))
}

// Strings without escapes do not alias the input either.
func TestStringsDoNotAliasTheInput(t *testing.T) {
	data := []byte(`{"s":"abc","tags":["\u0041bc"]}`)
	var v sample
	require.NoError(t, Unmarshal(data, &v))
	copy(data, strings.Repeat("z", len(data)))
	assert.Equal(t, "abc", v.S)
	assert.Equal(t, []string{"Abc"}, v.Tags)
}

// UnmarshalDepth bounds nesting where asked, wrapping ErrTooDeep, and never past
// MaxDepth.
func TestUnmarshalDepth(t *testing.T) {
	doc := func(depth int) []byte { // the object itself is one level
		return []byte(`{"unknown":` + strings.Repeat("[", depth-1) + strings.Repeat("]", depth-1) + `}`)
	}
	require.NoError(t, UnmarshalDepth(doc(3), new(sample), 3))
	require.ErrorIs(t, UnmarshalDepth(doc(4), new(sample), 3), ErrTooDeep)
	require.ErrorIs(t, UnmarshalDepth([]byte(`{"kid":{"kid":{"kid":{}}}}`), new(sample), 3), ErrTooDeep)
	require.NoError(t, UnmarshalDepth(doc(MaxDepth), new(sample), MaxDepth+5))
	require.ErrorIs(t, UnmarshalDepth(doc(MaxDepth+1), new(sample), MaxDepth+5), ErrTooDeep)
}
