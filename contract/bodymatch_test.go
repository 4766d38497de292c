package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// treeAccepts is what compiledAccepts answered before it read the body's bytes:
// the body decoded into any (none when it is empty, not JSON or null), and v
// compared with that tree by encodesAs.
func treeAccepts(v reflect.Value, body []byte) bool {
	var tree any
	if len(body) == 0 || json.Unmarshal(body, &tree) != nil || tree == nil {
		return false
	}
	return encodesAs(v, tree)
}

// wide has more fields than structValue keeps verdicts for on the stack.
var wide = func() reflect.Type {
	var fields []reflect.StructField
	for i := range 40 {
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: reflect.TypeFor[*int](),
			Tag: reflect.StructTag(fmt.Sprintf(`json:"f%d,omitempty"`, i))})
	}
	return reflect.StructOf(fields)
}()

// node refers to itself, so its matcher refers to itself while it is built.
type node struct {
	Name string  `json:"name"`
	Kids []*node `json:"kids,omitempty"`
	Next *node   `json:"next"`
}

// untaggable is what acsgen generates for property names no struct tag can hold:
// fields tagged "-", written by MarshalJSON through acs.MarshalObject.
type untaggable struct {
	Empty string  `json:"-"`
	AB    int64   `json:"-"`
	Quote *string `json:"-"`
}

func (m untaggable) MarshalJSON() ([]byte, error) {
	return acs.MarshalObject([]acs.Member{
		{Key: "", Value: m.Empty},
		{Key: "a,b", Value: m.AB},
		{Key: "q\"", Value: m.Quote, Omit: m.Quote == nil},
	})
}

func (m *untaggable) UnmarshalJSON(data []byte) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(data, &members); err != nil {
		return err
	}
	for key, into := range map[string]any{"": &m.Empty, "a,b": &m.AB, "q\"": &m.Quote} {
		if raw, ok := members[key]; ok {
			if err := json.Unmarshal(raw, into); err != nil {
				return err
			}
		}
	}
	return nil
}

type stringMap struct {
	M map[string]string `json:"m"`
	N map[string]*inner `json:"n,omitempty"`
}

// decoders are the Go types the differential tests decode bodies into, each as
// a compiled check would: generated types with their own decoder, others with
// encoding/json. nil when the body does not decode.
var decoders = map[string]func([]byte) any{
	"shapes":       byJSON[shapes],
	"stringMap":    byJSON[stringMap],
	"quoted":       byJSON[quoted],
	"withEmbedded": byJSON[withEmbedded],
	"any":          byJSON[any],
	"node":         byJSON[node],
	"untaggable":   byJSON[untaggable],
	"wide": func(data []byte) any {
		p := reflect.New(wide)
		if json.Unmarshal(data, p.Interface()) != nil {
			return nil
		}
		return p.Interface()
	},
	"GetPluginAttachmentResponse":   byJsondec[apig.GetPluginAttachmentResponse],
	"ListPluginAttachmentsResponse": byJsondec[apig.ListPluginAttachmentsResponse],
	"ErrorResponse":                 byJsondec[apig.ErrorResponse],
	"DescribePluginsByAPIResponse":  byJsondec[cloudapi.DescribePluginsByAPIResponse],
}

func byJSON[T any](data []byte) any {
	v := new(T)
	if json.Unmarshal(data, v) != nil {
		return nil
	}
	return v
}

func byJsondec[T any, P interface {
	*T
	jsondec.Decodable
}](data []byte) any {
	v := P(new(T))
	if jsondec.Unmarshal(data, v) != nil {
		return nil
	}
	return v
}

// agreeOnBody requires encodesAsBody to answer as treeAccepts for every type
// body decodes into, and returns what they answered, by type.
func agreeOnBody(t *testing.T, body []byte) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for name, decode := range decoders {
		v := decode(body)
		if v == nil {
			continue
		}
		want := treeAccepts(reflect.ValueOf(v), body)
		require.Equal(t, want, encodesAsBody(reflect.ValueOf(v), body), "%s: %q", name, body)
		out[name] = want
	}
	return out
}

const base = `"u":0,"Default":"","required":{"a":0}`

