package acs

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type orderInner struct {
	Zeta  string         `json:"zeta"`
	Alpha string         `json:"Alpha,omitempty"`
	Extra map[string]int `json:"extra,omitempty"`
}

type orderOuter struct {
	orderInner
	Name  string          `json:"name"`
	Items []orderInner    `json:"items"`
	Raw   json.RawMessage `json:"raw,omitempty"`
	Skip  string          `json:"-"`
}

// A request body goes out as CallApi sends the SDKs' body map: every object's
// members sorted by key (ParseToMap makes each a map), numbers as written, and no
// HTML escaping.
func TestEncodeBodySortsEveryObjectByKey(t *testing.T) {
	body := orderOuter{
		orderInner: orderInner{Zeta: "<&>", Alpha: "a"},
		Name:       "n",
		Items:      []orderInner{{Zeta: "z", Extra: map[string]int{"b": 1, "B": 2, "a": 3}}},
		Raw:        json.RawMessage(`{"y":1.50,"x":[{"d":1,"c":2}]}`),
		Skip:       "never sent",
	}
	got, err := encodeBody(body)
	require.NoError(t, err)
	assert.Equal(t, `{"Alpha":"a","items":[{"extra":{"B":2,"a":3,"b":1},"zeta":"z"}],"name":"n","raw":{"x":[{"c":2,"d":1}],"y":1.50},"zeta":"<&>"}`, string(got))

	arr, err := encodeBody([]orderInner{{Zeta: "z", Alpha: "a"}})
	require.NoError(t, err)
	assert.Equal(t, `[{"Alpha":"a","zeta":"z"}]`, string(arr), "a body that is not an object: SDK field order")
}

// A json-style parameter is written as dara.Stringify writes the SDK's model: a
// struct's members in Go field-name order (key with its first letter upper-cased),
// a map's and raw JSON's by plain key.
func TestJSONParamOrdersAsSDKModels(t *testing.T) {
	v := orderOuter{
		orderInner: orderInner{Zeta: "<&>", Alpha: "a", Extra: map[string]int{"b": 1, "B": 2}},
		Name:       "n",
		Items:      []orderInner{{Zeta: "z", Alpha: "y"}},
		Raw:        json.RawMessage(`{"b":1,"B":2}`),
	}
	got, err := JSONParam(v)
	require.NoError(t, err)
	assert.Equal(t, `{"Alpha":"a","extra":{"B":2,"b":1},"items":[{"Alpha":"y","zeta":"z"}],"name":"n","raw":{"B":2,"b":1},"zeta":"<&>"}`, got)

	m, err := JSONParam(map[string]orderInner{"b": {Zeta: "1"}, "B": {Zeta: "2", Alpha: "x"}})
	require.NoError(t, err)
	assert.Equal(t, `{"B":{"Alpha":"x","zeta":"2"},"b":{"zeta":"1"}}`, m)
}

func TestSDKFieldOrder(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"apple", "Banana", -1}, // Apple < Banana, though "B" < "a" in bytes
		{"Banana", "apple", 1},
		{"a", "A", 1}, // the same Go name: then by key
		{"", "a", -1},
		{"ü", "v", 1},
		{"1x", "Ax", -1},
	} {
		assert.Equal(t, c.want, sdkFieldOrder(c.a, c.b), "%q vs %q", c.a, c.b)
	}
}
