package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

func TestAliasBombIsRefused(t *testing.T) {
	src := header + "x-a: &a [l,l,l,l,l,l,l,l,l]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		src += fmt.Sprintf("x-%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", n, n, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = n
	}
	assert.Contains(t, loadErr(t, src), "excessive aliasing")
}
