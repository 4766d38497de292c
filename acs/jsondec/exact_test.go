package jsondec

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// encodesAsTree reports whether json.Marshal encodes v as JSON equal to data:
// encoding/json decodes the two into equal values of type any. It is the
// definition Exact.Lost is held to.
func encodesAsTree(v any, data []byte) bool {
	out, err := json.Marshal(v)
	if err != nil {
		return false
	}
	var a, b any
	if json.Unmarshal(out, &a) != nil || json.Unmarshal(data, &b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}

// treeJudge judges a value that decoded itself by the definition.
func treeJudge(v any, part []byte) bool { return encodesAsTree(v, part) }

// requireExactAgrees decodes data into a sample exactly and plainly and requires
// the same error and value of both; and, when exact decoding lost nothing, that
// the value encodes as data. It returns what exact decoding noticed.
func requireExactAgrees(t testing.TB, data []byte) Exact {
	t.Helper()
	var want, got sample
	wantErr := Unmarshal(data, &want)
	x := Exact{Judge: treeJudge}
	gotErr := UnmarshalExact(data, &got, MaxDepth, &x)
	require.Equal(t, wantErr, gotErr, "input %q", data)
	require.True(t, reflect.DeepEqual(want, got), "input %q\nplain: %+v\nexact: %+v", data, want, got)
	if gotErr == nil && !x.Lost {
		require.True(t, encodesAsTree(&got, data), "input %q: nothing lost, yet the value encodes otherwise", data)
	}
	return x
}

// base has every required field of sample.
const base = `"s":"","b":false,"i8":0,"i64":0,"f64":0,"Same":"","same":"","ſtraße":""`

func full(members string) string {
	if members == "" {
		return "{" + base + "}"
	}
	return "{" + base + "," + members + "}"
}

// exactCases are documents with what exact decoding must notice: lostAt is "" when
// nothing is lost, else the text whose last occurrence starts where the loss is.
var exactCases = []struct {
	doc     string
	lostAt  string
	unknown bool // an enum value outside its enum
}{
	{doc: full("")},
	{doc: " \n" + full(`"sp":"x","e":"K","bp":true,"i32":-7,"f32":1.5e3,"tags":["a"],"grid":[[1],[]],"kids":[],"dict":{},"cnt":{"a":1}`) + "\t"},
	// Numbers encoding/json reads as the same float64 as the encoder writes.
	{doc: full(`"f32":0.1`)},
	{doc: full(`"f32":16777216`)},
	{doc: full(`"f32":0.10000000149011612`), lostAt: `0.10000000149011612`}, // float32(0.1), which encodes as 0.1
	{doc: full(`"f32":16777217`), lostAt: `16777217`},                       // rounds to 16777216
	{doc: `{"s":"","b":false,"i8":-0,"i64":-0,"f64":-0,"Same":"","same":"","ſtraße":""}`},
	{doc: `{"s":"","b":false,"i8":0,"i64":0,"f64":1.0,"Same":"","same":"","ſtraße":""}`},
	{doc: `{"s":"","b":false,"i8":0,"i64":0,"f64":1e2,"Same":"","same":"","ſtraße":""}`},
	{doc: `{"s":"","b":false,"i8":0,"i64":0,"f64":12.50E-1,"Same":"","same":"","ſtraße":""}`},
	// Strings decode to what encodes, escapes and invalid UTF-8 included.
	{doc: full(`"sp":"\u00e9\n\"\\\/ \ud83d\ude00"`)},
	{doc: full("\"sp\":\"\xff\\ud800 x\"")},
	{doc: full(`"tags":["\t","",""]`)},
	// Nulls: left unchanged or made nil, which is not what encodes.
	{doc: `null`, lostAt: `null`},
	{doc: full(`"sp":null`), lostAt: `null`},
	{doc: `{"s":null,"b":false,"i8":0,"i64":0,"f64":0,"Same":"","same":"","ſtraße":""}`, lostAt: `null`},
	{doc: full(`"i32":null`), lostAt: `null`},
	{doc: full(`"bp":null`), lostAt: `null`},
	{doc: full(`"kid":null`), lostAt: `null`},
	{doc: full(`"kids":null`), lostAt: `null`},
	{doc: full(`"tags":["a",null]`), lostAt: `null`},
	{doc: full(`"cnt":{"a":null}`), lostAt: `null`},
	{doc: full(`"dict":null`), lostAt: `null`},
	{doc: full(`"raw":null`)}, // raw JSON keeps its null
	// Keys the encoder would not write.
	{doc: full(`"SP":"x"`), lostAt: `"SP"`},
	{doc: full(`"KIDS":[]`), lostAt: `"KIDS"`},
	{doc: full(`"Straße":""`), lostAt: `"Straße"`},
	{doc: full(`"unknown":{"a":[1]}`), lostAt: `"unknown"`},
	{doc: full(`"\u0073p":"escaped, yet the same key"`)},
	// Repeated keys: a struct merges what they hold, a map keeps the last value.
	{doc: full(`"sp":"a","sp":"a"`), lostAt: `"sp"`},
	{doc: full(`"s":"again"`), lostAt: `"s"`},
	{doc: full(`"kid":` + full(`"sp":"x"`) + `,"kid":` + full("")), lostAt: `"kid"`},
	{doc: full(`"cnt":{"a":1,"b":2,"a":3}`)},
	{doc: full(`"cnt":{"\u0061":1,"a":1}`)},
	{doc: full(`"dict":{"k":` + full(`"sp":"x"`) + `,"k":` + full("") + `}`)},
	// Required fields that no member names.
	{doc: `{}`, lostAt: `{}`},
	{doc: `{"s":"","b":false,"i8":0,"i64":0,"f64":0,"Same":"","same":""}`, lostAt: `{"s"`},
	{doc: full(`"kid":{}`), lostAt: `{}`},
	{doc: full(`"kids":[` + full("") + `,{"s":""}]`), lostAt: `{"s":""}`},
	// Values that decode themselves are the Judge's: raw JSON encodes as itself,
	// oddly does not.
	{doc: full(`"raw":{ "a" : [1, {"b":null}] }`)},
	{doc: full(`"odd":[true]`), lostAt: `[true]`},
	// Enums.
	{doc: full(`"e":"L"`)},
	{doc: full(`"e":"Z"`), unknown: true},
	{doc: full(`"kids":[` + full(`"e":"Z"`) + `]`), unknown: true},
	// Deep nesting.
	{doc: strings.Repeat(`{`+base+`,"kid":`, 100) + full("") + strings.Repeat("}", 100)},
	{doc: strings.Repeat(`{`+base+`,"kid":`, 100) + `{}` + strings.Repeat("}", 100), lostAt: `{}`},
}

func TestExactNoticesWhatDecodingLoses(t *testing.T) {
	for _, c := range exactCases {
		x := requireExactAgrees(t, []byte(c.doc))
		wantAt := -1
		if c.lostAt != "" {
			wantAt = strings.LastIndex(c.doc, c.lostAt)
		}
		gotAt := -1
		if x.Lost {
			gotAt = x.LostAt
		}
		assert.Equal(t, wantAt, gotAt, "%.120s", c.doc)
		assert.Equal(t, c.unknown, x.UnknownEnum, "%.120s", c.doc)
	}
}

// Every document the plain decoder is held to encoding/json on decodes to the same
// value and error exactly, and what exact decoding calls lossless encodes as the
// document, whatever it starts from.
func TestExactAgreesOnTheDecodingCases(t *testing.T) {
	lossless := 0
	for _, docs := range agreeCases {
		for _, doc := range docs {
			if x := requireExactAgrees(t, []byte(doc)); !x.Lost {
				lossless++
			}
		}
	}
	for _, doc := range agreeCases["values"] {
		// With the required fields, the first documents lose nothing but their odd.
		requireExactAgrees(t, []byte(strings.Replace(doc, "{", "{"+base+",", 1)))
	}
	t.Logf("%d documents lost nothing", lossless)
}

func TestExactWithoutJudgeLosesSelfDecodedValues(t *testing.T) {
	var v sample
	var x Exact
	require.NoError(t, UnmarshalExact([]byte(full(`"raw":[1]`)), &v, MaxDepth, &x))
	assert.True(t, x.Lost)
	assert.Equal(t, strings.Index(full(`"raw":[1]`), "[1]"), x.LostAt)

	// The Judge sees the value's own pointer and exactly its bytes.
	var seen []string
	x = Exact{Judge: func(p any, part []byte) bool {
		require.Same(t, &v.Raw, p)
		seen = append(seen, string(part))
		return true
	}}
	v = sample{}
	require.NoError(t, UnmarshalExact([]byte(full(`"raw": [1, 2] `)), &v, MaxDepth, &x))
	assert.Equal(t, []string{"[1, 2]"}, seen)
	assert.False(t, x.Lost)
}

// A Struct never told its required fields cannot be judged.
func TestExactNeedsRequiredFields(t *testing.T) {
	var x Exact
	undescribed := NewStruct("undescribed", "a")
	require.NoError(t, UnmarshalExact([]byte(`{}`), decodeFunc(func(d *Decoder) {
		for o := d.Object(undescribed); o.Next(); {
			d.Skip()
		}
	}), MaxDepth, &x))
	assert.True(t, x.Lost)
	assert.Zero(t, x.LostAt)
}

// decodeFunc is a Decodable made of a function.
type decodeFunc func(d *Decoder)

func (f decodeFunc) DecodeJSON(d *Decoder) { f(d) }

// Objects of more than 64 fields keep what they met past the 64th field on the
// decoder, per object, nested ones included.
func TestExactWideStructs(t *testing.T) {
	names := make([]string, 130)
	for i := range names {
		names[i] = fmt.Sprintf("f%d", i)
	}
	wide := NewStruct("wide", names...).Required(3, 70, 129)
	var decode func(d *Decoder)
	decode = func(d *Decoder) {
		for o := d.Object(wide); o.Next(); {
			if o.Field() == 0 {
				decode(d)
				continue
			}
			var n int64
			Int(&n, d)
		}
	}
	doc := func(members string) string { return `{"f3":1,"f70":2,"f129":3` + members + `}` }
	for _, c := range []struct{ doc, lostAt string }{
		{doc: doc(``)},
		{doc: doc(`,"f64":1,"f65":1,"f128":1,"f0":` + doc(`,"f64":1`) + `,"f127":1`)},
		{doc: doc(`,"f70":2`), lostAt: `"f70"`},
		{doc: doc(`,"f0":` + doc(`,"f100":1,"f100":1`)), lostAt: `"f100"`},
		{doc: doc(`,"f0":{"f3":1,"f70":2}`), lostAt: `{"f3":1,"f70":2}`},
		{doc: `{"f3":1,"f129":3}`, lostAt: `{"f3"`},
		{doc: doc(`,"f0":` + doc(`,"f100":1`) + `,"f100":1`)}, // the inner f100 is not the outer one's
	} {
		var x Exact
		require.NoError(t, UnmarshalExact([]byte(c.doc), decodeFunc(decode), MaxDepth, &x))
		want := -1
		if c.lostAt != "" {
			want = strings.LastIndex(c.doc, c.lostAt)
		}
		got := -1
		if x.Lost {
			got = x.LostAt
		}
		assert.Equal(t, want, got, c.doc)
	}
}

// Exact decoding copies the strings of a document into a few shared allocations:
// 32 string fields cost two slabs of pointers and the arena, not one allocation each.
func TestExactStringsShareAllocations(t *testing.T) {
	doc := manyStringsDoc()
	var v manyStrings
	var x Exact
	require.NoError(t, UnmarshalExact(doc, &v, MaxDepth, &x))
	for i, p := range v.f {
		assert.Equal(t, fmt.Sprintf("value %d", i), *p)
	}
	allocs := testing.AllocsPerRun(50, func() {
		var v manyStrings
		_ = UnmarshalExact(doc, &v, MaxDepth, &x)
	})
	// The value, the Decoder, 2 slabs and the arena.
	assert.LessOrEqual(t, allocs, 5.0)
}

// FuzzExactAgrees holds exact decoding to plain decoding (the same value and
// error) on arbitrary input, and to the definition whenever it finds nothing lost.
func FuzzExactAgrees(f *testing.F) {
	for _, docs := range agreeCases {
		for _, doc := range docs {
			f.Add([]byte(doc))
		}
	}
	for _, c := range exactCases {
		f.Add([]byte(c.doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		requireExactAgrees(t, data)
	})
}

// Exact decoding notes a null the schema refuses, wherever it is and whatever Go
// makes of it, and no other: a field marked AllowNull and raw JSON may be null.
func TestExactNotesRefusedNulls(t *testing.T) {
	for _, c := range []struct {
		doc  string
		null bool
	}{
		{`{"id":1,"note":null,"tags":[]}`, false},
		{`{"id":1,"note":"n","inner":{"id":2,"note":null}}`, false},
		{`{"id":1,"note":null,"tags":null}`, true},
		{`{"id":1,"note":null,"tags":["a",null]}`, true},
		{`{"id":null,"note":null}`, true},
		{`{"id":1,"note":null,"inner":null}`, true},
		{`{"id":1,"note":"n","inner":{"id":2,"note":null,"tags":null}}`, true},
		{`null`, true},
	} {
		var v strictSample
		x := Exact{}
		require.NoError(t, UnmarshalExact([]byte(c.doc), &v, MaxDepth, &x), c.doc)
		assert.Equal(t, c.null, x.Null, c.doc)
	}
	for doc, null := range map[string]bool{
		full(`"raw":null`):               false,
		full(`"grid":[[1],null]`):        true,
		full(`"deep":{"a":[true,null]}`): true,
		full(`"cnt":{"a":null}`):         true,
	} {
		assert.Equal(t, null, requireExactAgrees(t, []byte(doc)).Null, doc)
	}
}
