package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/names"
	"github.com/acsgen/acsgen/project"
)

// generateFlags defines the flags of "acsgen generate".
func generateFlags(fs *flag.FlagSet) action {
	specs := specFlag(fs)
	out := fs.String("out", "generated", "output root `DIR`; each package goes to DIR/<package>")
	pkg := fs.String("package", "", "Go package `NAME` for every spec (default: derived from each spec)")
	check := fs.Bool("check", false, "write nothing; list stale, missing and extra files and exit 1 if there are any")
	conf := configFlag(fs)
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q; specs are given with --spec", args[0])
		}
		if problem := names.PackageProblem(*pkg); *pkg != "" && problem != "" {
			return usagef("--package %q %s", *pkg, problem)
		}
		if err := conf.load(map[string]configField{"spec": cfgSpecs, "out": cfgOut}); err != nil {
			return err
		}
		return generate(genOptions{specs: *specs, out: *out, pkg: *pkg, packages: conf.packages(), check: *check}, stdout, stderr)
	}
}

// genOptions are what generate does, from flags and the configuration file.
type genOptions struct {
	specs    []string
	out      string
	pkg      string
	packages map[string]string // spec file → package, from acsgen.yaml
	check    bool
}

// generate writes (or with check, compares) the packages of the specs under out.
// Specs of one product and version are merged into one package.
func generate(o genOptions, stdout, stderr io.Writer) error {
	files, err := specFiles(o.specs)
	if err != nil {
		return err
	}
	var noModule error
	pkgs, err := generator.Packages(files, generator.Options{
		Package:      o.pkg,
		SpecPackages: o.packages,
		ImportPath: func(name string) string {
			path, err := project.ImportPathOf(filepath.Join(o.out, name))
			if err != nil && noModule == nil {
				noModule = err
			}
			return path
		},
		HandWritten: func(name string) ([]string, error) {
			return generator.HandWrittenExamples(filepath.Join(o.out, name))
		},
	})
	var problems diag.List
	if errors.As(err, &problems) {
		err = nil
	}
	if err != nil {
		return err
	}
	if noModule != nil {
		fmt.Fprintf(stderr, "acsgen generate: %v; packages are generated without examples (acsgen docs needs them) and without their contract check packages (<package>check)\n", noModule)
	}
	var stale []string
	for _, p := range pkgs {
		gen, err := p.Emit()
		if err != nil {
			return err
		}
		dir := filepath.Join(o.out, p.API.Package)
		extra, err := extraGenerated(dir, gen)
		if err != nil {
			return err
		}
		if o.check {
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
		// A check package no longer generated (no module any more) leaves no empty
		// directory behind; one holding other files stays.
		_ = os.Remove(filepath.Join(dir, generator.CheckPackage(p.API.Package)))
		fmt.Fprintf(stdout, "%s → %s (%d files)\n", strings.Join(p.API.SpecPaths(), ", "), dir, len(gen))
	}
	warnings := slices.Clone(problems)
	for _, p := range pkgs {
		warnings = append(warnings, p.API.Warnings...)
	}
	for _, d := range warnings.Sort() {
		fmt.Fprintln(stderr, d) // the problems, and the warnings of the packages generated
	}
	for _, s := range stale {
		fmt.Fprintln(stderr, s)
	}
	if len(problems) > 0 || len(stale) > 0 {
		if len(stale) > 0 {
			fmt.Fprintln(stderr, "generated code is out of date; run acsgen generate")
		}
		return errFindings
	}
	return nil
}

// genOutputs places generated files in dir.
func genOutputs(dir string, files []generator.File) []output {
	outs := make([]output, len(files))
	for i, f := range files {
		outs[i] = output{filepath.Join(dir, filepath.FromSlash(f.Name)), f.Src}
	}
	return outs
}

// extraGenerated lists the generated files in dir and its check package
// (*_gen.go, *_gen_test.go) the specs no longer produce. Only those are ever
// removed, so hand-written files beside them are safe.
func extraGenerated(dir string, files []generator.File) ([]string, error) {
	return generator.NoLongerGenerated(dir, files)
}
