package emit

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/ir"
)

func declare(name string) func(*jen.File, *ir.API) bool {
	return func(f *jen.File, _ *ir.API) bool {
		f.Type().Id(name).String()
		return true
	}
}

func nothing(*jen.File, *ir.API) bool { return false }

// Files come back in the parts' order whichever finishes rendering first, without
// the parts that declare nothing.
func TestRenderAllKeepsOrder(t *testing.T) {
	api := &ir.API{Package: "p", Specs: []ir.SpecFile{{Path: "s.yaml"}}}
	var parts []part
	var want []string
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		parts = append(parts, part{name: name + ".go", gen: declare(strings.ToUpper(name))}, part{name: name + "_empty.go", gen: nothing})
		want = append(want, name+".go")
	}
	files, err := renderAll(api, parts)
	require.NoError(t, err)
	var got []string
	for _, f := range files {
		got = append(got, f.Name)
		assert.Contains(t, string(f.Src), "type "+strings.ToUpper(strings.TrimSuffix(f.Name, ".go"))+" string")
	}
	assert.Equal(t, want, got)
}

func TestRenderAllReportsErrorsAndPanics(t *testing.T) {
	api := &ir.API{Package: "p", Specs: []ir.SpecFile{{Path: "s.yaml"}}}
	broken := func(f *jen.File, _ *ir.API) bool {
		f.Id("func (") // go/format refuses it
		return true
	}
	_, err := renderAll(api, []part{{name: "ok.go", gen: declare("A")}, {name: "broken.go", gen: broken}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "emit broken.go:")

	panicking := func(*jen.File, *ir.API) bool { panic("bug") }
	assert.PanicsWithValue(t, "emit bad.go: bug", func() {
		_, _ = renderAll(api, []part{{name: "ok.go", gen: declare("A")}, {name: "bad.go", gen: panicking}})
	})
}
