package contract

import (
	"encoding/json"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/apig/apigcheck"
	"github.com/acsgen/acsgen/generated/cloudapi/cloudapicheck"
)

// twoWalkAccepts is what compiledCheck.accepts answered before exact decoding:
// decode and validate as the client does, then walk the body a second time.
func twoWalkAccepts(check acs.BodyCheck, body []byte, strict bool) bool {
	v, err := check(body, nil)
	if err != nil {
		return false
	}
	if strict && holdsUnknownEnum(reflect.ValueOf(v)) {
		return false
	}
	return encodesAsBody(reflect.ValueOf(v), body)
}

// tricky is written as acsgen would generate it, with what the generated APIG and
// CloudAPI types lack: required fields held by value (a required nullable one by
// pointer), acs.Nullable, an open enum, float32, and a type of its own kind.
type tricky struct {
	ID    string                                             `json:"id"`
	Count int32                                              `json:"count"`
	Kids  []trickyKid                                        `json:"kids"`
	Note  *string                                            `json:"note"`
	Name  *string                                            `json:"name,omitzero"`
	Level *trickyLevel                                       `json:"level,omitzero"`
	Ratio *float32                                           `json:"ratio,omitzero"`
	Big   *float64                                           `json:"big,omitzero"`
	Tags  map[string]string                                  `json:"tags,omitzero"`
	Nick  acs.Nullable[trickyLevel]                          `json:"nick,omitzero"`
	Port  *apig.HTTPAPIAPIInfoEnvironmentsServiceConfigsPort `json:"port,omitzero"`
	Extra json.RawMessage                                    `json:"extra,omitzero"`
	Child *tricky                                            `json:"child,omitzero"`
}

type trickyKid struct {
	Key    string        `json:"key"`
	On     *bool         `json:"on,omitzero"`
	Levels []trickyLevel `json:"levels,omitzero"`
}

// trickyLevel is an open enum: Validate accepts any value, IsKnown lists two.
type trickyLevel string

func (l trickyLevel) IsKnown() bool { return l == "low" || l == "high" }

func (*tricky) Validate() error { return nil }

var (
	jsonTricky = jsondec.NewStruct("contract.tricky", "id", "count", "kids", "note", "name", "level", "ratio",
		"big", "tags", "nick", "port", "extra", "child").Required(0, 1, 2, 3).AllowNull(3)
	jsonTrickyKid = jsondec.NewStruct("contract.trickyKid", "key", "on", "levels").Required(0)
)

func (m *tricky) DecodeJSON(d *jsondec.Decoder) {
	for o := d.Object(jsonTricky); o.Next(); {
		switch o.Field() {
		case 0:
			jsondec.String(&m.ID, d)
		case 1:
			jsondec.Int(&m.Count, d)
		case 2:
			jsondec.Slice(&m.Kids, d, (*trickyKid).DecodeJSON)
		case 3:
			jsondec.Ptr(&m.Note, d, jsondec.String[string])
		case 4:
			jsondec.Ptr(&m.Name, d, jsondec.String[string])
		case 5:
			jsondec.Ptr(&m.Level, d, jsondec.String[trickyLevel])
		case 6:
			jsondec.Ptr(&m.Ratio, d, jsondec.Float[float32])
		case 7:
			jsondec.Ptr(&m.Big, d, jsondec.Float[float64])
		case 8:
			jsondec.Map(&m.Tags, d, jsondec.String[string])
		case 9:
			jsondec.Unmarshaler(&m.Nick, d)
		case 10:
			jsondec.Ptr(&m.Port, d, jsondec.Unmarshaler[apig.HTTPAPIAPIInfoEnvironmentsServiceConfigsPort])
		case 11:
			jsondec.Unmarshaler(&m.Extra, d)
		case 12:
			jsondec.Ptr(&m.Child, d, (*tricky).DecodeJSON)
		}
	}
}

func (m *trickyKid) DecodeJSON(d *jsondec.Decoder) {
	for o := d.Object(jsonTrickyKid); o.Next(); {
		switch o.Field() {
		case 0:
			jsondec.String(&m.Key, d)
		case 1:
			jsondec.Ptr(&m.On, d, jsondec.Bool[bool])
		case 2:
			jsondec.Slice(&m.Levels, d, jsondec.String[trickyLevel])
		}
	}
}

// bodyChecks are the compiled checks of the generated packages, and of tricky, by name.
func bodyChecks() map[string]acs.BodyCheck {
	out := map[string]acs.BodyCheck{"tricky": acs.CheckResponse[tricky]}
	for pkg, cs := range map[string]acs.CompiledSpec{"apig": apigcheck.CompiledSpec, "cloudapi": cloudapicheck.CompiledSpec} {
		for op, checks := range cs.Responses {
			for status, check := range checks {
				out[pkg+"."+op+"."+status] = check
			}
		}
		for op, check := range cs.RequestBodies {
			out[pkg+"."+op+".body"] = check
		}
	}
	return out
}

