package jsondec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// walkItems walks an array of strings or numbers whose items must be unique.
func walkItems(w *Walk) bool {
	return w.Array(0, -1, true, CheckBy(func(w *Walk) bool {
		if w.IsNumber() {
			return w.Float()
		}
		return w.Str()
	}))
}

// uniqueItems tells items apart as kin-openapi does, by json.Marshal of each
// decoded with UseNumber: numbers by their text, strings by their contents.
func TestWalkTellsUniqueItemsApart(t *testing.T) {
	for doc, want := range map[string]Verdict{
		`[]`:                  Accepted,
		`["a"]`:               Accepted,
		`["a","b",1,1.0,"1"]`: Accepted,
		`["a", "a"]`:          Refused,
		`[1,2,1]`:             Refused,
		`["a","\u0061"]`:      Unsure, // equal once decoded
		"[\"\xff\",\"\xfe\"]": Unsure, // both U+FFFD once decoded
		`[1,2,3,4,5,6,7,8]`:   Accepted,
		`[1,2,3,4,5,6,7,8,9]`: Unsure,  // more than it compares
		`[1,"x",true]`:        Refused, // true is neither here
		`[1,2] x`:             Refused,
	} {
		assert.Equal(t, want, Judge([]byte(doc), false, walkItems), doc)
	}
}

// walkPoint is a walker as acsgen generates one, for an object with a required
// x and an optional y that may be null.
var pointStruct = NewStruct("point", "x", "y").Mandatory(0)

func init() {
	pointStruct.Checks(
		CheckBy(func(w *Walk) bool { return w.IntIn(32, func(x float64) bool { return x >= 0 }) }),
		CheckBy(func(w *Walk) bool { return w.Null() || w.Int(32) }),
	)
}

func walkPoint(w *Walk) bool { return w.Members(pointStruct) }

func TestWalkJudgesObjects(t *testing.T) {
	for doc, want := range map[string]Verdict{
		`{"x":1}`:             Accepted,
		` {"y":null, "x":0} `: Accepted,
		`{"x":-1}`:            Refused, // below the minimum
		`{"y":2}`:             Refused, // x is required
		`{"x":1,"x":2}`:       Refused, // a key given twice
		`{"X":1}`:             Refused, // keys match exactly
		`{"x":1,"z":2}`:       Refused, // a member it does not name
		`{"x":1.0}`:           Refused, // an integer written with a fraction
		`{"x":2147483648}`:    Refused, // past int32
		`{"x":null}`:          Refused,
		`[{"x":1}]`:           Refused,
		`null`:                Refused,
		`{"x":1`:              Refused,
	} {
		assert.Equal(t, want, Judge([]byte(doc), false, walkPoint), doc)
	}
}

// A map whose minProperties is above one is left to decoding: a key given
// twice counts once there.
func TestWalkLeavesCountedMapsToDecoding(t *testing.T) {
	walk := func(lo int) func(*Walk) bool {
		return func(w *Walk) bool { return w.Map(lo, 3, CheckStr) }
	}
	assert.Equal(t, Accepted, Judge([]byte(`{"a":"x","b":"y"}`), false, walk(1)))
	assert.Equal(t, Refused, Judge([]byte(`{}`), false, walk(1)))
	assert.Equal(t, Refused, Judge([]byte(`{"a":"","b":"","c":"","d":""}`), false, walk(1)))
	assert.Equal(t, Unsure, Judge([]byte(`{"a":"x","a":"y"}`), false, walk(2)))
}
