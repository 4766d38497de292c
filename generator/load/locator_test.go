package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Large mappings are looked up through the index; the answers are the scan's.
func TestLocatorIndexesLargeMappings(t *testing.T) {
	var src strings.Builder
	src.WriteString("small: {a: 1}\nbig:\n")
	for i := range 2 * indexedKeys {
		fmt.Fprintf(&src, "  k%d: {v: %d}\n", i, i)
	}
	src.WriteString("  k5: {v: again}\n") // a repeated key resolves to the first, as when scanning
	loc, err := newLocator("s.yaml", []byte(src.String()))
	require.NoError(t, err)
	require.Len(t, loc.index, 1, "only the large mapping is indexed")

	assert.Equal(t, "s.yaml:10:3", loc.Pos("big", "k7").String())
	assert.Equal(t, "s.yaml:10:8", loc.Pos("big", "k7", "v").String())
	assert.Equal(t, "s.yaml:8:3", loc.Pos("big", "k5").String())
	assert.Equal(t, "5", loc.node("big", "k5", "v").Value)
	assert.Equal(t, "s.yaml:2:1", loc.Pos("big", "nope").String(), "a missing key stops at its parent")
	assert.Nil(t, loc.node("big", "nope"))
	assert.Equal(t, "s.yaml:1:9", loc.Pos("small", "a").String())
	assert.Len(t, loc.Keys("big"), 2*indexedKeys+1)
}