// requireOneWalkAgrees requires compiledCheck.accepts to answer as twoWalkAccepts
// for every check, strict or not, but for a body holding a null its schema
// refuses, which two walks missed when Go wrote it back as null (Exact.Null); it
// counts the answers that needed no second walk.
func requireOneWalkAgrees(t testing.TB, checks map[string]acs.BodyCheck, body []byte, fast *int) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(checks)) {
		c := &compiledCheck{check: checks[name]}
		for _, strict := range []bool{false, true} {
			x := jsondec.Exact{}
			_, _ = c.check(body, &x)
			want := twoWalkAccepts(c.check, body, strict) && !x.Null
			require.Equal(t, want, c.accepts(body, strict), "%s, strict=%v: %q", name, strict, body)
			if fast != nil && want {
				x := jsondec.Exact{Judge: judgePart}
				if _, err := c.check(body, &x); err == nil && !x.Lost {
					*fast++
				}
			}
		}
	}
}

// trickyFull has every field of tricky.
const trickyFull = `{"id":"i-1","count":3,"kids":[{"key":"a","on":true,"levels":["low","high"]},{"key":"b"}],` +
	`"note":"n","name":"x\u00e9\n","level":"high","ratio":0.5,"big":-12.5e3,"tags":{"k":"v","":""},` +
	`"nick":"low","port":8080,"extra":{"any":[1,"two",null]},"child":{"id":"c","count":0,"kids":[],"note":null}}`

// trickyRequired has every required field of tricky.
const trickyRequired = `"id":"","count":0,"kids":[],"note":""`

// trickyWith is a tricky body of the required fields and members.
func trickyWith(members string) string { return "{" + trickyRequired + "," + members + "}" }

// trickyBodies are bodies for tricky with what the one walk must notice or may
// pass, each in the places it can be.
var trickyBodies = []string{
	trickyFull,
	"{" + trickyRequired + "}",
	` {"note" : "" , "kids" : [ ] , "count" : 0 , "id" : "" } `,
	// Nulls: where they encode back (a required nullable, raw JSON, Nullable) and not.
	`{"id":"","count":0,"kids":[],"note":null}`,
	`{"id":"","count":0,"kids":null,"note":""}`,
	`{"id":null,"count":0,"kids":[],"note":""}`,
	`{"id":"","count":null,"kids":[],"note":""}`,
	`{"id":"","count":0,"kids":[null],"note":""}`,
	trickyWith(`"name":null`),
	trickyWith(`"nick":null`),
	trickyWith(`"extra":null`),
	trickyWith(`"port":null`),
	trickyWith(`"tags":{"a":null}`),
	trickyWith(`"child":null`),
	`{"id":"","count":0,"kids":[{"key":"k","levels":null}],"note":""}`,
	`null`, `[]`, `"x"`, `{}`, ``, ` `, `{"id":""}x`,
	// Keys in another letter case, unknown and repeated.
	`{"ID":"","count":0,"kids":[],"note":""}`,
	`{"id":"","count":0,"kids":[{"KEY":"k"}],"note":""}`,
	trickyWith(`"Name":"x"`),
	trickyWith(`"other":1`),
	trickyWith(`"id":""`),
	`{"id":"a","count":0,"kids":[],"note":"","id":"b"}`,
	`{"id":"","count":0,"kids":[{"key":"a"}],"note":"","kids":[]}`,
	trickyWith(`"tags":{"a":"1","a":"1"}`),
	trickyWith(`"tags":{"a":"1","a":"2"}`),
	trickyWith(`"child":{` + trickyRequired + `},"child":{"id":"x","count":0,"kids":[],"note":""}`),
	trickyWith(`"extra":{"a":1,"a":2}`),
	// Required fields absent, here and nested.
	`{"count":0,"kids":[],"note":""}`,
	`{"id":"","kids":[],"note":""}`,
	`{"id":"","count":0,"note":""}`,
	`{"id":"","count":0,"kids":[]}`,
	`{"id":"","count":0,"kids":[{}],"note":""}`,
	trickyWith(`"child":{}`),
	// Numbers.
	`{"id":"","count":-0,"kids":[],"note":"","big":-0}`,
	trickyWith(`"big":1.0`),
	trickyWith(`"big":1e2,"ratio":1E2`),
	trickyWith(`"ratio":0.1`),
	trickyWith(`"ratio":0.10000000149011612`),
	trickyWith(`"ratio":16777217`),
	trickyWith(`"ratio":3.4028235e38`),
	`{"id":"","count":1.0,"kids":[],"note":""}`,
	trickyWith(`"extra":[1e400]`),
	trickyWith(`"extra":[1.0, 1e2 ,-0]`),
	trickyWith(`"big":1e400`),
	trickyWith(`"port":8080.0`),
	trickyWith(`"port":"8080"`),
	trickyWith(`"port":true`),
	// Strings and escapes.
	`{"id":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00","count":0,"kids":[],"note":"\ud800"}`,
	"{\"id\":\"\xff\",\"count\":0,\"kids\":[],\"note\":\"\",\"tags\":{\"\xff\":\"1\",\"\\ufffd\":\"1\"}}",
	`{"\u0069d":"","count":0,"kids":[],"note":""}`,
	// Enums, strict or not: known values, and values outside the enum in every place.
	trickyWith(`"level":"low","nick":"high"`),
	trickyWith(`"level":"mid"`),
	`{"id":"","count":0,"kids":[{"key":"","levels":["low","mid"]}],"note":""}`,
	trickyWith(`"nick":"mid"`),
	// Deep nesting.
	strings.Repeat(`{`+trickyRequired+`,"child":`, 300) + "{" + trickyRequired + "}" + strings.Repeat("}", 300),
	strings.Repeat(`{`+trickyRequired+`,"child":`, 300) + `{"id":"","count":0,"kids":[]}` + strings.Repeat("}", 300),
	trickyWith(`"extra":` + strings.Repeat("[", 400) + strings.Repeat("]", 400)),
}

