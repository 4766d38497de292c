package acs

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestJSONKind(t *testing.T) {
	for in, want := range map[string]string{
		`"8080"`: "string", ` 8080`: "number", `-1.5`: "number", `true`: "boolean", `false`: "boolean",
		`null`: "null", "\n[1]": "array", `{"a":1}`: "object", ``: "", `   `: "", `x`: "",
	} {
		assert.Equal(t, want, JSONKind([]byte(in)), "JSONKind(%q)", in)
	}
}
