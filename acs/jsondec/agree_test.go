package jsondec

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// sample has a field of every shape generated code decodes. It has no
// UnmarshalJSON, so encoding/json decodes it by reflection: the reference.
type sample struct {
	S    string             `json:"s"`
	SP   *string            `json:"sp,omitzero"`
	E    *kind              `json:"e,omitzero"`
	B    bool               `json:"b"`
	BP   *bool              `json:"bp,omitzero"`
	I8   int8               `json:"i8"`
	I32  *int32             `json:"i32,omitzero"`
	I64  int64              `json:"i64"`
	F32  *float32           `json:"f32,omitzero"`
	F64  float64            `json:"f64"`
	Kid  *sample            `json:"kid,omitzero"`
	Kids []sample           `json:"kids,omitzero"`
	Tags []string           `json:"tags,omitzero"`
	Grid [][]int64          `json:"grid,omitzero"`
	Dict map[string]sample  `json:"dict,omitzero"`
	Cnt  map[string]*int32  `json:"cnt,omitzero"`
	Raw  json.RawMessage    `json:"raw,omitzero"`
	Odd  *oddly             `json:"odd,omitzero"`
	Same string             `json:"Same"`
	Fold string             `json:"same"`
	Uni  string             `json:"ſtraße"`
	Ptrs []*sample          `json:"ptrs,omitzero"`
	Deep map[string][]*bool `json:"deep,omitzero"`
}

type kind string

// IsKnown makes kind an enum of K and L, as generated enums are.
func (k kind) IsKnown() bool { return k == "K" || k == "L" }

// oddly has its own UnmarshalJSON, which must see exactly the value's bytes.
type oddly struct{ Got string }

func (o *oddly) UnmarshalJSON(b []byte) error {
	if string(b) == `"fail"` {
		return errors.New("oddly refuses")
	}
	o.Got = string(b)
	return nil
}

var sampleStruct = NewStruct("jsondec.sample", "s", "sp", "e", "b", "bp", "i8", "i32", "i64", "f32", "f64",
	"kid", "kids", "tags", "grid", "dict", "cnt", "raw", "odd", "Same", "same", "ſtraße", "ptrs", "deep").
	Required(0, 3, 5, 7, 9, 18, 19, 20) // the fields without omitzero

// DecodeJSON is what acsgen would generate for sample.
func (v *sample) DecodeJSON(d *Decoder) {
	for o := d.Object(sampleStruct); o.Next(); {
		switch o.Field() {
		case 0:
			String(&v.S, d)
		case 1:
			StringPtr(&v.SP, d)
		case 2:
			StringPtr(&v.E, d)
		case 3:
			Bool(&v.B, d)
		case 4:
			Ptr(&v.BP, d, Bool[bool])
		case 5:
			Int(&v.I8, d)
		case 6:
			Ptr(&v.I32, d, Int[int32])
		case 7:
			Int(&v.I64, d)
		case 8:
			Ptr(&v.F32, d, Float[float32])
		case 9:
			Float(&v.F64, d)
		case 10:
			Ptr(&v.Kid, d, (*sample).DecodeJSON)
		case 11:
			Slice(&v.Kids, d, (*sample).DecodeJSON)
		case 12:
			Slice(&v.Tags, d, String[string])
		case 13:
			Slice(&v.Grid, d, func(v *[]int64, d *Decoder) { Slice(v, d, Int[int64]) })
		case 14:
			Map(&v.Dict, d, (*sample).DecodeJSON)
		case 15:
			Map(&v.Cnt, d, func(v **int32, d *Decoder) { Ptr(v, d, Int[int32]) })
		case 16:
			Unmarshaler(&v.Raw, d)
		case 17:
			Ptr(&v.Odd, d, Unmarshaler[oddly])
		case 18:
			String(&v.Same, d)
		case 19:
			String(&v.Fold, d)
		case 20:
			String(&v.Uni, d)
		case 21:
			Slice(&v.Ptrs, d, func(v **sample, d *Decoder) { Ptr(v, d, (*sample).DecodeJSON) })
		case 22:
			Map(&v.Deep, d, func(v *[]*bool, d *Decoder) {
				Slice(v, d, func(v **bool, d *Decoder) { Ptr(v, d, Bool[bool]) })
			})
		}
	}
}

// requireAgree decodes data with encoding/json and with sample.DecodeJSON into copies
// of start and requires the same verdict and, on success, the same value.
func requireAgree(t testing.TB, data []byte, start sample) {
	t.Helper()
	want, got := start, start
	// Deep copies of start, so the two decodes cannot share what they merge into.
	if b, err := json.Marshal(start); err == nil {
		want, got = sample{}, sample{}
		require.NoError(t, json.Unmarshal(b, &want))
		require.NoError(t, json.Unmarshal(b, &got))
	}
	wantErr := json.Unmarshal(data, &want)
	gotErr := Unmarshal(data, &got)
	if wantErr != nil || gotErr != nil {
		require.Equal(t, wantErr != nil, gotErr != nil, "input %q\nencoding/json: %v\njsondec: %v", data, wantErr, gotErr)
		return
	}
	require.True(t, reflect.DeepEqual(want, got), "input %q\nencoding/json: %+v\njsondec:      %+v", data, want, got)
}
