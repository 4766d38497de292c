package load

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hiddenSpec holds hidden characters raw (the Go escapes below put the
// characters themselves into the YAML) and as YAML escapes, in plain, quoted and
// block scalars and in a key. Each warning points at the character's own line
// and column; for an escape, at its backslash.
var hiddenSpec = strings.Join([]string{
	"openapi: 3.0.3",                       // 1
	"info:",                                // 2
	"  title: plain \u202etitle",           // 3: raw, col 16
	`  version: "1"`,                       // 4
	"  description: |",                     // 5
	"    first line",                       // 6
	"    second \u200bline \u2060.",        // 7: raw, col 12, and one more
	"paths: {}",                            // 8
	"components:",                          // 9
	"  schemas:",                           // 10
	"    Pet:",                             // 11
	`      description: "esc \u2066"`,      // 12: YAML escape, col 25
	"      type: object",                   // 13
	"      properties:",                    // 14
	"        \"na\u200dme\":",              // 15: raw, in a key, col 12
	"          type: array",                // 16
	"          example: [ok, \"x\ufeff\"]", // 17: raw, in a list item, col 27
	"          items: {type: string}",
	"",
}, "\n")

func TestHiddenCharactersAreWarnings(t *testing.T) {
	spec, err := Data("s.yaml", []byte(hiddenSpec))
	require.NoError(t, err, "hidden characters do not stop generation")
	var got []string
	for _, d := range spec.Warnings {
		assert.True(t, d.Warning, d.String())
		got = append(got, d.String())
	}
	assert.Equal(t, []string{
		"s.yaml:3:16: warning: info.title: U+202E RIGHT-TO-LEFT OVERRIDE in title: it changes how the text reads without showing itself; remove it (generated comments and docs write it as <U+202E>)",
		"s.yaml:7:12: warning: info.description: U+200B ZERO WIDTH SPACE and 1 more hidden character in description: they change how the text reads without showing themselves; remove them (generated comments and docs write them as <U+200B> and so on)",
		"s.yaml:12:25: warning: components.schemas.Pet.description: U+2066 LEFT-TO-RIGHT ISOLATE in description: it changes how the text reads without showing itself; remove it (generated comments and docs write it as <U+2066>)",
		`s.yaml:15:12: warning: components.schemas.Pet.properties.na<U+200D>me: U+200D ZERO WIDTH JOINER in the key "na\u200dme": it changes how the text reads without showing itself; remove it (generated comments and docs write it as <U+200D>)`,
		"s.yaml:17:27: warning: components.schemas.Pet.properties.na<U+200D>me.example.1: U+FEFF ZERO WIDTH NO-BREAK SPACE (byte order mark) in item 1 of example: it changes how the text reads without showing itself; remove it (generated comments and docs write it as <U+FEFF>)",
	}, got)
}

// A spec refused for other reasons still reports its hidden characters.
func TestHiddenCharactersAreReportedWithErrors(t *testing.T) {
	got := loadErr(t, "openapi: 3.0.3\ninfo: {title: \"a\u202eb\", version: '1'}\npaths: {}\npaths: {}\n")
	assert.Equal(t, `s.yaml:2:17: warning: info.title: U+202E RIGHT-TO-LEFT OVERRIDE in title: it changes how the text reads without showing itself; remove it (generated comments and docs write it as <U+202E>)
s.yaml:4:1: key "paths" is already defined at s.yaml:3:1`, got)
}

// Line breaks count as the YAML parser counts them (CR LF, CR, NEL, U+2028),
// and a byte order mark opening the file takes no column, so positions found in
// the bytes agree with the parser's.
func TestHiddenCharacterPositionsFollowTheParser(t *testing.T) {
	src := "\ufeffopenapi: 3.0.3\r\ninfo:\r\n  title: \"a\u2028b\"\r  version: '1'\n  description: x\u200by\npaths: {}\n"
	spec, err := Data("s.yaml", []byte(src))
	require.NoError(t, err)
	require.Len(t, spec.Warnings, 2)
	assert.Equal(t, "s.yaml:3:12", spec.Warnings[0].Pos.String(), spec.Warnings[0].String())
	assert.Equal(t, "s.yaml:6:17", spec.Warnings[1].Pos.String(), spec.Warnings[1].String())
	assert.Equal(t, spec.Loc.Pos("info", "description").Line, spec.Warnings[1].Pos.Line)
}
