package docs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/load"
)

// Render builds every page for the spec files in memory: the pages of each
// product, whose examples come from <genRoot>/<package>/example_test.go, and
// the top index. Spec problems and missing examples come back as problems
// (one line each); the other products' pages are still rendered. err is for
// unreadable input only.
func Render(specs []string, genRoot string) (pages []File, problems []string, err error) {
	var products []Product
	for _, path := range specs {
		spec, err := load.File(path)
		var dl diag.List
		if errors.As(err, &dl) {
			problems = append(problems, diagLines(dl)...)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		_, api, err := generator.FromSpec(spec, generator.Config{Spec: path})
		if errors.As(err, &dl) {
			problems = append(problems, diagLines(dl)...)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		exPath := filepath.ToSlash(filepath.Join(genRoot, api.Package, "example_test.go"))
		ex, err := os.ReadFile(exPath)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		p := Product{API: api, Spec: spec, Examples: ex, ExamplesPath: exPath}
		files, err := ProductPages(p)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		products = append(products, p)
		pages = append(pages, files...)
	}
	if len(products) > 0 {
		pages = append(pages, Index(products))
	}
	return pages, problems, nil
}

func diagLines(dl diag.List) []string {
	var out []string
	for _, d := range dl.Sort() {
		out = append(out, d.String())
	}
	return out
}