// TestOneWalkAgreesWithTwoWalks holds the compiled check that trusts exact
// decoding to the one that walked every body twice: on the hand-written bodies,
// the recorded ones, and mutations of both, as bytes and as documents.
func TestOneWalkAgreesWithTwoWalks(t *testing.T) {
	checks := bodyChecks()
	fast := 0
	for _, body := range trickyBodies {
		requireOneWalkAgrees(t, checks, []byte(body), &fast)
	}
	t.Logf("hand-written: %d acceptances without a second walk", fast)

	rng := rand.New(rand.NewPCG(18, 1))
	seeds := append(recordedBodies(t), []byte(trickyFull))
	for _, body := range seeds {
		for range 100 {
			requireOneWalkAgrees(t, checks, mutateBytes(rng, body), nil)
		}
	}
	values := []any{nil, "x", "", "mid", 0.0, -1.5, 16777217.0, true, []any{}, map[string]any{}}
	for _, body := range seeds {
		if !json.Valid(body) {
			continue
		}
		for range 50 {
			var doc any
			require.NoError(t, json.Unmarshal(body, &doc))
			for range 1 + rng.IntN(3) {
				editRandomNode(doc, rng, values)
			}
			data, err := json.Marshal(doc)
			require.NoError(t, err)
			requireOneWalkAgrees(t, checks, data, nil)
		}
	}
}

// Every recorded body a check accepts is accepted in one walk: exact decoding
// finds nothing lost, so the second walk is not what checks the recordings.
func TestRecordingsNeedOneWalk(t *testing.T) {
	checks := bodyChecks()
	accepted := 0
	for _, body := range recordedBodies(t) {
		for name, check := range checks {
			if !twoWalkAccepts(check, body, false) {
				continue
			}
			accepted++
			x := jsondec.Exact{Judge: judgePart}
			_, err := check(body, &x)
			require.NoError(t, err)
			assert.False(t, x.Lost, "%s: lost at %d of %q", name, x.LostAt, body)
		}
	}
	assert.Greater(t, accepted, 20)
}

// FuzzOneWalk holds the one walk to the two on arbitrary bodies, for every check.
func FuzzOneWalk(f *testing.F) {
	for _, body := range trickyBodies {
		f.Add([]byte(body))
	}
	for _, body := range recordedBodies(f) {
		f.Add(body)
	}
	for _, c := range bodyCases {
		f.Add([]byte(c.body))
	}
	checks := bodyChecks()
	f.Fuzz(func(t *testing.T, body []byte) {
		requireOneWalkAgrees(t, checks, body, nil)
	})
}

// BenchmarkCompiledCheck checks the documented GetPluginAttachment body with its
// compiled check: by exact decoding in one walk, by the generated walker, and in
// the two walks before exact decoding.
func BenchmarkCompiledCheck(b *testing.B) {
	body := documented(&testing.T{}).RespBody
	c := &compiledCheck{check: acs.CheckResponse[apig.GetPluginAttachmentResponse]}
	b.Run("one-walk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !c.accepts(body, false) {
				b.Fatal("refused")
			}
		}
	})
	b.Run("walker", func(b *testing.B) {
		walk := &compiledCheck{walk: apigcheck.CompiledSpec.Walks["GetPluginAttachment"]["200"]}
		b.ReportAllocs()
		for b.Loop() {
			if !walk.accepts(body, false) {
				b.Fatal("refused")
			}
		}
	})
	b.Run("two-walks", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !twoWalkAccepts(c.check, body, false) {
				b.Fatal("refused")
			}
		}
	})
}
