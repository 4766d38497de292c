package acs_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// tagged is a struct encoding/json writes by its tags, the reference for
// MarshalObject with the same names.
type tagged struct {
	Name  *string              `json:"name,omitzero"`
	Score float64              `json:"score"`
	Tags  []string             `json:"tags,omitzero"`
	Note  acs.Nullable[string] `json:"note,omitzero"`
	Raw   json.RawMessage      `json:"raw,omitzero"`
	Inner *tagged              `json:"inner,omitzero"`
}

func (v tagged) members() []acs.Member {
	return []acs.Member{
		{Key: "name", Value: v.Name, Omit: v.Name == nil},
		{Key: "score", Value: v.Score},
		{Key: "tags", Value: v.Tags, Omit: v.Tags == nil},
		{Key: "note", Value: v.Note, Omit: v.Note.IsZero()},
		{Key: "raw", Value: v.Raw, Omit: v.Raw == nil},
		{Key: "inner", Value: v.Inner, Omit: v.Inner == nil},
	}
}

// ownEncoding is tagged, encoded through MarshalObject.
type ownEncoding tagged

func (v ownEncoding) MarshalJSON() ([]byte, error) { return acs.MarshalObject(tagged(v).members()) }

// MarshalObject writes the bytes encoding/json writes for a struct tagged with the
// same names, with and without HTML escaping, absent members left out.
func TestMarshalObjectAgreesWithEncodingJSON(t *testing.T) {
	html := "<a href=\"x\">&\u2028\xff</a>"
	for _, v := range []tagged{
		{},
		{Name: &html, Score: 1e21, Tags: []string{}, Note: acs.Null[string](), Raw: json.RawMessage(`{"b": [1, 2]}`)},
		{Score: -0.5, Tags: []string{html}, Note: acs.Value(html), Inner: &tagged{Name: &html}},
	} {
		want, err := json.Marshal(v)
		require.NoError(t, err)
		got, err := json.Marshal(ownEncoding(v))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))

		want, got = encodeNoHTML(t, v), encodeNoHTML(t, ownEncoding(v))
		assert.Equal(t, string(want), string(got))
	}
}

func encodeNoHTML(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return b.Bytes()
}

// Keys that no struct tag can hold are written as they are.
func TestMarshalObjectWritesAnyKey(t *testing.T) {
	out, err := acs.MarshalObject([]acs.Member{{Key: "", Value: 1}, {Key: "a,b", Value: "x"}, {Key: "q\"`\\", Value: nil}, {Key: "gone", Omit: true}})
	require.NoError(t, err)
	assert.Equal(t, `{"":1,"a,b":"x","q\"`+"`"+`\\":null}`, string(out))
	var back map[string]any
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, map[string]any{"": 1.0, "a,b": "x", "q\"`\\": nil}, back)
}

// A value that cannot be encoded fails the object, as it fails encoding/json.
func TestMarshalObjectError(t *testing.T) {
	_, err := acs.MarshalObject([]acs.Member{{Key: "f", Value: func() {}}})
	assert.Error(t, err)
}
