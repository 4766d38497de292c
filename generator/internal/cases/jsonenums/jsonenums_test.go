package jsonenums_test

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generator/internal/cases/jsonenums"
	"github.com/acsgen/acsgen/internal/jsonrepeat"
)

// samples are, per property of Board, JSON values and whether kin-openapi
// takes them: listed values written otherwise (members in another order, 1.0
// for 1, spaces), values close to a listed one, and values of other types.
var samples = map[string][]struct {
	json  string
	valid bool
}{
	"corner": {{`{"x":0,"y":0}`, true}, {`{"y":0,"x":1}`, true}, {`{"x":1.0,"y":0e3}`, true}, {` { "x" : 0 , "y" : 0 } `, true},
		{`{"x":1,"y":"1"}`, false}, {`{"x":1,"y":1}`, false}, {`{"x":0,"y":0,"z":0}`, false}, {`{"x":0}`, false},
		{`[0,0]`, false}, {`"x"`, false}},
	"path": {{`[1,2,3]`, true}, {`[3,2,1]`, true}, {`[]`, true}, {`[1.0,2,3]`, true}, {`[1,3,2]`, false}, {`[1,2]`, false},
		{`["1",2,3]`, false}, {`{}`, false}},
	"mixed": {{`{"a":1}`, true}, {`"a"`, true}, {`2.5`, true}, {`25e-1`, true}, {`[true]`, true}, {`"b"`, false},
		{`{"a":1,"b":2}`, false}, {`[true,true]`, false}, {`2`, false}, {`true`, false}},
	"maybe": {{`{"k":"v"}`, true}, {`null`, true}, {`{"k":"w"}`, false}, {`{}`, false}},
	"light": {{`{"on":true}`, true}, {`{"level":2,"on":false}`, true}, {`{"on":false}`, false}, {`{"on":true,"level":2}`, false},
		{`{"on":"true"}`, false}},
	"corners": {{`[]`, true}, {`[{"x":1,"y":0},{"x":0,"y":0}]`, true}, {`[{"x":1,"y":0},{"x":2,"y":0}]`, false},
		{`[{"x":1,"y":"1"}]`, false}},
	"choice": {{`{"x":0,"y":0}`, true}, {`{"x":"left"}`, true}, {`{"x":"left","y":0}`, true}, {`{"x":2,"y":0}`, false},
		{`{"x":true}`, false}, {`"x"`, false}, {`[0,0]`, false}},
}

func loadBoard(t testing.TB) *openapi3.Schema {
	doc, err := openapi3.NewLoader().LoadFromFile("spec.yaml")
	require.NoError(t, err)
	return doc.Components.Schemas["Board"].Value
}

func body(name, value string) string { return `{"` + name + `":` + value + `}` }

// strictly decodes a Board as unions try their alternatives, and validates it.
func strictly(doc string) error {
	var b jsonenums.Board
	var d jsondec.Decoder
	d.Reset([]byte(doc))
	if err := d.Try(b.DecodeJSON); err != nil {
		return err
	}
	return b.Validate()
}

// plainly decodes a Board as encoding/json does, and validates it.
func plainly(doc string) (jsonenums.Board, error) {
	var b jsonenums.Board
	if err := json.Unmarshal([]byte(doc), &b); err != nil {
		return b, err
	}
	return b, b.Validate()
}

// kin-openapi is the oracle: a value is valid for it exactly when it decodes
// into the generated type and passes Validate, which compares it with the
// listed values as JSON values. A listed value its own schema refuses (Corner's
// {"x":1,"y":"1"}) is valid for neither.
func TestDecodingAgreesWithKin(t *testing.T) {
	schema := loadBoard(t)
	for name, list := range samples {
		for _, s := range list {
			doc := body(name, s.json)
			var instance any
			require.NoError(t, json.Unmarshal([]byte(doc), &instance))
			kinErr := schema.VisitJSON(instance)
			assert.Equal(t, s.valid, kinErr == nil, "%s: the sample's verdict, kin-openapi's %v", doc, kinErr)
			ours := strictly(doc)
			assert.Equal(t, kinErr == nil, ours == nil, "%s: kin-openapi says %v, strict decoding %v", doc, kinErr, ours)
			_, ours = plainly(doc)
			assert.Equal(t, kinErr == nil, ours == nil, "%s: kin-openapi says %v, plain decoding %v", doc, kinErr, ours)
		}
	}
}

// The value is kept as it was sent, and encodes so: as JSON, not as the
// base64 encoding/json writes for a []byte. So does a schema of any value.
func TestValuesEncodeAsSent(t *testing.T) {
	doc := `{"corner":{"y":0,"x":1},"path":[3,2,1],"mixed":2.5,"maybe":null,"light":{"on":true},"corners":[{"x":0,"y":0}],"choice":{"x":"left"},"free":[1,{"a":"b"}]}`
	b, err := plainly(doc)
	require.NoError(t, err)
	assert.Equal(t, `{"y":0,"x":1}`, string(*b.Corner))
	out, err := json.Marshal(b)
	require.NoError(t, err)
	assert.JSONEq(t, doc, string(out))
	assert.Contains(t, string(out), `"corner":{"y":0,"x":1}`)
	assert.Contains(t, string(out), `"free":[1,{"a":"b"}]`)
}

// A request holding a value the enum does not list fails before it is sent,
// and the message lists the values.
func TestRequestIsValidated(t *testing.T) {
	corner := jsonenums.Corner(`{"x":1,"y":1}`)
	req := jsonenums.PutBoardRequest{Board: jsonenums.Board{Corner: &corner}}
	assert.ErrorContains(t, req.Validate(), `the value is not one of the enum's: {"x":0,"y":0}, {"x":1,"y":0}`)
	corner = jsonenums.Corner(`{"y":0,"x":1}`)
	assert.NoError(t, req.Validate())
}

// FuzzDecodingAgreesWithKin holds strict and plain decoding with Validate to
// kin-openapi's verdict on any JSON value of any property of Board.
func FuzzDecodingAgreesWithKin(f *testing.F) {
	names := slices.Sorted(maps.Keys(samples))
	for i, name := range names {
		for _, s := range samples[name] {
			f.Add(uint8(i), s.json)
		}
	}
	schema := loadBoard(f)
	f.Fuzz(func(t *testing.T, which uint8, value string) {
		doc := body(names[int(which)%len(names)], value)
		var instance any
		if json.Unmarshal([]byte(doc), &instance) != nil || jsonrepeat.Keys(doc) {
			return
		}
		kinErr := schema.VisitJSON(instance)
		if ours := strictly(doc); (kinErr == nil) != (ours == nil) {
			t.Fatalf("%s: kin-openapi says %v, strict decoding %v", doc, kinErr, ours)
		}
	})
}