// bodyCases are bodies with what encodesAsBody must answer for one type.
var bodyCases = []struct {
	body string
	typ  string
	want bool
}{
	{`{` + base + `}`, "shapes", true},
	{` {  "u" : 0 ,"Default":"", "required" : { "a" : 0 } }` + "\n\t", "shapes", true},
	{`{` + base + `,"s":"\u00e9\n"}`, "shapes", true},
	{"{" + base + ",\"s\":\"\xff\"}", "shapes", true}, // U+FFFD in the tree and in the value
	{`{` + base + `,"s":"\ud800"}`, "shapes", true},
	{`{` + base + `,"f64":1e400}`, "shapes", false},   // not decodable at all
	{`{` + base + `,"any":[1e400]}`, "shapes", false}, // nor inside any
	{`{` + base + `,"raw":[1e400]}`, "shapes", false}, // nor inside raw JSON
	{`{` + base + `,"raw":{ "z" : [1] }}`, "shapes", true},
	{`{` + base + `,"raw":{"z":[1],"z":[2]}}`, "shapes", true},
	{`{` + base + `,"u":1,"u":0}`, "shapes", true},                              // the last occurrence counts
	{`{` + base + `,"fixed":[1,2],"fixed":[3]}`, "shapes", false},               // the value is [3,0]
	{`{` + base + `,"required":{"a":"x"},"required":{"a":0}}`, "shapes", false}, // "x" is not an int: no decode
	{`{` + base + `,"required":{"a":1},"required":{"a":0}}`, "shapes", true},
	{`{` + base + `,"required":{"a":0,"b":1e400},"required":{"a":0}}`, "shapes", false},
	{`{` + base + `,"map":{"k":{"a":1},"k":{"a":2}}}`, "shapes", true},
	{`{` + base + `,"map":{"k":{"a":1}},"map":{"j":{"a":2}}}`, "shapes", false}, // the value merges both maps
	{`{` + base + `,"list":[{"a":1},{"a":2}]}`, "shapes", true},
	{`{` + base + `,"list":[{"a":1},{"A":2}]}`, "shapes", false},
	{`{` + base + `,"fixed":[1,2,3]}`, "shapes", false},
	{`{` + base + `,"null":null}`, "shapes", true},
	{`{` + base + `,"null":"v","null":null}`, "shapes", true},
	{`{` + base + `,"i":null}`, "shapes", false},
	{`{` + base + `,"i":5,"i":null}`, "shapes", false},
	{`{` + base + `,"bytes":"AQI="}`, "shapes", true},
	{`{` + base + `,"bytes":"AQI"}`, "shapes", false},
	{`{` + base + `,"f32":3.4028235e38}`, "shapes", true},
	{`{` + base + `,"u":1.0}`, "shapes", false},
	{`{` + base + `,"b":true}`, "shapes", true},
	{`{` + base + `,"b":false}`, "shapes", false}, // omitempty leaves false out
	{`null`, "shapes", false},
	{`{"m":{},"n":{"x":null}}`, "stringMap", true},
	{`{"m":{"a":"1","a":"2"}}`, "stringMap", true},
	{`{"m":{"a":"1","b":"2","a":"1"}}`, "stringMap", true},
	{`{"m":null}`, "stringMap", true},
	{`{"m":{"a":null}}`, "stringMap", false},
	{`{"k":[1,"x",{"y":null}],"k":2}`, "any", true},
	{`[1,2,{"a":[]}]`, "any", true},
	{`"x"`, "any", true},
	{`1e400`, "any", false},
	{`{"f1":1,"f39":2,"f39":3}`, "wide", true},
	{`{"f1":1,"f40":2}`, "wide", false},
	{`{"name":"a","kids":[{"name":"b","next":null}],"next":{"name":"c","next":null}}`, "node", true},
	{`{"name":"a","kids":[{"name":"b"}],"next":null}`, "node", false},
	{`{"":"x","a,b":1}`, "untaggable", true},
	{`{"a,b":1,"":"x"}`, "untaggable", true},
	{`{"":"x","a,b":1,"q\"":null}`, "untaggable", false}, // the encoder omits an absent pointer
	{`{"":"x","a,b":1,"q\"":"y"}`, "untaggable", true},
	{`{"Empty":"x","a,b":1}`, "untaggable", false}, // the Go field name, as a tag-less field would be written
	{`{"":"x","AB":1}`, "untaggable", false},
	{`{"n":"07"}`, "quoted", false},
	{`{"n":"7"}`, "quoted", true},
}

func TestEncodesAsBodyAgreesWithTheTree(t *testing.T) {
	for _, c := range bodyCases {
		got := agreeOnBody(t, []byte(c.body))
		if c.want {
			require.Contains(t, got, c.typ, "%s decodes into %s", c.body, c.typ)
		}
		assert.Equal(t, c.want, got[c.typ], "%s (a body that does not decode is refused too)", c.body)
	}
}

// recordedBodies are the response bodies of the committed recordings.
func recordedBodies(t testing.TB) [][]byte {
	t.Helper()
	var out [][]byte
	for _, dir := range []string{"apig", "cloudapi", "negative"} {
		files, err := filepath.Glob(filepath.Join("../contracttests/testdata", dir, "*.yaml"))
		require.NoError(t, err)
		for _, f := range files {
			ixs, err := ReadCassette(f)
			require.NoError(t, err)
			for _, ix := range ixs {
				if len(ix.RespBody) > 0 {
					out = append(out, ix.RespBody)
				}
			}
		}
	}
	require.NotEmpty(t, out)
	return out
}

