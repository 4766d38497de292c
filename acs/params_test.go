package acs_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/acs"
)

type stage string

func TestMissingCountsEmptyValuesAsAbsent(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []string
		want   bool
	}{
		{"absent", nil, true},
		{"one empty value", []string{""}, true},
		{"every value empty", []string{"", ""}, true},
		{"a value", []string{"p-1"}, false},
		{"one value among empty ones", []string{"", "p-1"}, false},
		{"whitespace is a value", []string{" "}, false},
	} {
		assert.Equal(t, tc.want, acs.Missing(tc.values...), tc.name)
	}
	assert.True(t, acs.Missing(stage("")), "named string types, such as enums, too")
	assert.False(t, acs.Missing(stage("TEST")))
}
