package emit

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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
	files, err := renderAll(api, parts, 3)
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
	_, err := renderAll(api, []part{{name: "ok.go", gen: declare("A")}, {name: "broken.go", gen: broken}}, 2)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "emit broken.go:")

	panicking := func(*jen.File, *ir.API) bool { panic("bug") }
	assert.PanicsWithValue(t, "emit bad.go: bug", func() {
		_, _ = renderAll(api, []part{{name: "ok.go", gen: declare("A")}, {name: "bad.go", gen: panicking}}, 2)
	})
}

// renderAll never renders more parts at once than it has workers, and they take
// the early parts first.
func TestRenderAllBoundsItsWorkers(t *testing.T) {
	api := &ir.API{Package: "p", Specs: []ir.SpecFile{{Path: "s.yaml"}}}
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	for _, workers := range []int{1, 2, 3} {
		var running, peak, started atomic.Int32
		var mu sync.Mutex
		var starts []string
		var parts []part
		for i, name := range names {
			parts = append(parts, part{name: name + ".go", early: i%3 == 2, gen: func(f *jen.File, _ *ir.API) bool {
				mu.Lock()
				starts = append(starts, name)
				mu.Unlock()
				started.Add(1)
				n := running.Add(1)
				for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
				}
				// Hold on until as many parts render as there are workers (or all have
				// started), so that more goroutines than workers would show.
				for running.Load() < int32(workers) && started.Load() < int32(len(names)) {
					runtime.Gosched()
				}
				running.Add(-1)
				f.Type().Id(strings.ToUpper(name)).String()
				return true
			}})
		}
		files, err := renderAll(api, parts, workers)
		require.NoError(t, err)
		require.Len(t, files, len(parts))
		assert.LessOrEqual(t, peak.Load(), int32(workers))
		if workers == 1 {
			assert.Equal(t, []string{"c", "f", "i", "a", "b", "d", "e", "g", "h"}, starts)
		}
	}
}
