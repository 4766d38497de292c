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
	"kid", "kids", "tags", "grid", "dict", "cnt", "raw", "odd", "Same", "same", "ſtraße", "ptrs", "deep")

// decodeSample is what acsgen would generate for sample.
func decodeSample(d *Decoder, v *sample) {
	for o := d.Object(sampleStruct); o.Next(); {
		switch o.Field() {
		case 0:
			String(d, &v.S)
		case 1:
			Ptr(d, &v.SP, String[string])
		case 2:
			Ptr(d, &v.E, String[kind])
		case 3:
			Bool(d, &v.B)
		case 4:
			Ptr(d, &v.BP, Bool[bool])
		case 5:
			Int(d, &v.I8)
		case 6:
			Ptr(d, &v.I32, Int[int32])
		case 7:
			Int(d, &v.I64)
		case 8:
			Ptr(d, &v.F32, Float[float32])
		case 9:
			Float(d, &v.F64)
		case 10:
			Ptr(d, &v.Kid, decodeSample)
		case 11:
			Slice(d, &v.Kids, decodeSample)
		case 12:
			Slice(d, &v.Tags, String[string])
		case 13:
			Slice(d, &v.Grid, func(d *Decoder, v *[]int64) { Slice(d, v, Int[int64]) })
		case 14:
			Map(d, &v.Dict, decodeSample)
		case 15:
			Map(d, &v.Cnt, func(d *Decoder, v **int32) { Ptr(d, v, Int[int32]) })
		case 16:
			Unmarshaler(d, &v.Raw)
		case 17:
			Ptr(d, &v.Odd, Unmarshaler[oddly])
		case 18:
			String(d, &v.Same)
		case 19:
			String(d, &v.Fold)
		case 20:
			String(d, &v.Uni)
		case 21:
			Slice(d, &v.Ptrs, func(d *Decoder, v **sample) { Ptr(d, v, decodeSample) })
		case 22:
			Map(d, &v.Deep, func(d *Decoder, v *[]*bool) {
				Slice(d, v, func(d *Decoder, v **bool) { Ptr(d, v, Bool[bool]) })
			})
		}
	}
}

// requireAgree decodes data with encoding/json and with decodeSample into copies
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
	gotErr := Unmarshal(data, &got, decodeSample)
	if wantErr != nil || gotErr != nil {
		require.Equal(t, wantErr != nil, gotErr != nil, "input %q\nencoding/json: %v\njsondec: %v", data, wantErr, gotErr)
		return
	}
	require.True(t, reflect.DeepEqual(want, got), "input %q\nencoding/json: %+v\njsondec:      %+v", data, want, got)
}
