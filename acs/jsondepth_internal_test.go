package acs

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONDepthExceeds(t *testing.T) {
	nest := func(n int) []byte { return []byte(strings.Repeat("[", n) + strings.Repeat("]", n)) }
	assert.False(t, jsonDepthExceeds(nest(256), 256))
	assert.True(t, jsonDepthExceeds(nest(257), 256))

	mixed := []byte(`{"a":[{"b":{}}]}`) // four levels
	assert.False(t, jsonDepthExceeds(mixed, 4))
	assert.True(t, jsonDepthExceeds(mixed, 3))

	// Brackets inside strings, after escaped quotes too, do not count.
	inString := []byte(`{"s":"` + strings.Repeat("[{", 500) + `\"` + strings.Repeat("[", 500) + `"}`)
	require.True(t, json.Valid(inString))
	assert.False(t, jsonDepthExceeds(inString, 1))
	// An escaped backslash does not escape the quote after it: the string ends there.
	backslash := []byte(`{"s":"\\","t":[[]]}`)
	require.True(t, json.Valid(backslash))
	assert.True(t, jsonDepthExceeds(backslash, 2))
	assert.False(t, jsonDepthExceeds(backslash, 3))
}
