package diag

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestListSortsAndFormats(t *testing.T) {
	var l List
	l.Add(Pos{File: "b.yaml", Line: 1, Col: 1}, "", "second file")
	l.Add(Pos{File: "a.yaml", Line: 9, Col: 3}, "paths./x", "later line")
	l.Add(Pos{File: "a.yaml", Line: 2, Col: 7}, "components.schemas.Pet", "earlier line")
	l.Add(Pos{File: "a.yaml", Line: 2, Col: 7}, "components.schemas.Pet", "earlier line")
	err := l.Err()
	require.Error(t, err)
	assert.Equal(t, "a.yaml:2:7: components.schemas.Pet: earlier line\n"+
		"a.yaml:9:3: paths./x: later line\n"+
		"b.yaml:1:1: second file", err.Error())
}

func TestEmptyListIsNoError(t *testing.T) {
	var l List
	assert.NoError(t, l.Err())
}

func TestPosString(t *testing.T) {
	assert.Equal(t, "f.yaml", Pos{File: "f.yaml"}.String())
	assert.Equal(t, "f.yaml:3", Pos{File: "f.yaml", Line: 3}.String())
	assert.Equal(t, "f.yaml:3:4", Pos{File: "f.yaml", Line: 3, Col: 4}.String())
}

func TestWarningsAloneAreNoError(t *testing.T) {
	var l List
	l.Warn(Pos{File: "a.yaml", Line: 3, Col: 1}, "info.description", "looks odd")
	assert.NoError(t, l.Err())
	assert.Equal(t, "a.yaml:3:1: warning: info.description: looks odd", l[0].String())
	l.Add(Pos{File: "a.yaml", Line: 1, Col: 1}, "", "broken")
	err := l.Err()
	require.Error(t, err)
	assert.Equal(t, "a.yaml:1:1: broken\na.yaml:3:1: warning: info.description: looks odd", err.Error())
	errs, warns := l.Count()
	assert.Equal(t, [2]int{1, 1}, [2]int{errs, warns})
}

// A diagnostic quotes spec text; printed, it must not reorder or hide the text
// of the terminal line it lands on.
func TestStringShowsHiddenCharacters(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "a\u202e.yaml", Line: 1, Col: 2}, Path: "components.schemas.A.properties.x\u200by", Msg: "bad \u2066name\u2069"}
	assert.Equal(t, "a<U+202E>.yaml:1:2: components.schemas.A.properties.x<U+200B>y: bad <U+2066>name<U+2069>", d.String())
}

// Every diagnostic is one line: a spec key holding a line break (a media type
// "text/x\nX-Evil: 1") must not start a second line without a position.
func TestStringIsOneLine(t *testing.T) {
	d := Diagnostic{Pos: Pos{File: "a.yaml", Line: 9, Col: 11}, Path: "paths./a.content.text/x\nX: 1", Msg: "media type text/x\r\nX: 1\u0085 \x1b[31m is bad\tfor now"}
	assert.Equal(t, "a.yaml:9:11: paths./a.content.text/x<U+000A>X: 1: media type text/x<U+000D><U+000A>X: 1<U+0085> <U+001B>[31m is bad\tfor now", d.String())
}
