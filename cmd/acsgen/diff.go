package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/specdiff"
)

// runDiff compares two versions of a spec (files or git REV:PATH) and reports
// oasdiff's findings and the change to the generated Go API.
func runDiff(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("diff", stderr)
	format := fs.String("format", "text", "output format: "+strings.Join(specdiff.Formats, ", "))
	failOn := fs.String("fail-on", "", "exit 1 on breaking changes (breaking) or on breaking changes and warnings (warning)")
	// Flags may come before or after OLD and NEW.
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 2 {
		return fmt.Errorf("%w: want OLD and NEW, got %d argument(s)", errUsage, len(pos))
	}
	if !slices.Contains(specdiff.Formats, *format) {
		return fmt.Errorf("%w: --format %q: want one of %s", errUsage, *format, strings.Join(specdiff.Formats, ", "))
	}
	if *failOn != "" && *failOn != "breaking" && *failOn != "warning" {
		return fmt.Errorf("%w: --fail-on %q: want breaking or warning", errUsage, *failOn)
	}
	old, err := specdiff.Read(pos[0], "")
	if err != nil {
		return err
	}
	new, err := specdiff.Read(pos[1], "")
	if err != nil {
		return err
	}
	report, err := specdiff.Diff(old, new, specdiff.Options{})
	var dl diag.List
	if errors.As(err, &dl) {
		for _, d := range dl.Sort() {
			fmt.Fprintln(stderr, d)
		}
		return fmt.Errorf("spec does not load")
	}
	if err != nil {
		return err
	}
	if err := report.Write(stdout, *format); err != nil {
		return err
	}
	if failed(report, *failOn) {
		return errFindings
	}
	return nil
}

// failed applies --fail-on: breaking means a breaking spec change or an
// incompatible Go API change; warning adds oasdiff's warnings.
func failed(r *specdiff.Report, failOn string) bool {
	switch failOn {
	case "breaking":
		return r.Count(specdiff.LevelBreaking) > 0 || r.Incompatible()
	case "warning":
		return r.Count(specdiff.LevelBreaking) > 0 || r.Incompatible() || r.Count(specdiff.LevelWarning) > 0
	}
	return false
}
