package interop_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/acsgen/acsgen/acs"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The differential tests of acs.Flatten, acs.JSONParam, acs.JoinParam and acs.Form
// against darabonba-openapi v2 itself: utils.Query (the RPC query), utils.ToForm (a
// formData body), ArrayToStringWithSpecifiedStyle (json, simple, spaceDelimited,
// pipeDelimited) and, end to end, CallApi on loopback. The inputs are hand-written
// cases and seeded random values: nested structs, maps, slices and scalars.

// Models declared as the official SDKs declare theirs: pointers, json tags holding
// the wire names, fields in SDK order (by JSON key, its first letter upper-cased),
// the order acs.JSONParam writes a struct's members in whatever its declaration.
type flTag struct {
	Key   *string `json:"Key,omitempty" xml:"Key,omitempty"`
	Value *string `json:"Value,omitempty" xml:"Value,omitempty"`
}

type flDisk struct {
	Category  *string            `json:"Category,omitempty"`
	Encrypted *bool              `json:"Encrypted,omitempty"`
	Labels    map[string]*string `json:"Labels,omitempty"`
	Ratio     *float64           `json:"Ratio,omitempty"`
	Size      *int64             `json:"Size,omitempty"`
	Sub       []*string          `json:"Sub,omitempty" type:"Repeated"`
	Tag       []*flTag           `json:"Tag,omitempty" type:"Repeated"`
}

type flLevel struct {
	Level *int32 `json:"Level,omitempty"`
}

// flRule uses the encoding/json features that decide what a struct sends: embedding,
// no omitempty, the string option, "-", omitzero with a MarshalJSON type.
type flRule struct {
	Dash  string  `json:"-,omitempty"`
	Any   any     `json:"any,omitempty"`
	Count int     `json:"count,string"`
	Disk  *flDisk `json:"disk,omitempty"`
	F32   float32 `json:"f32,omitempty"`
	flLevel
	Nullable acs.Nullable[bool] `json:"n,omitzero"`
	Name     string             `json:"name"`
	Rules    []flRule           `json:"rules,omitempty"`
	Skip     string             `json:"-"`
	private  int
}

type flEnum string

func flS(s string) *string { return &s }

// ---- darabonba's side ----

// daraQuery is what utils.Query makes of a query map, and what it panicked with.
func daraQuery(query any) (q url.Values, panicked any) {
	defer func() { panicked = recover() }()
	return stringMap(openapiutil.Query(query)), nil
}

// daraForm is the body CallApi sends for ReqBodyType "formData": the SDKs' body map
// through ParseToMap and ToMap, then utils.ToForm.
func daraForm(body map[string]any) (form string, panicked any) {
	defer func() { panicked = recover() }()
	return dara.StringValue(openapiutil.ToForm(dara.ToMap(openapiutil.ParseToMap(body)))), nil
}

func daraStyle(v any, style string) (s string, panicked any) {
	defer func() { panicked = recover() }()
	return dara.StringValue(openapiutil.ArrayToStringWithSpecifiedStyle(v, dara.String("N"), dara.String(style))), nil
}

func stringMap(m map[string]*string) url.Values {
	q := url.Values{}
	for k, v := range m {
		q[k] = []string{dara.StringValue(v)}
	}
	return q
}

// isEncodeError reports whether err is encoding/json refusing a value.
func isEncodeError(err error) bool {
	var uv *json.UnsupportedValueError
	var ut *json.UnsupportedTypeError
	var me *json.MarshalerError
	return errors.As(err, &uv) || errors.As(err, &ut) || errors.As(err, &me)
}

// outcome counts how the comparisons ended, so that a test can insist that every
// branch was reached.
type outcome struct{ same, panics, encodeErrors int }

