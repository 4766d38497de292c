package jsondec

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// wideStruct has 70 fields f0…f69, f65 required; f69 holds another such
// object, so that the fields met of nested wide objects stack on the Walk.
var wideStruct = func() *Struct {
	names := make([]string, 70)
	for i := range names {
		names[i] = fmt.Sprintf("f%d", i)
	}
	return NewStruct("wide", names...).Mandatory(65)
}()

func init() {
	checks := make([]Check, 70)
	for i := range checks {
		checks[i] = CheckInt8
	}
	checks[69] = CheckObject(wideStruct)
	wideStruct.Checks(checks...)
}

func walkWide(w *Walk) bool { return w.Members(wideStruct) }

func TestMembersOfWideStructs(t *testing.T) {
	inner := `{"f65":1,"f3":2,"f68":-128}`
	for doc, want := range map[string]Verdict{
		`{"f65":0}`:                      Accepted,
		`{"f0":1,"f65":0,"f64":127}`:     Accepted,
		`{"f69":` + inner + `,"f65":0}`:  Accepted,
		`{"f0":1}`:                       Refused, // f65 is required
		`{"f65":0,"f66":1,"f66":1}`:      Refused, // a key given twice, past the 64th field
		`{"f65":0,"f1":1,"f1":1}`:        Refused, // and before it
		`{"f65":128}`:                    Refused, // past int8
		`{"f65":0,"f70":1}`:              Refused, // no such field
		`{"f69":{"f0":1},"f65":0}`:       Refused, // the inner object lacks f65
		`{"f69":` + inner + `}`:          Refused, // the outer one does
		`{"f69":` + inner + `,"f65":0,}`: Refused,
	} {
		assert.Equal(t, want, Judge([]byte(doc), false, walkWide), doc)
	}
}

// Once warm, walking nested wide objects allocates nothing: their fields met
// are kept on the pooled Walk.
func TestMembersAllocateNothing(t *testing.T) {
	doc := []byte(strings.Repeat(`{"f65":0,"f69":`, 20) + `{"f65":0}` + strings.Repeat(`}`, 20))
	assert.Equal(t, Accepted, Judge(doc, false, walkWide))
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop Walks at random")
	}
	assert.Zero(t, testing.AllocsPerRun(50, func() { Judge(doc, false, walkWide) }))
}

// An object of a struct whose checks were never set is refused, whatever its
// members: there is nothing to hold them to.
func TestMembersWithoutChecksRefuse(t *testing.T) {
	bare := NewStruct("bare", "a")
	walk := func(w *Walk) bool { return w.Members(bare) }
	assert.Equal(t, Refused, Judge([]byte(`{}`), false, walk))
	assert.Equal(t, Refused, Judge([]byte(`{"a":1}`), false, walk))
}

// A table of checks that does not match the fields is the generator's bug,
// and says so when the package initializes.
func TestChecksMustMatchTheFields(t *testing.T) {
	assert.PanicsWithValue(t, "jsondec: 1 checks for the 2 fields of pair", func() {
		NewStruct("pair", "a", "b").Checks(CheckStr)
	})
}

// Each plain check takes its type alone, integers by their bits.
func TestPlainChecks(t *testing.T) {
	s := NewStruct("plain", "s", "b", "f", "i8", "i16", "i32", "i64", "o").Mandatory(0)
	s.Checks(CheckStr, CheckBool, CheckFloat, CheckInt8, CheckInt16, CheckInt32, CheckInt64, CheckObject(pointStruct))
	walk := func(w *Walk) bool { return w.Members(s) }
	for doc, want := range map[string]Verdict{
		`{"s":"x","b":true,"f":1.5e3,"i8":-128,"i16":32767,"i32":-2147483648,"i64":9223372036854775807,"o":{"x":1}}`: Accepted,
		`{"s":1}`:                  Refused,
		`{"s":"x","b":"true"}`:     Refused,
		`{"s":"x","f":"1"}`:        Refused,
		`{"s":"x","i8":128}`:       Refused,
		`{"s":"x","i16":32768}`:    Refused,
		`{"s":"x","i32":1.0}`:      Refused,
		`{"s":"x","i64":1e3}`:      Refused,
		`{"s":"x","o":{"y":1}}`:    Refused, // x is required there
		`{"s":"x","o":[]}`:         Refused,
		`{"s":"x","o":{"x":-1}}`:   Refused, // below its minimum
		`{"s":"x","s":"y"}`:        Refused,
		`{"b":true}`:               Refused,
		`{"s":"x","b":null}`:       Refused,
		`{"s":"x","o":{"x":null}}`: Refused,
	} {
		assert.Equal(t, want, Judge([]byte(doc), false, walk), doc)
	}
}
