package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/diag"
)

// contractOptions are the flags of "acsgen contract".
type contractOptions struct {
	conf     *projectConfig
	specs    *multiFlag
	strict   *bool
	format   *string
	coverage *bool
	compiled *bool
	suggest  *string
	shard    *string
}

// contractFlags defines the flags of "acsgen contract", which checks recordings
// (go-vcr cassettes, HAR files) against the specs.
func contractFlags(fs *flag.FlagSet) action {
	o := contractOptions{
		specs:    specFlag(fs),
		conf:     configFlag(fs),
		strict:   fs.Bool("strict", false, "also report drift: undocumented properties and query parameters, statuses only default covers, open-enum values"),
		format:   fs.String("format", "text", "report format, one of `"+strings.Join(contract.Formats, "|")+"`"),
		coverage: fs.Bool("coverage", false, "report the operations, statuses and response fields the recordings exercised and missed (on stderr for junit and github)"),
		compiled: fs.Bool("compiled", true, "check responses with the generated code built into acsgen where spec/ is what it was generated from; --compiled=false: kin-openapi only"),
		suggest:  fs.String("suggest", "", "write an OpenAPI Overlay 1.0 `FILE` proposing spec changes that document what was seen (one per spec: FILE.<spec>.yaml when several)"),
		shard:    fs.String("shard", "", "check only the K-th of N parts of the interactions (`K/N`, K from 1); acsgen contract merge puts the JSON reports of all N back together"),
	}
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		// A cassette is checked from its text, held whole (up to 64 MiB) beside the
		// specs: with the collector's default target the heap may grow to twice what
		// is live before it runs, 5× the file at the peak. Collecting at half keeps
		// the peak within 4× the largest cassette (make memory) for about 7% more
		// time on such files. GOGC, when set, wins.
		if os.Getenv("GOGC") == "" {
			defer debug.SetGCPercent(debug.SetGCPercent(50))
		}
		return o.run(args, stdout, stderr)
	}
}

func (o contractOptions) run(args []string, stdout, stderr io.Writer) error {
	if err := o.conf.load(map[string]configField{"spec": cfgSpecs}); err != nil {
		return err
	}
	if len(args) == 0 {
		return usagef("no recordings given")
	}
	if !slices.Contains(contract.Formats, *o.format) {
		return usagef("unknown --format %q; want one of %s", *o.format, strings.Join(contract.Formats, ", "))
	}
	var shard contract.Shard
	if *o.shard != "" {
		var err error
		if shard, err = contract.ParseShard(*o.shard); err != nil {
			return usagef("--%v", err)
		}
		if *o.suggest != "" {
			return usagef("--suggest needs every interaction, and --shard checks some of them; run it without --shard")
		}
	}
	specPaths, err := specFiles(*o.specs)
	if err != nil {
		return err
	}
	recordings, err := contract.RecordingFiles(args)
	if err != nil {
		return err
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
	if *o.compiled {
		set.UseCompiled(compiledSpecs...)
	}

	opts := contract.Options{Strict: *o.strict, Shard: shard, NoCoverage: !*o.coverage}
	// Passing results are counted, not kept, unless the report lists every
	// interaction (JUnit) or a shard's report hands each on to merge.
	tally := set.NewTally(*o.format == "junit" || *o.shard != "", *o.coverage)
	prog := newProgress(stderr, len(recordings))
	entries := 0
	for _, path := range recordings {
		prog.step(path)
		n, err := set.CheckEach(path, opts, tally.Add)
		if err != nil {
			prog.done()
			return err
		}
		entries += n
	}
	prog.done()
	report := tally.Report()
	report.Recordings = len(recordings)
	if entries == 0 {
		return fmt.Errorf("no interactions in the given recordings (%d file(s)): nothing was checked", len(recordings))
	}
	if *o.shard != "" {
		report.Shard = &contract.ShardRun{Shard: shard, Strict: *o.strict, Specs: set.Specs(),
			Recordings: recordings, Entries: entries}
	}
	return finishReport(report, *o.format, tally.Coverage(), set, *o.suggest, stdout, stderr)
}

// finishReport prints a report in format, its coverage (cov; on stderr for the
// formats that cannot hold it), the suggestions when suggest names a file, and
// the summary line; it returns errFindings when there are findings.
func finishReport(report *contract.Report, format string, cov *contract.Coverage, set *contract.Set, suggest string, stdout, stderr io.Writer) error {
	if err := writeReport(report, format, cov, stdout, stderr); err != nil {
		return err
	}
	if suggest != "" {
		if err := writeSuggestions(set, report.Results, suggest, stderr); err != nil {
			return err
		}
	}
	sum := report.Summary()
	if report.Shard != nil {
		fmt.Fprintf(stderr, "shard %s: %v\n", report.Shard.Shard, sum)
	} else {
		fmt.Fprintln(stderr, sum)
	}
	if sum.Findings > 0 {
		return errFindings
	}
	return nil
}

// writeReport prints report in format to stdout, with the coverage cov (if not
// nil) in it, or on stderr for the formats that cannot hold it.
func writeReport(report *contract.Report, format string, cov *contract.Coverage, stdout, stderr io.Writer) error {
	if cov != nil && contract.CoverageInline(format) {
		report.Coverage = cov
	}
	if err := report.Write(stdout, format); err != nil {
		return err
	}
	if cov != nil && report.Coverage == nil {
		return contract.WriteCoverage(stderr, *cov)
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
	specs := make([]string, len(overlays))
	for i, ov := range overlays {
		specs[i] = ov.Spec
	}
	paths := overlayPaths(file, specs)
	for i, ov := range overlays {
		path := paths[i]
		if err := os.WriteFile(path, ov.YAML, 0o644); err != nil {
			return fmt.Errorf("write suggestions: %w", err)
		}
		fmt.Fprintf(stderr, "suggested changes to %s written to %s\n", ov.Spec, path)
	}
	return nil
}

// overlayPaths are the files the overlays of specs go to: file itself for one,
// else one named by suggestionPath each.
func overlayPaths(file string, specs []string) []string {
	if len(specs) == 1 {
		return []string{file}
	}
	dir := commonDir(specs)
	out := make([]string, len(specs))
	for i, spec := range specs {
		out[i] = suggestionPath(file, dir, spec)
	}
	return out
}

// suggestionPath names the overlay of one spec file among several: its path
// below dir, the directory all of them share, without the extension and with
// dots for slashes. suggest.yaml for spec/apig-2024-03-27.yaml becomes
// suggest.apig-2024-03-27.yaml, and for schemas/pet.yaml of a multi-file spec
// suggest.schemas.pet.yaml, so that no two overlays get one name.
func suggestionPath(file, dir, spec string) string {
	ext := filepath.Ext(file)
	rel, err := filepath.Rel(dir, spec)
	if err != nil {
		rel = filepath.Base(spec)
	}
	stem := strings.ReplaceAll(filepath.ToSlash(strings.TrimSuffix(rel, filepath.Ext(rel))), "/", ".")
	return strings.TrimSuffix(file, ext) + "." + stem + ext
}

// commonDir is the deepest directory that holds every one of paths.
func commonDir(paths []string) string {
	dir := filepath.Dir(paths[0])
	for _, p := range paths[1:] {
		for dir != "." && dir != string(filepath.Separator) && !strings.HasPrefix(filepath.Dir(p)+string(filepath.Separator), dir+string(filepath.Separator)) {
			dir = filepath.Dir(dir)
		}
	}
	return dir
}
