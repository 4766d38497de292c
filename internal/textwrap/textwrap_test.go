package textwrap

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFill(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  string
	}{
		{"", 10, ""},
		{"one two three", 7, "one two\nthree"},
		{"  spaced\tout\n words ", 20, "spaced out words"},
		{"a verylongwordthatdoesnotfit b", 5, "a\nverylongwordthatdoesnotfit\nb"},
		{"exactly ten", 11, "exactly ten"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, Fill(c.text, c.width), "%q at %d", c.text, c.width)
	}
}
