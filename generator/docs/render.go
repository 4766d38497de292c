package docs

import (
	"errors"
	"path/filepath"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
)

// Render builds every page for the spec files in memory: the pages of each
// package (the spec files of one product merged as generator.Packages merges them),
// whose examples come from the test files of <genRoot>/<package>, and the top
// index. Spec problems and missing examples come back as problems (one line each);
// the other products' pages are still rendered. err is for unreadable input only.
// opts place the specs in packages as acsgen generate does (its HandWritten is
// not needed: pages show whichever example the package has).
func Render(specs []string, genRoot string, opts generator.Options) (pages []File, problems []string, err error) {
	pkgs, err := generator.Packages(specs, opts)
	var dl diag.List
	if errors.As(err, &dl) {
		problems = append(problems, diagLines(dl)...)
	} else if err != nil {
		return nil, nil, err
	}
	var products []Product
	for _, pkg := range pkgs {
		dir := filepath.ToSlash(filepath.Join(genRoot, pkg.API.Package))
		examples, err := ReadExamples(dir)
		if err != nil {
			return nil, nil, err
		}
		p := Product{API: pkg.API, Specs: pkg.Specs, Examples: examples, ExamplesDir: dir}
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