// checkFlatten holds acs.Flatten(dst, name, v) to darabonba: with a name, to
// utils.Query({name: v}) and to ToForm({name: v}); without one, to utils.Query(v).
// Where darabonba panics, Flatten must fail; where it drops everything because
// json.Marshal failed, Flatten must return that error.
func checkFlatten(t *testing.T, name string, v any, o *outcome) {
	t.Helper()
	got := url.Values{}
	err := acs.Flatten(got, name, v)
	var query any = map[string]any{name: v}
	if name == "" {
		query = v
	}
	want, panicked := daraQuery(query)
	switch {
	case panicked != nil:
		o.panics++
		require.ErrorContains(t, err, "null list item", "darabonba panics (%v) on %#v", panicked, v)
		return
	case isEncodeError(err):
		o.encodeErrors++
		require.Empty(t, want, "darabonba sends nothing when json.Marshal fails")
		return
	}
	require.NoError(t, err, "%#v", v)
	require.Equal(t, want, got, "utils.Query of %#v", v)
	if name != "" {
		form, panicked := daraForm(map[string]any{name: v})
		require.Nil(t, panicked)
		require.Equal(t, form, string(acs.Form(got).Encode()), "utils.ToForm of %#v", v)
	}
	o.same++
}

// flattenCases are hand-written values for Flatten, JSONParam and CallApi.
func flattenCases() map[string]any {
	return map[string]any{
		"string":                 "a b",
		"empty string":           "",
		"nil":                    nil,
		"nil pointer":            (*string)(nil),
		"nil slice":              []*string(nil),
		"empty slice":            []*string{},
		"empty map":              map[string]any{},
		"empty struct":           &flDisk{},
		"repeatList":             []*string{flS("a"), flS("b")},
		"ten items":              make([]int, 10),
		"list of empty strings":  []string{"", ""},
		"list of objects":        []*flTag{{Key: flS("k1"), Value: flS("v1")}, {Key: flS("k2")}},
		"list of empty objects":  []*flTag{{}, {}},
		"flat object":            &flDisk{Size: new(int64(40)), Category: flS("cloud_essd"), Encrypted: new(false), Ratio: new(0.5)},
		"nested lists":           []*flDisk{{Tag: []*flTag{{Key: flS("a")}, {Value: flS("b")}}, Sub: []*string{flS("x")}}},
		"nested objects":         map[string]any{"A": map[string]any{"B": map[string]any{"C": 1}}},
		"null members":           map[string]any{"a": nil, "b": 1, "c": []any{}, "d": map[string]any{}},
		"integers":               []any{0, -1, int64(math.MaxInt64), int64(math.MinInt64), uint64(math.MaxUint64), int8(-8)},
		"floats":                 []any{0.1, 1e21, 1e20, 1e-7, 1e-6, 3.0, math.Copysign(0, -1), 5e-324, math.MaxFloat64, float32(0.1), float32(1e21)},
		"json.Number":            json.Number("12345678901234567890123.5e-3"),
		"bools":                  []*bool{new(true), new(false)},
		"keys needing escaping":  map[string]string{"中文 key": "<&>😀", "a=b&c": "x+y%", "*~": "\n\t", "ü?#": "/"},
		"invalid UTF-8":          "a\xffb",
		"dotted keys apart":      map[string]any{"A.B": 1, "A": map[string]any{"C": 2}},
		"empty keys":             map[string]any{"": map[string]any{"": 1, "x": []int{2}}},
		"list in a list":         []any{[]any{"a b", 1, true, nil, map[string]any{"z": 1.5, "a": "x"}, []any{}}, "c"},
		"bytes":                  []byte("hi"),
		"rule":                   flRule{Name: "", Count: 3, Skip: "x", Dash: "d", F32: 0.1, Nullable: acs.Value(true), private: 1, flLevel: flLevel{Level: new(int32(2))}},
		"null Nullable":          flRule{Nullable: acs.Null[bool]()},
		"RawMessage":             json.RawMessage(`{"a":[1,{"b":2}],"c":null}`),
		"enums":                  []flEnum{"A", "B"},
		"null item":              []*flTag{{Key: flS("k")}, nil},
		"null item, nested":      map[string]any{"a": []any{nil}},
		"NaN":                    math.NaN(),
		"infinity in a list":     []float64{1, math.Inf(-1)},
		"map of pointers to nil": map[string]*string{"a": nil, "b": flS("")},
	}
}

func TestFlattenMatchesDarabonbaOnHandWrittenCases(t *testing.T) {
	var o outcome
	for name, v := range flattenCases() {
		t.Run(name, func(t *testing.T) { checkFlatten(t, "N", v, &o) })
	}
	t.Logf("%d cases: %d equal, %d darabonba panics, %d encoding errors", len(flattenCases()), o.same, o.panics, o.encodeErrors)
	assert.Equal(t, 2, o.panics, "null items")
	assert.Equal(t, 2, o.encodeErrors, "NaN, infinity")
}

