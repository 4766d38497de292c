package build

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsJSONMediaType(t *testing.T) {
	for ct, want := range map[string]bool{
		"application/json":                true,
		"application/json; charset=utf-8": true,
		"application/json;charset=UTF-8":  true,
		"Application/JSON":                true,
		"application/problem+json":        true,
		"application/vnd.acs+JSON; v=1":   true,
		"application/xml":                 false,
		"text/json-ish":                   false,
		"application/jsonp":               false,
		"application/json+xml":            false,
		"":                                false,
		"application/json; =broken":       false,
		"*/*":                             false,
	} {
		assert.Equal(t, want, IsJSONMediaType(ct), "%q", ct)
	}
}
