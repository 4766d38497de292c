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
// and reports every problem the generator would stop at, writing nothing.
func lintFlags(fs *flag.FlagSet) action {
	specs := specFlag(fs)
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q; specs are given with --spec, as in: acsgen lint --spec %s", args[0], args[0])
		}
		return lint(*specs, stdout, stderr)
	}
}

func lint(specs []string, stdout, stderr io.Writer) error {
	files, err := specFiles(specs)
	if err != nil {
		return err
	}
	var problems diag.List
	for _, spec := range files {
		_, _, err := generator.Generate(generator.Config{Spec: spec})
		var dl diag.List
		switch {
		case errors.As(err, &dl):
			problems = append(problems, dl...)
		case err != nil:
			return err
		}
	}
	for _, d := range problems.Sort() {
		fmt.Fprintln(stdout, d)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "%d problem(s) in %d spec(s)\n", len(problems), len(files))
		return errFindings
	}
	fmt.Fprintf(stderr, "%d spec(s) OK\n", len(files))
	return nil
}
