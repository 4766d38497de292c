package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/contract"
)

// contractMergeFlags defines the flags of "acsgen contract merge", which puts the
// JSON reports of the shards of one contract run back together.
func contractMergeFlags(fs *flag.FlagSet) action {
	format := fs.String("format", "text", "report format, one of `"+strings.Join(contract.Formats, "|")+"`")
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) == 0 {
			return usagef("no reports given; name the JSON report of every shard")
		}
		if !slices.Contains(contract.Formats, *format) {
			return usagef("unknown --format %q; want one of %s", *format, strings.Join(contract.Formats, ", "))
		}
		var reports []*contract.ShardReport
		for _, path := range args {
			r, err := contract.ReadShardReport(path)
			if err != nil {
				return err
			}
			reports = append(reports, r)
		}
		report, err := contract.Merge(reports)
		if err != nil {
			return err
		}
		if len(report.Results) == 0 {
			return fmt.Errorf("no interactions in the recordings of the shards (%d file(s)): nothing was checked", report.Recordings)
		}
		cov := report.Coverage
		report.Coverage = nil
		if err := writeReport(report, *format, cov, stdout, stderr); err != nil {
			return err
		}
		sum := report.Summary()
		fmt.Fprintln(stderr, sum)
		if sum.Findings > 0 {
			return errFindings
		}
		return nil
	}
}