// mutateBytes edits a JSON body as bytes: whitespace, a member repeated with
// another value, numbers out of range, a key's letter case, escapes, invalid
// UTF-8, a cut.
func mutateBytes(rng *rand.Rand, body []byte) []byte {
	out := bytes.Clone(body)
	for range 1 + rng.IntN(3) {
		if len(out) == 0 {
			return out
		}
		i := rng.IntN(len(out))
		switch rng.IntN(9) {
		case 0:
			out = slicesInsert(out, i, " \n\t"[rng.IntN(3)])
		case 1: // repeat a member: `"k":` becomes `"k":null,"k":`, or the value doubled
			if k := bytes.Index(out[i:], []byte(`":`)); k >= 0 {
				j := i + k + 2
				q := bytes.LastIndexByte(out[:i+k], '"')
				if q >= 0 {
					key := string(out[q : i+k+2])
					vals := []string{"null", `"x"`, "0", "{}", "[]", "true"}
					out = append(out[:j], append([]byte(vals[rng.IntN(len(vals))]+","+key), out[j:]...)...)
				}
			}
		case 2:
			if k := bytes.IndexAny(out[i:], "0123456789"); k >= 0 {
				out = append(out[:i+k+1], append([]byte("e400"), out[i+k+1:]...)...)
			}
		case 3:
			if k := bytes.IndexByte(out[i:], '"'); k >= 0 && i+k+1 < len(out) {
				c := out[i+k+1]
				out[i+k+1] = byte(strings.ToUpper(string(c))[0])
			}
		case 4:
			if k := bytes.IndexByte(out[i:], '"'); k >= 0 {
				out = append(out[:i+k+1], append([]byte([]string{`\u00e9`, `\ud800`, "\xff", `\"`}[rng.IntN(4)]), out[i+k+1:]...)...)
			}
		case 5:
			out = out[:i]
		case 6:
			if k := bytes.IndexByte(out[i:], ':'); k >= 0 {
				vals := []string{"null", `"x"`, "0", "1.5", "-1", "{}", "[]", "true", `"HttpApi"`, "2147483648"}
				v := vals[rng.IntN(len(vals))]
				out = append(out[:i+k+1], append([]byte(v+" ,\"extra\":"), out[i+k+1:]...)...)
			}
		case 7:
			if k := bytes.IndexByte(out[i:], '}'); k >= 0 {
				out = append(out[:i+k], append([]byte(`,"requestId":"r"`), out[i+k:]...)...)
			}
		default:
			out[i] = "{}[],:\"0an"[rng.IntN(10)]
		}
	}
	return out
}

func slicesInsert(b []byte, i int, c byte) []byte {
	return append(b[:i], append([]byte{c}, b[i:]...)...)
}

// TestEncodesAsBodyAgreesOnMutatedBodies holds encodesAsBody to the tree on the
// recorded bodies edited as bytes, and on edits of the decoded documented body.
func TestEncodesAsBodyAgreesOnMutatedBodies(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	accepted, refused := 0, 0
	for _, body := range recordedBodies(t) {
		for range 300 {
			for _, ok := range agreeOnBody(t, mutateBytes(rng, body)) {
				if ok {
					accepted++
				} else {
					refused++
				}
			}
		}
	}
	t.Logf("%d accepted, %d refused", accepted, refused)
	assert.Greater(t, accepted, 500)
	assert.Greater(t, refused, 500)

	doc := documented(t)
	values := []any{nil, "HttpApi", "", 7.0, 2147483648.0, 1.5, true, []any{}, map[string]any{}}
	for range 1000 {
		var root any
		require.NoError(t, json.Unmarshal(doc.RespBody, &root))
		for range 1 + rng.IntN(3) {
			editRandomNode(root, rng, values)
		}
		data, err := json.MarshalIndent(root, "", " ")
		require.NoError(t, err)
		agreeOnBody(t, data)
	}
}

// FuzzEncodesAsBody holds encodesAsBody to the tree comparison on arbitrary
// bodies, for every type they decode into.
func FuzzEncodesAsBody(f *testing.F) {
	for _, body := range recordedBodies(f) {
		f.Add(body)
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for _, body := range recordedBodies(f) {
		f.Add(mutateBytes(rng, body))
	}
	for _, c := range bodyCases {
		f.Add([]byte(c.body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		agreeOnBody(t, body)
	})
}

// BenchmarkEncodesAsBody compares the documented GetPluginAttachment value with
// its body: by the bytes, and as before, decoding the body into any first.
func BenchmarkEncodesAsBody(b *testing.B) {
	body := documented(&testing.T{}).RespBody
	v := reflect.ValueOf(byJsondec[apig.GetPluginAttachmentResponse](body))
	b.Run("bytes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !encodesAsBody(v, body) {
				b.Fatal("differs")
			}
		}
	})
	b.Run("tree", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !treeAccepts(v, body) {
				b.Fatal("differs")
			}
		}
	})
}