// Where two paths meet on one key, darabonba's answer depends on Go's random map
// order; Flatten refuses instead.
func TestFlattenRefusesKeysDarabonbaSetsInRandomOrder(t *testing.T) {
	v := map[string]any{"A.B": "flat", "A": map[string]any{"B": "nested"}}
	seen := map[string]bool{}
	for range 500 {
		q, panicked := daraQuery(map[string]any{"N": v})
		require.Nil(t, panicked)
		seen[q.Get("N.A.B")] = true
	}
	assert.Equal(t, map[string]bool{"flat": true, "nested": true}, seen, "darabonba sends either")
	require.ErrorContains(t, acs.Flatten(url.Values{}, "N", v), "N.A.B is set twice")
}

// ---- random values ----

// flGen makes random values of the shapes request fields have, seeded so that a
// failure reproduces. nullItems lets lists hold nil items, on which darabonba panics.
type flGen struct {
	r         *rand.Rand
	nullItems bool
}

func newFlGen(seed uint64) *flGen {
	return &flGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// flRunes are the pieces random strings are made of: what needs escaping in a query,
// a form or JSON, multi-byte UTF-8, U+2028, an invalid byte, the style separators.
var flRunes = []string{"a", "Z", "0", "9", " ", "+", "%", "&", "=", "*", "~", "-", "_", "<", ">", `"`, `\`, "\n", "\t", "\x00",
	"é", "中", "😀", "\u2028", "\xff", ",", "|", "[", "]", ":", "/", "?", "#", "{", "}"}

func (g *flGen) str() string {
	var b strings.Builder
	for range g.r.IntN(7) {
		b.WriteString(flRunes[g.r.IntN(len(flRunes))])
	}
	return b.String()
}

// key is a random object key: no ".", so that no two paths can meet on one key.
func (g *flGen) key() string { return strings.ReplaceAll(g.str(), ".", "") }

func (g *flGen) float() float64 {
	special := []float64{0, math.Copysign(0, -1), 0.1, 1e21, 1e20, 999999999999999999999, 1e-7, 1e-6, 5e-324, math.MaxFloat64,
		-1.5, 1 << 53, 1<<53 + 1, 123456789.125}
	if g.r.IntN(2) == 0 {
		return special[g.r.IntN(len(special))]
	}
	return (g.r.Float64()*2 - 1) * math.Pow(10, float64(g.r.IntN(60)-30))
}

func (g *flGen) scalar() any {
	switch g.r.IntN(19) {
	case 15:
		return int32(g.r.Uint32())
	case 16:
		return new(g.r.Int64() >> g.r.IntN(64))
	case 17:
		return new(g.r.IntN(2) == 0)
	case 0:
		return g.str()
	case 1:
		return flS(g.str())
	case 2:
		return (*string)(nil)
	case 3:
		return g.r.IntN(2001) - 1000
	case 4:
		return []int64{0, -1, math.MaxInt64, math.MinInt64, g.r.Int64()}[g.r.IntN(5)]
	case 5:
		return g.r.Uint64()
	case 6:
		return int8(g.r.IntN(256) - 128)
	case 7:
		return g.float()
	case 8:
		return new(g.float())
	case 9:
		return float32(g.float())
	case 10:
		return g.r.IntN(2) == 0
	case 11:
		return new(g.r.IntN(2) == 0)
	case 12:
		return json.Number(fmt.Sprintf("%d%d.%de%d", g.r.Int64(), g.r.Uint32(), g.r.IntN(100), g.r.IntN(40)-20))
	case 13:
		return flEnum(g.str())
	case 14:
		return nil
	default:
		return ""
	}
}

func (g *flGen) value(depth int) any {
	if depth <= 0 {
		return g.scalar()
	}
	switch g.r.IntN(10) {
	case 0, 1:
		return g.scalar()
	case 2, 3:
		return g.list(depth)
	case 4:
		return g.object(depth)
	case 5:
		return g.tags()
	case 6:
		return g.disk(depth)
	case 7:
		return g.rule(depth)
	case 8:
		return map[string]string{g.key(): g.str(), g.key(): g.str()}
	default:
		n := g.r.IntN(4)
		if g.r.IntN(2) == 0 {
			s := make([]string, n)
			for i := range s {
				s[i] = g.str()
			}
			return s
		}
		s := make([]*string, n)
		for i := range s {
			s[i] = flS(g.str())
			if g.nullItems && g.r.IntN(10) == 0 {
				s[i] = nil
			}
		}
		return s
	}
}

func (g *flGen) list(depth int) []any {
	l := make([]any, g.r.IntN(5))
	for i := range l {
		l[i] = g.value(depth - 1)
		if l[i] == nil && !g.nullItems {
			l[i] = "x"
		}
		if g.nullItems && g.r.IntN(40) == 0 {
			l[i] = nil
		}
	}
	return l
}

func (g *flGen) object(depth int) map[string]any {
	m := map[string]any{}
	for range g.r.IntN(5) {
		m[g.key()] = g.value(depth - 1)
	}
	return m
}

func (g *flGen) tags() []*flTag {
	tags := make([]*flTag, g.r.IntN(4))
	for i := range tags {
		tags[i] = &flTag{}
		if g.r.IntN(4) > 0 {
			tags[i].Key = flS(g.str())
		}
		if g.r.IntN(4) > 0 {
			tags[i].Value = flS(g.str())
		}
		if g.nullItems && g.r.IntN(20) == 0 {
			tags[i] = nil
		}
	}
	return tags
}

func (g *flGen) disk(depth int) *flDisk {
	d := &flDisk{}
	if g.r.IntN(2) == 0 {
		d.Size = new(g.r.Int64N(1 << 40))
	}
	if g.r.IntN(2) == 0 {
		d.Category = flS(g.str())
	}
	if g.r.IntN(3) == 0 {
		d.Encrypted = new(g.r.IntN(2) == 0)
	}
	if g.r.IntN(3) == 0 {
		d.Ratio = new(g.float())
	}
	if g.r.IntN(2) == 0 {
		d.Tag = g.tags()
	}
	if g.r.IntN(3) == 0 {
		d.Sub = []*string{flS(g.str()), flS(g.str())}
	}
	if g.r.IntN(3) == 0 {
		d.Labels = map[string]*string{g.key(): flS(g.str()), g.key(): nil}
	}
	return d
}

func (g *flGen) rule(depth int) flRule {
	r := flRule{Name: g.str(), Count: g.r.IntN(100) - 50, Skip: g.str(), Dash: g.str(), F32: float32(g.float()), private: 1}
	if g.r.IntN(2) == 0 {
		r.Level = new(int32(g.r.Int32()))
	}
	if g.r.IntN(3) == 0 {
		r.Any = g.value(depth - 1)
	}
	if g.r.IntN(3) == 0 {
		r.Disk = g.disk(depth - 1)
	}
	if depth > 1 && g.r.IntN(3) == 0 {
		r.Rules = []flRule{g.rule(depth - 1), g.rule(depth - 2)}
	}
	switch g.r.IntN(3) {
	case 0:
		r.Nullable = acs.Value(g.r.IntN(2) == 0)
	case 1:
		r.Nullable = acs.Null[bool]()
	}
	return r
}

const flRandomCases = 3000

func TestFlattenMatchesDarabonbaOnRandomValues(t *testing.T) {
	var o outcome
	for i := range flRandomCases {
		g := newFlGen(uint64(i))
		g.nullItems = i%3 == 0
		v := g.value(1 + i%5)
		if !t.Run(fmt.Sprint(i), func(t *testing.T) { checkFlatten(t, "N", v, &o) }) {
			t.Fatalf("seed %d: %#v", i, v)
		}
	}
	t.Logf("%d random values: %d equal, %d darabonba panics, %d encoding errors", flRandomCases, o.same, o.panics, o.encodeErrors)
	assert.Greater(t, o.same, flRandomCases*3/4)
	assert.Greater(t, o.panics, 20)
	assert.Greater(t, o.encodeErrors, 5) // float32 overflow to +Inf
}

// Flatten without a name is utils.Query of the whole request map or struct.
func TestFlattenWithoutNameMatchesQuery(t *testing.T) {
	var o outcome
	for i := range flRandomCases / 3 {
		g := newFlGen(uint64(i) + 1<<32)
		var v any
		switch i % 3 {
		case 0:
			m := g.object(4)
			delete(m, "") // a member "" would spread its members next to the others and could meet one
			v = m
		case 1:
			v = g.disk(3)
		default:
			v = g.rule(3)
		}
		if !t.Run(fmt.Sprint(i), func(t *testing.T) { checkFlatten(t, "", v, &o) }) {
			t.Fatalf("seed %d: %#v", i, v)
		}
	}
	t.Logf("%d random requests: %d equal, %d encoding errors", flRandomCases/3, o.same, o.encodeErrors)
	assert.Greater(t, o.same, flRandomCases/4)
}

// A body of several parameters, flattened one parameter at a time into one Form,
// encodes to the bytes ToForm makes of the SDK's body map.
func TestFormMatchesToFormOnRandomBodies(t *testing.T) {
	same := 0
	for i := range flRandomCases / 3 {
		g := newFlGen(uint64(i) + 2<<32)
		body := map[string]any{}
		for range 1 + g.r.IntN(4) {
			body["P"+g.key()] = g.value(3) // "P": no parameter is named ""
		}
		f := acs.Form{}
		var err error
		for name, v := range body {
			if err = acs.Flatten(f, name, v); err != nil {
				break
			}
		}
		want, panicked := daraForm(body)
		if _, encErr := json.Marshal(body); encErr != nil {
			// One parameter cannot be encoded: darabonba sends no body at all, Flatten
			// fails on it (or on a null item in a parameter it reached first).
			require.Error(t, err, "seed %d", i)
			require.Empty(t, want, "seed %d: darabonba sends nothing when json.Marshal fails", i)
			continue
		}
		if panicked != nil {
			require.ErrorContains(t, err, "null list item", "seed %d: darabonba panics (%v)", i, panicked)
			continue
		}
		require.NoError(t, err, "seed %d", i)
		require.Equal(t, want, string(f.Encode()), "seed %d: %#v", i, body)
		same++
	}
	t.Logf("%d random bodies: %d the same bytes", flRandomCases/3, same)
	assert.Greater(t, same, flRandomCases/4)
}

// ---- json, simple, spaceDelimited, pipeDelimited ----

func TestJSONParamMatchesDarabonba(t *testing.T) {
	check := func(t *testing.T, v any) bool {
		t.Helper()
		got, err := acs.JSONParam(v)
		want, panicked := daraStyle(v, "json")
		require.Nil(t, panicked)
		if isEncodeError(err) {
			assert.Empty(t, want, "darabonba's Stringify gives \"\" when encoding fails")
			return false
		}
		require.NoError(t, err)
		require.Equal(t, want, got, "%#v", v)
		return true
	}
	for name, v := range flattenCases() {
		t.Run(name, func(t *testing.T) { check(t, v) })
	}
	same := 0
	for i := range flRandomCases {
		g := newFlGen(uint64(i) + 3<<32)
		g.nullItems = true // JSON has null items
		if check(t, g.value(1+i%5)) {
			same++
		}
	}
	t.Logf("%d hand-written and %d random values: %d random the same", len(flattenCases()), flRandomCases, same)
	assert.Greater(t, same, flRandomCases*3/4)
}

// checkJoin holds acs.JoinParam(items, style) to ArrayToStringWithSpecifiedStyle for
// the three joined styles; a darabonba panic must be a JoinParam error.
func checkJoin[T any](t *testing.T, items []T) (same int) {
	t.Helper()
	for _, style := range []string{acs.StyleSimple, acs.StyleSpaceDelimited, acs.StylePipeDelimited} {
		got, err := acs.JoinParam(items, style)
		want, panicked := daraStyle(items, style)
		switch {
		case panicked != nil:
			// A nil item, or an item before it that cannot be encoded: darabonba goes on
			// past that one, JoinParam stops at it.
			require.Error(t, err, "darabonba panics (%v) on %s %#v", panicked, style, items)
		case isEncodeError(err):
			// darabonba's flatArray ignores the error and joins an empty item.
		default:
			require.NoError(t, err)
			require.Equal(t, want, got, "%s %#v", style, items)
			same++
		}
	}
	return same
}

func TestJoinParamMatchesDarabonba(t *testing.T) {
	same := 0
	for i := range flRandomCases {
		g := newFlGen(uint64(i) + 4<<32)
		g.nullItems = i%4 == 0
		n := g.r.IntN(5)
		switch i % 8 {
		case 0:
			s := make([]string, n)
			for j := range s {
				s[j] = g.str()
			}
			same += checkJoin(t, s)
		case 1:
			s := make([]*string, n)
			for j := range s {
				if !g.nullItems || g.r.IntN(5) > 0 {
					s[j] = flS(g.str())
				}
			}
			same += checkJoin(t, s)
		case 2:
			s := make([]int64, n)
			for j := range s {
				s[j] = g.r.Int64() >> g.r.IntN(64)
			}
			same += checkJoin(t, s)
		case 3:
			s := make([]*float64, n)
			for j := range s {
				s[j] = new(g.float())
			}
			same += checkJoin(t, s)
		case 4:
			s := make([]flEnum, n)
			for j := range s {
				s[j] = flEnum(g.str())
			}
			same += checkJoin(t, s)
		case 5:
			same += checkJoin(t, g.tags())
		case 6:
			same += checkJoin(t, g.list(3))
		default:
			s := make([]*bool, n)
			for j := range s {
				s[j] = new(g.r.IntN(2) == 0)
			}
			same += checkJoin(t, s)
		}
	}
	t.Logf("%d random slices in 3 styles: %d the same", flRandomCases, same)
	assert.Greater(t, same, flRandomCases*2)
}

// ---- end to end: CallApi and acs.Client on loopback ----

// rpcParams are what the official SDKs pass CallApi for an RPC operation with a
// formData body.
func rpcParams() *openapiutil.Params {
	return &openapiutil.Params{
		Action:      dara.String("RunInstances"),
		Version:     dara.String("2014-05-26"),
		Protocol:    dara.String("HTTPS"),
		Pathname:    dara.String("/"),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("RPC"),
		ReqBodyType: dara.String("formData"),
		BodyType:    dara.String("json"),
	}
}

// rpcCall is one operation's parameters: q goes into the query (repeatList or flat),
// b into the formData body, j into the query as style json. A nil one is a field
// left unset. A []*string s goes into the body as style simple.
type rpcCall struct{ q, b, j any }

// flIsNil is the SDKs' test for an unset field: their fields are pointers, slices
// and maps. (dara.IsNil, which they use, also takes a runtime-made empty string for
// nil, and a constant one not.)
func flIsNil(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map:
		return rv.IsNil()
	}
	return false
}

// daraRPC makes the call as the official SDK's generated method does: the json
// parameter through ArrayToStringWithSpecifiedStyle into a *Shrink string, the query
// map through utils.Query, the body map through ParseToMap.
func daraRPC(t *testing.T, srv *server, key creds, c rpcCall, s []*string) {
	t.Helper()
	query := map[string]any{"RegionId": dara.String("cn-hangzhou")}
	body := map[string]any{}
	if !flIsNil(c.q) {
		query["Q"] = c.q
	}
	if !flIsNil(c.b) {
		body["B"] = c.b
	}
	if !flIsNil(c.j) {
		query["J"] = openapiutil.ArrayToStringWithSpecifiedStyle(c.j, dara.String("J"), dara.String("json"))
	}
	if s != nil {
		body["S"] = openapiutil.ArrayToStringWithSpecifiedStyle(s, dara.String("S"), dara.String("simple"))
	}
	req := &openapiutil.OpenApiRequest{Query: openapiutil.Query(query), Body: openapiutil.ParseToMap(body)}
	_, err := daraClient(t, srv, key).CallApi(rpcParams(), req, &dara.RuntimeOptions{})
	require.NoError(t, err)
}

// acsRPC makes the same call as generated code on the acs runtime would.
func acsRPC(t *testing.T, srv *server, key creds, c rpcCall, s []*string) error {
	t.Helper()
	q, f := url.Values{"RegionId": {"cn-hangzhou"}}, acs.Form{}
	if err := acs.Flatten(q, "Q", c.q); err != nil {
		return err
	}
	if err := acs.Flatten(f, "B", c.b); err != nil {
		return err
	}
	if !flIsNil(c.j) {
		j, err := acs.JSONParam(c.j)
		if err != nil {
			return err
		}
		if err := acs.Flatten(q, "J", j); err != nil { // a string as it is, but valid UTF-8, as Query leaves it
			return err
		}
	}
	if s != nil {
		v, err := acs.JoinParam(s, acs.StyleSimple)
		if err != nil {
			return err
		}
		if err := acs.Flatten(f, "S", v); err != nil {
			return err
		}
	}
	client, err := acs.NewClient(acs.Service{Product: "Ecs", Version: "2014-05-26", Style: acs.StyleRPC}, acsgenOptions(srv, key)...)
	require.NoError(t, err)
	return client.Do(t.Context(), &acs.Request{Action: "RunInstances", Method: "POST", Path: "/", Query: q, Body: f}, nil)
}

// rpcOutcome counts the calls both clients sent, and those of them whose query has
// names that need encoding.
type rpcOutcome struct{ sent, encodedNames int }

// checkRPC sends c both ways and compares what arrived. It sends nothing when acs
// refuses c (then darabonba would panic or send nothing, as the unit comparisons
// show).
func checkRPC(t *testing.T, key creds, c rpcCall, s []*string, o *rpcOutcome) {
	t.Helper()
	srv := newServer(t)
	if err := acsRPC(t, srv, key, c, s); err != nil {
		require.True(t, isEncodeError(err) || strings.Contains(err.Error(), "null list item"), "%v", err)
		return
	}
	mine := srv.take(t)
	daraRPC(t, srv, key, c, s)
	theirs := srv.take(t)
	assertSameWire(t, mine, theirs)
	require.NoError(t, mine.VerifyErr, "acs's signature")
	if keysNeedEncoding(mine.Query) {
		// darabonba's canonical query string (getCanonicalQueryString) escapes the
		// values but not the names, where the V3 signature documentation and
		// acs.Verifier encode both: its signature of such a query does not verify.
		require.ErrorContains(t, theirs.VerifyErr, "SignatureDoesNotMatch", "darabonba's signature, names unescaped")
		o.encodedNames++
	} else {
		require.NoError(t, theirs.VerifyErr, "darabonba's signature")
	}
	assert.Equal(t, acs.FormContentType, mine.Header.Get("Content-Type"))
	o.sent++
}

// keysNeedEncoding reports whether a query name changes when percent-encoded.
func keysNeedEncoding(q url.Values) bool {
	for k := range q {
		if acs.PercentEncode(k) != k {
			return true
		}
	}
	return false
}

func TestFlattenedCallMatchesCallApi(t *testing.T) {
	simple := [][]*string{nil, {}, {flS("a")}, {flS("a b"), flS("c,d"), flS("中*~")}}
	var o rpcOutcome
	for _, key := range []creds{plainKey, stsKey} {
		i := 0
		for name, v := range flattenCases() {
			t.Run(key.id+"/"+name, func(t *testing.T) { checkRPC(t, key, rpcCall{q: v, b: v, j: v}, simple[i%len(simple)], &o) })
			i++
		}
	}
	t.Logf("%d calls sent by both, %d with query names that need encoding", o.sent, o.encodedNames)
	assert.Equal(t, 2*(len(flattenCases())-4), o.sent, "all but the null items, NaN and infinity")
}

const flRandomCalls = 200

func TestFlattenedCallMatchesCallApiOnRandomValues(t *testing.T) {
	var o rpcOutcome
	for i := range flRandomCalls {
		g := newFlGen(uint64(i) + 5<<32)
		c := rpcCall{q: g.value(4), b: g.value(4), j: g.value(3)}
		var s []*string
		if i%2 == 0 {
			s, _ = g.value(1).([]*string)
		}
		if !t.Run(fmt.Sprint(i), func(t *testing.T) { checkRPC(t, plainKey, c, s, &o) }) {
			t.Fatalf("seed %d: %#v", i, c)
		}
	}
	t.Logf("%d random calls: %d sent by both, %d with query names that need encoding", flRandomCalls, o.sent, o.encodedNames)
	assert.Greater(t, o.sent, flRandomCalls*3/4)
}
