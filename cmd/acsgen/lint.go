package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
)

// lintFlags defines the flags of "acsgen lint", which loads and builds each spec
// and reports every problem the generator would stop at, and its warnings,
// writing nothing.
func lintFlags(fs *flag.FlagSet) action {
	specs := specFlag(fs)
	conf := configFlag(fs)
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q; specs are given with --spec, as in: acsgen lint --spec %s", args[0], args[0])
		}
		if err := conf.load(map[string]configField{"spec": cfgSpecs}); err != nil {
			return err
		}
		return lint(*specs, conf.packages(), stdout, stderr)
	}
}

// lint builds the specs as generate places them in packages, so that it also
// reports what the spec files of one package disagree on.
func lint(specs []string, packages map[string]string, stdout, stderr io.Writer) error {
	files, err := specFiles(specs)
	if err != nil {
		return err
	}
	var problems diag.List
	pkgs, err := generator.Packages(files, generator.Options{SpecPackages: packages})
	if !errors.As(err, &problems) && err != nil {
		return err
	}
	for _, p := range pkgs {
		problems = append(problems, p.API.Warnings...)
	}
	problems = problems.Sort()
	for _, d := range problems {
		fmt.Fprintln(stdout, d)
	}
	// Warnings are printed but do not fail lint, as acsgen import's do not: the
	// generated code is right and safe with them (diag.Diagnostic.Warning).
	errs, warnings := problems.Count()
	switch {
	case errs > 0 && warnings > 0:
		fmt.Fprintf(stderr, "%d problem(s) and %d warning(s) in %d spec(s)\n", errs, warnings, len(files))
	case errs > 0:
		fmt.Fprintf(stderr, "%d problem(s) in %d spec(s)\n", errs, len(files))
	case warnings > 0:
		fmt.Fprintf(stderr, "%d spec(s) OK, %d warning(s)\n", len(files), warnings)
	default:
		fmt.Fprintf(stderr, "%d spec(s) OK\n", len(files))
	}
	if errs > 0 {
		return errFindings
	}
	return nil
}
