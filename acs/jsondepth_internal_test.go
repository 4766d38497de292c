package acs

import (
	"encoding/json"
	"os"
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

// depthReference is the plain byte-at-a-time scan jsonDepthExceeds must agree with.
func depthReference(data []byte, max int) bool {
	depth := 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > max {
				return true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return false
}

func FuzzJSONDepthExceeds(f *testing.F) {
	for _, seed := range []string{`{"a":[{"b":{}}]}`, `{"s":"\\\"[[[","t":[[]]}`, `"\\\\"[[`, `[[["unterminated\\"`, ``} {
		f.Add([]byte(seed), uint8(2))
	}
	f.Fuzz(func(t *testing.T, data []byte, max uint8) {
		require.Equal(t, depthReference(data, int(max)), jsonDepthExceeds(data, int(max)), "%q", data)
	})
}

func BenchmarkJSONDepthExceeds(b *testing.B) {
	body, err := os.ReadFile("../generated/apig/testdata/get_plugin_attachment_doc_example.json")
	require.NoError(b, err)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if jsonDepthExceeds(body, MaxResponseDepth) {
			b.Fatal("the documented body is not too deep")
		}
	}
}
