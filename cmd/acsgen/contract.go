package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/diag"
)

const contractUsage = "contract [--spec FILE|DIR]... [--strict] [--compiled=false] [--format text|json|junit|github] [--coverage] [--suggest FILE] RECORDING|DIR..."

// runContract checks recordings (go-vcr cassettes, HAR files) against the specs.
func runContract(args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("contract", stderr)
	var specs multiFlag
	fset.Var(&specs, "spec", "spec file or directory of specs (repeatable; default spec/)")
	strict := fset.Bool("strict", false, "also report drift: undocumented properties and query parameters, statuses only default covers, open-enum values")
	format := fset.String("format", "text", "report format: "+strings.Join(contract.Formats, ", "))
	coverage := fset.Bool("coverage", false, "report the operations, statuses and response fields the recordings exercised and missed (on stderr for junit and github)")
	compiled := fset.Bool("compiled", true, "check responses with the generated code built into acsgen where spec/ is what it was generated from; false: kin-openapi only")
	suggest := fset.String("suggest", "", "write an OpenAPI Overlay 1.0 `FILE` proposing spec changes that document what was seen (one per spec: FILE.<spec>.yaml when several)")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		return fmt.Errorf("%w: no recordings given", errUsage)
	}
	if !slices.Contains(contract.Formats, *format) {
		return fmt.Errorf("%w: unknown --format %q; want one of %s", errUsage, *format, strings.Join(contract.Formats, ", "))
	}
	specPaths, err := specFiles(specs)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	recordings, err := contract.RecordingFiles(fset.Args())
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	set, err := contract.Load(specPaths)
	var dl diag.List
	if errors.As(err, &dl) {
		for _, d := range dl {
			fmt.Fprintln(stderr, d)
		}
		return fmt.Errorf("the specs have problems; fix them first (acsgen lint)")
	}
	if err != nil {
		return err
	}
	if *compiled {
		set.UseCompiled(compiledSpecs...)
	}

	report := &contract.Report{Recordings: len(recordings)}
	prog := newProgress(stderr, len(recordings))
	for _, path := range recordings {
		prog.step(path)
		results, err := set.CheckRecording(path, contract.Options{Strict: *strict})
		if err != nil {
			prog.done()
			return err
		}
		report.Results = append(report.Results, results...)
	}
	prog.done()

	var cov *contract.Coverage
	if *coverage {
		c := set.Coverage(report.Results)
		cov = &c
		if contract.CoverageInline(*format) {
			report.Coverage = cov
		}
	}
	if err := report.Write(stdout, *format); err != nil {
		return err
	}
	if cov != nil && report.Coverage == nil {
		if err := contract.WriteCoverage(stderr, *cov); err != nil {
			return err
		}
	}
	if *suggest != "" {
		if err := writeSuggestions(set, report.Results, *suggest, stderr); err != nil {
			return err
		}
	}
	sum := report.Summary()
	fmt.Fprintln(stderr, sum)
	if sum.Findings > 0 {
		return errFindings
	}
	return nil
}

// writeSuggestions writes one overlay per spec the findings concern. With one spec
// the overlay is file itself; with several, file's name gets the spec's stem:
// suggest.yaml becomes suggest.apig-2024-03-27.yaml.
func writeSuggestions(set *contract.Set, results []contract.Result, file string, stderr io.Writer) error {
	overlays, err := set.Suggest(results)
	if err != nil {
		return err
	}
	if len(overlays) == 0 {
		fmt.Fprintln(stderr, "no spec changes to suggest; nothing written to", file)
		return nil
	}
	for _, ov := range overlays {
		path := file
		if len(overlays) > 1 {
			ext := filepath.Ext(file)
			stem := strings.TrimSuffix(filepath.Base(ov.Spec), filepath.Ext(ov.Spec))
			path = strings.TrimSuffix(file, ext) + "." + stem + ext
		}
		if err := os.WriteFile(path, ov.YAML, 0o644); err != nil {
			return fmt.Errorf("write suggestions: %w", err)
		}
		fmt.Fprintf(stderr, "suggested changes to %s written to %s\n", ov.Spec, path)
	}
	return nil
}
