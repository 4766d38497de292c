package names

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The look-alike letters are written as Go escapes, so that the test reads as
// what it checks: "N\u0430me" is Name with a Cyrillic a.
func TestSkeleton(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Name", "name"},
		{"N\u0430me", "name"},                // Cyrillic а
		{"\u039dame", "name"},                // Greek Ν
		{"\uff2e\uff41\uff4d\uff45", "name"}, // fullwidth
		{"Na\u200bme", "name"},               // a zero-width space is dropped
		{"\u0406D", "id"},                    // Cyrillic І
		{"\u212Aey", "key"},                  // Kelvin sign
		{"\u0421\u0443\u0440\u0435\u0440", "cypep"},
		{"日本語", "日本語"},
		{"Émile", "émile"},
	} {
		assert.Equal(t, tc.want, Skeleton(tc.in), "%q", tc.in)
	}
}

func TestConfusable(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Name", "N\u0430me", true},
		{"N\u0430me", "\u039dame", true},
		{"ID", "\u0406d", true},
		{"Key", "\u212Aey", true},
		{"PageNumber", "\uff30ageNumber", true},
		{"Name", "Na\u200bme", true},
		// Letter case alone is for the Go-name collision checks, not a look-alike.
		{"Name", "name", false},
		{"APIID", "ApiId", false},
		{"Émile", "émile", false},
		{"Name", "Name", false},
		{"Name", "Names", false},
		{"Name", "Nome", false},
	} {
		assert.Equal(t, tc.want, Confusable(tc.a, tc.b), "%q, %q", tc.a, tc.b)
		assert.Equal(t, tc.want, Confusable(tc.b, tc.a), "%q, %q", tc.b, tc.a)
	}
}

func TestLookalike(t *testing.T) {
	latin, script, ok := Lookalike('\u0430')
	assert.Equal(t, []any{'a', "Cyrillic", true}, []any{latin, script, ok})
	latin, script, ok = Lookalike('\uff30')
	assert.Equal(t, []any{'p', "fullwidth", true}, []any{latin, script, ok})
	_, _, ok = Lookalike('a')
	assert.False(t, ok)
	_, _, ok = Lookalike('日')
	assert.False(t, ok)
}

func TestLookalikeTableMapsToASCII(t *testing.T) {
	for r, e := range lookalikes {
		assert.True(t, e.latin >= 'a' && e.latin <= 'z', "%U maps to %q", r, e.latin)
		assert.Greater(t, r, rune(0x7f), "%U is ASCII", r)
	}
}

func TestScript(t *testing.T) {
	assert.Equal(t, "Cyrillic", Script('\u0430'))
	assert.Equal(t, "Han", Script('日'))
	assert.Equal(t, "Latin", Script('é'))
	assert.Equal(t, "fullwidth", Script('\uff41'))
	assert.Equal(t, "", Script('\u2603'))
}
