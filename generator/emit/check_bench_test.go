package emit

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/build"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
)

// BenchmarkRenderCheckFile renders and formats check_gen.go of both products
// per iteration, its share of generation.
func BenchmarkRenderCheckFile(b *testing.B) {
	var apis []*ir.API
	for _, spec := range []string{"../../spec/apig-2024-03-27.yaml", "../../spec/cloudapi-2016-07-14.yaml"} {
		loaded, err := load.File(spec)
		require.NoError(b, err)
		api, err := build.Build(loaded, build.Options{})
		require.NoError(b, err)
		apis = append(apis, api)
	}
	p := part{name: "check_gen.go", gen: genCheckFile}
	size := 0
	for _, api := range apis {
		f, err := render(api, p)
		require.NoError(b, err)
		size += len(f.Src)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, api := range apis {
			if _, err := render(api, p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(size), "bytes")
}
