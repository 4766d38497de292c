package jsonrepeat

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKeys(t *testing.T) {
	for doc, want := range map[string]bool{
		`{"a":1,"a":2}`:             true,
		`{"a":{"b":1,"b":1}}`:       true,
		`[{"a":1},{"a":1}]`:         false,
		`{"a":{"a":1}}`:             false,
		`{"a":["a","a"],"b":"a"}`:   false,
		`{"a":[{"x":1,"x":2}]}`:     true,
		`{"a":1,"b":{"c":2},"a":3}`: true,
		`not json`:                  false,
	} {
		assert.Equal(t, want, Keys(doc), doc)
	}
}
