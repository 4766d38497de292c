package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
)

// generateFlags defines the flags of "acsgen generate".
func generateFlags(fs *flag.FlagSet) action {
	specs := specFlag(fs)
	out := fs.String("out", "generated", "output root `DIR`; each spec goes to DIR/<package>")
	pkg := fs.String("package", "", "Go package `NAME` (only with a single spec; default: derived from the spec)")
	check := fs.Bool("check", false, "write nothing; list stale, missing and extra files and exit 1 if there are any")
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q; specs are given with --spec", args[0])
		}
		return generate(*specs, *out, *pkg, *check, stdout, stderr)
	}
}

// generate writes (or with check, compares) the clients of the specs under out.
func generate(specs []string, out, pkg string, check bool, stdout, stderr io.Writer) error {
	files, err := specFiles(specs)
	if err != nil {
		return err
	}
	if pkg != "" && len(files) > 1 {
		return usagef("--package names one package but %d specs were given", len(files))
	}
	var problems diag.List
	var stale []string
	for _, spec := range files {
		gen, api, err := generator.Generate(generator.Config{Spec: spec, Package: pkg})
		var dl diag.List
		if errors.As(err, &dl) {
			problems = append(problems, dl...)
			continue
		}
		if err != nil {
			return err
		}
		dir := filepath.Join(out, api.Package)
		extra, err := extraGenerated(dir, gen)
		if err != nil {
			return err
		}
		if check {
			s, err := staleOutputs(genOutputs(dir, gen), extra)
			if err != nil {
				return err
			}
			stale = append(stale, s...)
			continue
		}
		if err := writeOutputs(genOutputs(dir, gen), extra); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s → %s (%d files)\n", spec, dir, len(gen))
	}
	for _, d := range problems.Sort() {
		fmt.Fprintln(stderr, d)
	}
	for _, s := range stale {
		fmt.Fprintln(stderr, s)
	}
	if len(problems) > 0 || len(stale) > 0 {
		if len(stale) > 0 {
			fmt.Fprintln(stderr, "generated code is out of date; run: make generate")
		}
		return errFindings
	}
	return nil
}

// genOutputs places generated files in dir.
func genOutputs(dir string, files []generator.File) []output {
	outs := make([]output, len(files))
	for i, f := range files {
		outs[i] = output{filepath.Join(dir, f.Name), f.Src}
	}
	return outs
}

// extraGenerated lists the *_gen.go files in dir the spec no longer produces. Only
// *_gen.go files are ever removed, so hand-written files beside them are safe.
func extraGenerated(dir string, files []generator.File) ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*_gen.go"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, path := range matches {
		name := filepath.Base(path)
		if !slices.ContainsFunc(files, func(f generator.File) bool { return f.Name == name }) && strings.HasSuffix(name, "_gen.go") {
			out = append(out, path)
		}
	}
	return out, nil
}
