package acs_test

import (
	"encoding/json"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// Models shaped as the official SDKs' and acsgen's: pointers, json tags with the wire
// names, omitempty or omitzero.
type tag struct {
	Key   *string `json:"Key,omitempty"`
	Value *string `json:"Value,omitempty"`
}

type disk struct {
	Size     *int64   `json:"Size,omitempty"`
	Category string   `json:"Category,omitzero"`
	Tags     []*tag   `json:"Tag,omitempty"`
	Sub      []string `json:"Sub,omitempty"`
	Encrypt  *bool    `json:"Encrypted,omitempty"`
	internal string
}

func sp(s string) *string { return &s }
func ip(i int64) *int64   { return &i }
func bp(b bool) *bool     { return &b }

// Hand-written wire expectations; interop/flatten_test.go holds Flatten to
// darabonba-openapi itself on cases like these and on random values.
func TestFlatten(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
		want url.Values
	}{
		{"string", "a b", url.Values{"N": {"a b"}}},
		{"empty string is sent", "", url.Values{"N": {""}}},
		{"nil", nil, url.Values{}},
		{"nil pointer", (*string)(nil), url.Values{}},
		{"nil slice", []string(nil), url.Values{}},
		{"empty slice", []string{}, url.Values{}},
		{"empty map", map[string]any{}, url.Values{}},
		{"empty struct", disk{}, url.Values{}},
		{"repeatList", []string{"a", "b"}, url.Values{"N.1": {"a"}, "N.2": {"b"}}},
		{"ten items count from 1", make([]int, 10), url.Values{"N.1": {"0"}, "N.2": {"0"}, "N.3": {"0"}, "N.4": {"0"},
			"N.5": {"0"}, "N.6": {"0"}, "N.7": {"0"}, "N.8": {"0"}, "N.9": {"0"}, "N.10": {"0"}}},
		{"list of empty strings", []string{"", ""}, url.Values{"N.1": {""}, "N.2": {""}}},
		{"list of objects", []*tag{{Key: sp("k1"), Value: sp("v1")}, {Key: sp("k2")}},
			url.Values{"N.1.Key": {"k1"}, "N.1.Value": {"v1"}, "N.2.Key": {"k2"}}},
		{"list of empty objects", []*tag{{}, {}}, url.Values{}},
		{"flat object", disk{Size: ip(40), Category: "cloud_essd", Encrypt: bp(false), internal: "not sent"},
			url.Values{"N.Size": {"40"}, "N.Category": {"cloud_essd"}, "N.Encrypted": {"false"}}},
		{"nested lists", []disk{{Tags: []*tag{{Key: sp("a")}, {Value: sp("b")}}, Sub: []string{"x", "y"}}},
			url.Values{"N.1.Tag.1.Key": {"a"}, "N.1.Tag.2.Value": {"b"}, "N.1.Sub.1": {"x"}, "N.1.Sub.2": {"y"}}},
		{"nested objects", map[string]any{"A": map[string]any{"B": map[string]any{"C": 1}}}, url.Values{"N.A.B.C": {"1"}}},
		{"null members dropped", map[string]any{"a": nil, "b": 1, "c": []any{}, "d": map[string]any{}}, url.Values{"N.b": {"1"}}},
		{"integers", []any{0, -1, int64(math.MaxInt64), int64(math.MinInt64), uint64(math.MaxUint64), int8(-8)},
			url.Values{"N.1": {"0"}, "N.2": {"-1"}, "N.3": {"9223372036854775807"}, "N.4": {"-9223372036854775808"},
				"N.5": {"18446744073709551615"}, "N.6": {"-8"}}},
		{"floats as encoding/json prints them", []any{0.1, 1e21, 1e20, 1e-7, 1e-6, 3.0, -0.0, 1.5e300, float32(0.1), float32(1e21)},
			url.Values{"N.1": {"0.1"}, "N.2": {"1e+21"}, "N.3": {"100000000000000000000"}, "N.4": {"1e-7"}, "N.5": {"0.000001"},
				"N.6": {"3"}, "N.7": {"0"}, "N.8": {"1.5e+300"}, "N.9": {"0.1"}, "N.10": {"1e+21"}}},
		{"json.Number kept", json.Number("12345678901234567890123"), url.Values{"N": {"12345678901234567890123"}}},
		{"bools", []bool{true, false}, url.Values{"N.1": {"true"}, "N.2": {"false"}}},
		{"unicode and HTML kept", map[string]string{"中文 key": "<&>😀", "a=b&c": "x+y%"},
			url.Values{"N.中文 key": {"<&>😀"}, "N.a=b&c": {"x+y%"}}},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb", url.Values{"N": {"a\uFFFDb"}}},
		{"in a *string too", sp("\xff\xfe"), url.Values{"N": {"\uFFFD\uFFFD"}}},
		{"and in a list", []string{"ok", "\xc3"}, url.Values{"N.1": {"ok"}, "N.2": {"\uFFFD"}}},
		{"*bool", bp(true), url.Values{"N": {"true"}}},
		{"*int64", ip(-5), url.Values{"N": {"-5"}}},
		{"int32", int32(math.MinInt32), url.Values{"N": {"-2147483648"}}},
		{"[]*string", []*string{sp("a"), sp("")}, url.Values{"N.1": {"a"}, "N.2": {""}}},
		{"dotted keys that do not collide", map[string]any{"A.B": 1, "A": map[string]any{"C": 2}},
			url.Values{"N.A.B": {"1"}, "N.A.C": {"2"}}},
		{"empty keys", map[string]any{"": map[string]any{"": 1}}, url.Values{"N..": {"1"}}},
		{"list in a list prints as %v", []any{[]any{"a b", 1, true, nil, map[string]any{"z": 1, "a": "x"}, []any{}}, "c"},
			url.Values{"N.1": {"[a b 1 true <nil> map[a:x z:1] []]"}, "N.2": {"c"}}},
		{"byte slice is base64", []byte("hi"), url.Values{"N": {"aGk="}}},
		{"MarshalJSON applies", acs.Value(7), url.Values{"N": {"7"}}},
		{"null Nullable dropped", acs.Null[int](), url.Values{}},
		{"RawMessage", json.RawMessage(`{"a":[1,{"b":2}]}`), url.Values{"N.a.1": {"1"}, "N.a.2.b": {"2"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := url.Values{}
			require.NoError(t, acs.Flatten(got, "N", tc.v))
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestFlattenNameIsMadeValidUTF8(t *testing.T) {
	got := url.Values{}
	require.NoError(t, acs.Flatten(got, "N\xff\xfe.", []string{"x"}))
	assert.Equal(t, url.Values{"N\uFFFD\uFFFD..1": {"x"}}, got, "one U+FFFD per invalid byte, as encoding/json writes them")
}

func TestFlattenWithoutNameIsTheTopLevel(t *testing.T) {
	req := struct {
		RegionID *string `json:"RegionId,omitempty"`
		Tag      []*tag  `json:"Tag,omitempty"`
		Disk     *disk   `json:"SystemDisk,omitempty"`
		Unset    *string `json:"Unset,omitempty"`
	}{RegionID: sp("cn-hangzhou"), Tag: []*tag{{Key: sp("k"), Value: sp("v")}}, Disk: &disk{Size: ip(40)}}
	got := url.Values{}
	require.NoError(t, acs.Flatten(got, "", req))
	assert.Equal(t, url.Values{"RegionId": {"cn-hangzhou"}, "Tag.1.Key": {"k"}, "Tag.1.Value": {"v"}, "SystemDisk.Size": {"40"}}, got)

	got = url.Values{}
	require.NoError(t, acs.Flatten(got, "", map[string]any{"": map[string]any{"a": 1, "": 2}}))
	assert.Equal(t, url.Values{"a": {"1"}, "": {"2"}}, got, "darabonba's empty-prefix rule")

	for _, v := range []any{[]int{1}, "x", 1} {
		assert.Error(t, acs.Flatten(url.Values{}, "", v), "%#v", v)
	}
	require.NoError(t, acs.Flatten(url.Values{}, "", nil))
}

func TestFlattenRefusesWhatDarabonbaCannotSend(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
		msg  string
	}{
		{"null item", []*tag{{Key: sp("k")}, nil}, "N.2: null list item"},
		{"null string item", []*string{sp("a"), nil}, "N.2: null list item"},
		{"null item in a nested list", map[string]any{"a": []any{nil}}, "N.a.1: null list item"},
		{"NaN", math.NaN(), "unsupported value"},
		{"infinity in a list", []float64{1, math.Inf(1)}, "unsupported value"},
		{"channel", make(chan int), "unsupported type"},
		{"colliding keys", map[string]any{"A.B": 1, "A": map[string]any{"B": 2}}, "N.A.B is set twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := acs.Flatten(url.Values{}, "N", tc.v)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
	t.Run("key already in dst", func(t *testing.T) {
		dst := url.Values{"N.1": {"x"}}
		err := acs.Flatten(dst, "N", []string{"a"})
		require.ErrorContains(t, err, "N.1 is set twice")
		assert.Equal(t, url.Values{"N.1": {"x"}}, dst, "the value already there is kept")
	})
}

type jsonEnum string

func TestJSONParam(t *testing.T) {
	for _, tc := range []struct {
		name string
		v    any
		want string
	}{
		{"list of objects", []*tag{{Key: sp("<k&>"), Value: sp("v")}}, `[{"Key":"<k&>","Value":"v"}]`},
		{"struct fields in declared order", disk{Sub: []string{"b"}, Size: ip(1)}, `{"Size":1,"Sub":["b"]}`},
		{"map keys sorted", map[string]any{"b": 1, "a": "\u2028"}, `{"a":"\u2028","b":1}`},
		{"floats", []float64{1e21, 0.1, 1e-7, 100}, `[1e+21,0.1,1e-7,100]`},
		{"empty slice", []string{}, `[]`},
		{"nil", nil, ``},
		{"nil slice", []string(nil), ``},
		{"nil map", map[string]int(nil), ``},
		{"nil pointer", (*disk)(nil), ``},
		{"string is not quoted", "a\"b", `a"b`},
		{"*string is not quoted", sp("x"), `x`},
		{"nil *string", (*string)(nil), ``},
		{"[]byte as it is", []byte("raw"), `raw`},
		{"RawMessage compacted", json.RawMessage(`{ "a" : 1 }`), `{"a":1}`},
		{"number", 12, `12`},
		{"empty string of a string type", jsonEnum(""), ``},
		{"string type", jsonEnum("a"), `"a"`},
		{"unicode kept", []string{"中文😀"}, `["中文😀"]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := acs.JSONParam(tc.v)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	_, err := acs.JSONParam([]float64{math.NaN()})
	assert.Error(t, err)
	_, err = acs.JSONParam(strings.NewReader("x"))
	assert.Error(t, err)
}

func TestJoinParam(t *testing.T) {
	type enum string
	items := []*string{sp("a"), sp("b c"), sp("")}
	for style, want := range map[string]string{
		acs.StyleSimple: "a,b c,", acs.StyleSpaceDelimited: "a b c ", acs.StylePipeDelimited: "a|b c|",
	} {
		got, err := acs.JoinParam(items, style)
		require.NoError(t, err)
		assert.Equal(t, want, got, style)
	}
	for _, tc := range []struct {
		name string
		got  func() (string, error)
		want string
	}{
		{"strings", func() (string, error) { return acs.JoinParam([]string{"x", "y,z"}, "simple") }, "x,y,z"},
		{"enum type", func() (string, error) { return acs.JoinParam([]enum{"A", "B"}, "simple") }, "A,B"},
		{"*enum", func() (string, error) { a := enum("A"); return acs.JoinParam([]*enum{&a}, "simple") }, "A"},
		{"*enum in any", func() (string, error) { a := enum("A"); return acs.JoinParam([]any{&a}, "simple") }, "A"},
		{"**string", func() (string, error) { p := sp("s"); return acs.JoinParam([]**string{&p}, "simple") }, "s"},
		{"ints", func() (string, error) { return acs.JoinParam([]int64{0, -1, math.MaxInt64}, "simple") }, "0,-1,9223372036854775807"},
		{"floats", func() (string, error) { return acs.JoinParam([]float64{1e21, 0.1, 3}, "simple") }, "1e+21,0.1,3"},
		{"mixed any", func() (string, error) { return acs.JoinParam([]any{1, true, "s", sp("p"), []int{1}}, "simple") }, `1,true,s,p,[1]`},
		{"objects are JSON with HTML escaped", func() (string, error) {
			return acs.JoinParam([]*tag{{Key: sp("<k>")}}, "pipeDelimited")
		}, `{"Key":"\u003ck\u003e"}`},
		{"nil", func() (string, error) { return acs.JoinParam([]string(nil), "simple") }, ""},
		{"empty", func() (string, error) { return acs.JoinParam([]string{}, "simple") }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.got()
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	_, err := acs.JoinParam([]*string{sp("a"), nil}, "simple")
	assert.ErrorContains(t, err, "item 2: nil item")
	_, err = acs.JoinParam([]any{nil}, "simple")
	assert.ErrorContains(t, err, "item 1: nil item")
	_, err = acs.JoinParam([]float64{math.NaN()}, "simple")
	assert.Error(t, err)
	for _, style := range []string{"json", "repeatList", "", "Simple"} {
		_, err = acs.JoinParam([]string{"a"}, style)
		assert.Error(t, err, style)
	}
}

func TestFormEncode(t *testing.T) {
	assert.Equal(t, []byte{}, acs.Form(nil).Encode())
	assert.Equal(t, []byte{}, acs.Form{}.Encode())
	f := acs.Form{}
	require.NoError(t, acs.Flatten(f, "Tag", []*tag{{Key: sp("a b"), Value: sp("*~+&=")}}))
	require.NoError(t, acs.Flatten(f, "Name", "中"))
	assert.Equal(t, "Name=%E4%B8%AD&Tag.1.Key=a+b&Tag.1.Value=%2A~%2B%26%3D", string(f.Encode()))
}

// A Form body goes out form-encoded, with the form Content-Type, and signed over the
// bytes sent; an empty Form is an empty body that still has the Content-Type.
func TestClientSendsFormBody(t *testing.T) {
	rec := newRecorder(reply(http.StatusOK, okBody))
	c := newClient(t, verifying(t, testVerifier(), rec))
	q, f := url.Values{}, acs.Form{}
	require.NoError(t, acs.Flatten(q, "Tag", []*tag{{Key: sp("k k"), Value: sp("v*")}}))
	require.NoError(t, acs.Flatten(f, "Policy", map[string]any{"Statement": []any{map[string]any{"Effect": "Allow"}}}))
	require.NoError(t, c.Do(t.Context(), &acs.Request{Action: "Put", Method: "POST", Path: "/", Query: q, Body: f}, nil))
	got := rec.Last(t)
	assert.Equal(t, "Policy.Statement.1.Effect=Allow", string(got.Body))
	assert.Equal(t, "application/x-www-form-urlencoded", got.Req.Header.Get("Content-Type"), "as darabonba sends it: no charset")
	assert.Equal(t, url.Values{"Tag.1.Key": {"k k"}, "Tag.1.Value": {"v*"}}, got.Req.URL.Query())

	require.NoError(t, c.Do(t.Context(), &acs.Request{Action: "Put", Method: "POST", Path: "/", Body: acs.Form{}}, nil))
	got = rec.Last(t)
	assert.Empty(t, got.Body)
	assert.Equal(t, acs.FormContentType, got.Req.Header.Get("Content-Type"))
	assert.Equal(t, acs.EmptyBodySHA256, got.Req.Header.Get("X-Acs-Content-Sha256"))
}

var benchRequest = struct {
	RegionID *string `json:"RegionId,omitempty"`
	Tag      []*tag  `json:"Tag,omitempty"`
	Disks    []disk  `json:"DataDisk,omitempty"`
}{
	RegionID: sp("cn-hangzhou"),
	Tag:      []*tag{{Key: sp("env"), Value: sp("prod")}, {Key: sp("team"), Value: sp("core")}},
	Disks:    []disk{{Size: ip(40), Category: "cloud_essd", Sub: []string{"a", "b"}}, {Size: ip(100), Encrypt: bp(true)}},
}

// BenchmarkFlattenScalar is a plain string parameter.
func BenchmarkFlattenScalar(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		q := url.Values{}
		if err := acs.Flatten(q, "RegionId", benchRequest.RegionID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFlattenStrings is a repeatList of strings.
func BenchmarkFlattenStrings(b *testing.B) {
	ids := []*string{sp("i-1"), sp("i-2"), sp("i-3")}
	b.ReportAllocs()
	for b.Loop() {
		q := url.Values{}
		if err := acs.Flatten(q, "InstanceId", ids); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFlattenRepeatList is a typical repeatList parameter: two tags.
func BenchmarkFlattenRepeatList(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		q := url.Values{}
		if err := acs.Flatten(q, "Tag", benchRequest.Tag); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFlattenRequest flattens a whole request with nested lists of objects.
func BenchmarkFlattenRequest(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		q := url.Values{}
		if err := acs.Flatten(q, "", benchRequest); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJoinParam(b *testing.B) {
	items := []*string{sp("i-1"), sp("i-2"), sp("i-3")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := acs.JoinParam(items, acs.StyleSimple); err != nil {
			b.Fatal(err)
		}
	}
}
