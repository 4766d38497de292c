package contract

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"net"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig"
)

type inner struct {
	A int `json:"a"`
}

type embedded struct{ E string }

// shapes has a field of every kind encodesAs walks or hands to the encoder.
type shapes struct {
	S        string               `json:"s,omitempty"`
	I        *int64               `json:"i,omitzero"`
	U        uint8                `json:"u"`
	F32      float32              `json:"f32,omitzero"`
	F64      float64              `json:"f64,omitempty"`
	B        bool                 `json:"b,omitempty"`
	List     []inner              `json:"list,omitzero"`
	Fixed    [2]int               `json:"fixed,omitzero"`
	Map      map[string]*inner    `json:"map,omitempty"`
	Raw      json.RawMessage      `json:"raw,omitzero"`
	Bytes    []byte               `json:"bytes,omitempty"`
	Any      any                  `json:"any,omitempty"`
	Null     acs.Nullable[string] `json:"null,omitzero"`
	IP       net.IP               `json:"ip,omitempty"` // TextMarshaler
	Default  string               // no tag: named by the field
	Skipped  string               `json:"-"`
	Required inner                `json:"required"`
	hidden   int
}

type quoted struct {
	N int `json:"n,string"`
}

type withEmbedded struct {
	embedded
	X int `json:"x"`
}

// agree decodes data into a fresh *T and requires encodesAs to say what encoding
// and comparing says.
func agree[T any](t *testing.T, data string) bool {
	t.Helper()
	var v T
	if json.Unmarshal([]byte(data), &v) != nil {
		return false
	}
	var tree any
	require.NoError(t, json.Unmarshal([]byte(data), &tree))
	want := marshalledAs(&v, tree)
	require.Equal(t, want, encodesAs(reflect.ValueOf(&v), tree), "%s", data)
	require.Equal(t, want, encodesAsBody(reflect.ValueOf(&v), []byte(data)), "%s", data)
	return want
}

func TestEncodesAsAgreesWithTheEncoder(t *testing.T) {
	same := []string{
		`{"u":0,"Default":"","required":{"a":0}}`,
		`{"s":"é","i":-9007199254740993,"u":255,"f32":0.1,"f64":1e300,"b":true,"list":[{"a":1}],"fixed":[1,2],
		  "map":{"k":{"a":2},"n":null},"raw":{"z":[1,"x"]},"bytes":"AQI=","any":{"q":[true,null]},"null":null,
		  "ip":"10.0.0.1","Default":"d","required":{"a":3}}`,
		`{"u":1,"Default":"","required":{"a":0},"null":"v","list":[]}`,
	}
	for _, data := range same {
		assert.True(t, agree[shapes](t, data), "%s encodes as itself", data)
	}
	differ := []string{
		`{"u":0,"Default":"","required":{"a":0},"extra":1}`,        // unknown property
		`{"U":0,"Default":"","required":{"a":0}}`,                  // another letter case
		`{"u":0,"Default":"","required":{"a":0},"i":null}`,         // null where the encoder omits
		`{"u":0,"Default":""}`,                                     // absent required property held by value
		`{"u":0,"Default":"","required":{"a":0},"s":""}`,           // omitempty drops the empty string
		`{"u":0,"Default":"","required":{"a":0},"f32":0.30000001}`, // not the float32's shortest form
		`{"u":0,"Default":"","required":{"a":0},"ip":"::ffff:10.0.0.1"}`,
		`{"u":0,"Default":"","required":{"a":0},"list":null}`,
		`{"u":0,"Default":"","required":{"a":0},"Skipped":"x"}`,
	}
	for _, data := range differ {
		assert.False(t, agree[shapes](t, data), "%s does not encode as itself", data)
	}
	assert.True(t, agree[quoted](t, `{"n":"7"}`))
	assert.False(t, agree[quoted](t, `{"n":"07"}`))
	assert.True(t, agree[withEmbedded](t, `{"E":"e","x":1}`))
	assert.False(t, agree[withEmbedded](t, `{"e":"e","x":1}`))
}

// TestEncodesAsAgreesOnMutatedResponses holds encodesAs to the encoder on the
// documented GetPluginAttachment response under random edits.
func TestEncodesAsAgreesOnMutatedResponses(t *testing.T) {
	doc := documented(t)
	rng := rand.New(rand.NewPCG(5, 6))
	values := []any{nil, "HttpApi", "", 7.0, 2147483648.0, 1.5, true, []any{}, map[string]any{}}
	kept, changed := 0, 0
	for range 2000 {
		var root any
		require.NoError(t, json.Unmarshal(doc.RespBody, &root))
		for range 1 + rng.IntN(3) {
			editRandomNode(root, rng, values)
		}
		data, err := json.Marshal(root)
		require.NoError(t, err)
		if agree[apig.GetPluginAttachmentResponse](t, string(data)) {
			kept++
		} else {
			changed++
		}
	}
	t.Logf("%d edited bodies encode as themselves, %d do not", kept, changed)
	assert.Greater(t, kept, 200)
	assert.Greater(t, changed, 200)
}

// editRandomNode sets, deletes or respells one property or item somewhere in root.
func editRandomNode(root any, rng *rand.Rand, values []any) {
	type slot struct {
		obj  map[string]any
		arr  []any
		key  string
		item int
	}
	var slots []slot
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				slots = append(slots, slot{obj: x, key: k})
				walk(x[k])
			}
		case []any:
			for i := range x {
				slots = append(slots, slot{arr: x, item: i})
				walk(x[i])
			}
		}
	}
	walk(root)
	if len(slots) == 0 {
		return
	}
	s := slots[rng.IntN(len(slots))]
	value := values[rng.IntN(len(values))]
	switch {
	case s.arr != nil:
		s.arr[s.item] = value
	case rng.IntN(4) == 0:
		delete(s.obj, s.key)
	case s.key != "" && rng.IntN(4) == 0:
		s.obj[strings.ToUpper(s.key[:1])+s.key[1:]] = s.obj[s.key]
		delete(s.obj, s.key)
	case rng.IntN(4) == 0:
		s.obj[fmt.Sprintf("extra%d", rng.IntN(3))] = value
	default:
		s.obj[s.key] = value
	}
}
