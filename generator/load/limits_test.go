package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/memprobe"
)

const header = "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\n"

func TestSpecSizeLimit(t *testing.T) {
	big := make([]byte, MaxSpecBytes+1)
	assert.Equal(t, "s.yaml: spec is 33554433 bytes; the limit is 33554432 (32 MiB)", loadErr(t, string(big)))

	// File refuses before reading: a sparse file costs no memory or disk.
	path := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(1<<40))
	require.NoError(t, f.Close())
	_, err = File(path)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "spec is 1099511627776 bytes; the limit is 33554432")
}

func TestNestingLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(header + "components:\n  schemas:\n    Deep:\n")
	indent := "      "
	for range MaxNesting {
		b.WriteString(indent + "x:\n")
		indent += "  "
	}
	b.WriteString(indent + "y: 1\n")
	got := loadErr(t, b.String())
	assert.Regexp(t, `^s\.yaml:\d+:\d+: spec nests deeper than 256 levels; declare deep schemas as components and \$ref them$`, got)
}

func TestRefChainLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(header + "components:\n  schemas:\n")
	for i := range MaxRefChain + 2 {
		fmt.Fprintf(&b, "    S%02d: {$ref: '#/components/schemas/S%02d'}\n", i, i+1)
	}
	fmt.Fprintf(&b, "    S%02d: {type: string}\n", MaxRefChain+2)
	assert.Equal(t, "s.yaml:6:5: components.schemas.S00: $ref chain is 34 components long; the limit is 32", loadErr(t, b.String()))

	// At the limit it loads.
	b.Reset()
	b.WriteString(header + "components:\n  schemas:\n")
	for i := range MaxRefChain {
		fmt.Fprintf(&b, "    S%02d: {$ref: '#/components/schemas/S%02d'}\n", i, i+1)
	}
	fmt.Fprintf(&b, "    S%02d: {type: string}\n", MaxRefChain)
	_, err := Data("s.yaml", []byte(b.String()))
	require.NoError(t, err)
}

// billionLaughs nests nine aliases of the level below, nine levels deep: 9^9
// scalars once expanded, from a file of under 400 bytes.
func billionLaughs() string {
	src := header + "x-a: &a [l,l,l,l,l,l,l,l,l]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		src += fmt.Sprintf("x-%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", n, n, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = n
	}
	return src
}

// wideAliases anchors one string of size bytes and aliases it n times, among
// filler scalars, so that aliases are too few among the nodes for the YAML
// decoder's own limit ("excessive aliasing") to notice.
func wideAliases(size, n, filler int) string {
	var b strings.Builder
	b.WriteString(header + "x-anchor: &a " + strings.Repeat("x", size) + "\nx-filler: [")
	b.WriteString(strings.TrimSuffix(strings.Repeat("1,", filler), ","))
	b.WriteString("]\nx-copies: [")
	b.WriteString(strings.TrimSuffix(strings.Repeat("*a,", n), ","))
	b.WriteString("]\n")
	return b.String()
}

// Aliases that expand a spec past MaxSpecBytes are refused from the parsed tree,
// before kin-openapi expands them: the refusal allocates a few times the file's
// size, not the expansion. The wide case is a 1 MiB file that expands to 100 MiB
// and used to load, allocating 760 MiB.
func TestAliasBombIsRefused(t *testing.T) {
	for name, tc := range map[string]struct {
		src  string
		want string
	}{
		"billion laughs": {billionLaughs(), "s.yaml:11:16: YAML aliases expand the spec past 33554432 bytes"},
		"wide":           {wideAliases(1<<20, 100, 15000), "s.yaml:6:"},
	} {
		t.Run(name, func(t *testing.T) {
			var err error
			got := memprobe.Allocated(func() { _, err = Data("s.yaml", []byte(tc.src)) })
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "the spec size limit (32 MiB)")
			assert.Less(t, got, uint64(16*len(tc.src)+1<<20), "bytes allocated refusing a %d-byte spec", len(tc.src))
		})
	}
}

// Aliases within the limit are fine: they load, expanded.
func TestSmallAliasesLoad(t *testing.T) {
	spec, err := Data("s.yaml", []byte(wideAliases(1<<10, 3, 10)))
	require.NoError(t, err)
	assert.Len(t, spec.Doc.Extensions["x-copies"], 3)
}
