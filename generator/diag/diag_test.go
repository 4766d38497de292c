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
