package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/specdiff"
)

// diffFlags defines the flags of "acsgen diff", which compares two versions of a
// spec (files or git REV:PATH) and reports oasdiff's findings and the change to
// the generated Go API.
func diffFlags(fs *flag.FlagSet) action {
	format := fs.String("format", "text", "output format, one of `"+strings.Join(specdiff.Formats, "|")+"`")
	failOn := fs.String("fail-on", "", "exit 1 at this level, `breaking|warning`: breaking for breaking spec changes and incompatible Go API changes, warning for those and oasdiff's warnings (default: only report)")
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		return diff(args, *format, *failOn, stdout, stderr)
	}
}

func diff(pos []string, format, failOn string, stdout, stderr io.Writer) error {
	if len(pos) != 2 {
		return usagef("want OLD and NEW, got %d argument(s)", len(pos))
	}
	if !slices.Contains(specdiff.Formats, format) {
		return usagef("--format %q: want one of %s", format, strings.Join(specdiff.Formats, ", "))
	}
	if failOn != "" && failOn != "breaking" && failOn != "warning" {
		return usagef("--fail-on %q: want breaking or warning", failOn)
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
	if err := report.Write(stdout, format); err != nil {
		return err
	}
	if failed(report, failOn) {
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
