package acs_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/acs"
)

// Values are compared as JSON values, not as text.
func TestInJSONEnumComparesJSONValues(t *testing.T) {
	values := acs.JSONValues(`{"a":1,"b":[true,null]}`, `[1,"x"]`, `null`, `"s"`)
	for data, want := range map[string]bool{
		`{"b":[true,null],"a":1}`:               true,
		`{ "a" : 1.0 , "b" : [ true , null ] }`: true,
		`{"a":1,"b":[true,null],"c":2}`:         false,
		`{"a":1,"b":[null,true]}`:               false,
		`{"a":"1","b":[true,null]}`:             false,
		`[1,"x"]`:                               true,
		`[1e0,"x"]`:                             true,
		`["x",1]`:                               false,
		`[1]`:                                   false,
		`null`:                                  true,
		`"s"`:                                   true,
		`"\u0073"`:                              true,
		`"S"`:                                   false,
		`{}`:                                    false,
		`not json`:                              false,
		``:                                      false,
	} {
		assert.Equal(t, want, acs.InJSONEnum([]byte(data), values), data)
	}
}

func TestJSONValuesPanicsOnText(t *testing.T) {
	assert.Panics(t, func() { acs.JSONValues(`{"a":`) })
}
