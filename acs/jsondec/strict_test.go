package jsondec

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// strictSample is what acsgen would generate for an object that requires id,
// lets its required note be null, and allows no other properties.
type strictSample struct {
	ID    int32
	Note  *string
	Tags  []string
	Inner *strictSample
}

var strictStruct = NewStruct("jsondec.strictSample", "id", "note", "tags", "inner").Mandatory(0, 1).AllowNull(1).Closed()

func (v *strictSample) DecodeJSON(d *Decoder) {
	for o := d.Object(strictStruct); o.Next(); {
		switch o.Field() {
		case 0:
			Int(&v.ID, d)
		case 1:
			Ptr(&v.Note, d, String[string])
		case 2:
			Slice(&v.Tags, d, String[string])
		case 3:
			Ptr(&v.Inner, d, (*strictSample).DecodeJSON)
		}
	}
}

// strictly decodes data as a union tries an alternative: with Try, then reading
// the value again to its end.
func strictly(data []byte, v Decodable) error {
	var d Decoder
	d.Reset(data)
	if err := d.Try(v.DecodeJSON); err != nil {
		return err
	}
	d.Skip()
	if !d.Finish() {
		return d.Err()
	}
	return nil
}

// Strict decoding refuses what JSON Schema refuses though encoding/json decodes
// it; plain decoding of the same struct still takes every one of these.
func TestStrictDecodingRefusesWhatTheSchemaDoes(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{`{"note":"n"}`, `required property "id" of jsondec.strictSample is missing`},
		{`{"id":1}`, `required property "note" of jsondec.strictSample is missing`},
		{`{}`, `required property "id" of jsondec.strictSample is missing`},
		{`{"ID":1,"note":null}`, `ID: property "ID" is not one of the properties of jsondec.strictSample, and no other is allowed`},
		{`{"id":1,"note":null,"x":0}`, `x: property "x" is not one of the properties of jsondec.strictSample, and no other is allowed`},
		{`{"id":null,"note":null}`, `id: null is not allowed for Go type int32`},
		{`{"id":1,"note":null,"tags":null}`, `tags: null is not allowed for Go type []string`},
		{`{"id":1,"note":null,"tags":[null]}`, `tags: null is not allowed for Go type string`},
		{`{"id":1,"note":null,"inner":null}`, `inner: null is not allowed for Go type *jsondec.strictSample`},
		{`{"id":1,"note":null,"inner":{"id":2}}`, `inner: required property "note" of jsondec.strictSample is missing`},
		{`null`, `null is not allowed for Go type jsondec.strictSample`},
	} {
		err := strictly([]byte(c.doc), new(strictSample))
		if assert.Error(t, err, c.doc) {
			assert.Equal(t, c.want, err.Error(), c.doc)
		}
		assert.NoError(t, Unmarshal([]byte(c.doc), new(strictSample)), c.doc)
	}
	// Numbers that are not integers, or too big, and bad grammar stay errors.
	for _, doc := range []string{`{"id":1.5,"note":null}`, `{"id":3e9,"note":null}`, `{"id":1,"note":null,"inner":{"id":1,"note":}`} {
		assert.Error(t, strictly([]byte(doc), new(strictSample)), doc)
	}
}

// What the schema allows decodes strictly to the value plain decoding gives,
// integral numbers written with a fraction or an exponent included.
func TestStrictDecodingTakesWhatTheSchemaAllows(t *testing.T) {
	var v strictSample
	require.NoError(t, strictly([]byte(`{"id":2.0,"note":null,"tags":["a"],"inner":{"id":1e1,"note":"x"}}`), &v))
	assert.Equal(t, strictSample{ID: 2, Tags: []string{"a"}, Inner: &strictSample{ID: 10, Note: new("x")}}, v)
	require.NoError(t, strictly([]byte(`{"note":"n","id":-0}`), new(strictSample)))
}

// Try reads nothing for good: the cursor, the depth and the path are where they
// were, and the error is not the decoder's.
func TestTryPutsTheCursorBack(t *testing.T) {
	var d Decoder
	d.Reset([]byte(`[{"id":1}, 7]`))
	require.True(t, d.Enter())
	before := d.Offset()
	err := d.Try(new(strictSample).DecodeJSON)
	assert.EqualError(t, err, `required property "note" of jsondec.strictSample is missing`)
	assert.Equal(t, before, d.Offset())
	assert.NoError(t, d.Err())
	assert.False(t, d.Strict(), "strictness ends with the try")
	var plain strictSample
	plain.DecodeJSON(&d)
	require.NoError(t, d.Err())
	assert.Equal(t, int32(1), plain.ID)
	require.True(t, d.Next('['))
	var n int64
	Int(&n, &d)
	assert.False(t, d.Next(']'))
	assert.True(t, d.Finish())
	assert.Equal(t, int64(7), n)
}
