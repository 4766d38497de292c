package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
)

// runLint loads and builds each spec and reports every problem the generator
// would stop at, without writing anything.
func runLint(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("lint", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	files, err := specFiles(fs.Args())
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
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
