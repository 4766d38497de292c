package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/metadata"
	"github.com/acsgen/acsgen/specsync"
)

var syncHelp = helpText{
	summary: "report where a spec has fallen behind Alibaba's API metadata",
	usage:   "sync --metadata FILE [--spec FILE|DIR]... [--config FILE] [--suggest FILE] [--format text|json] [--fail-on drift]",
	about: `Sync compares each spec with the product's api-docs.json for the operations the
spec holds: parameters and response properties the metadata has and the spec
lacks, types and required-ness that contradict, enum values, deprecations and
regions the spec does not state, and operations the metadata no longer has.
Each difference is printed with the spec's file, line and column.

--suggest writes an OpenAPI Overlay 1.0 that adds what is missing (one per spec:
FILE.<spec>.yaml when several). A difference kept on purpose is marked in the
spec, x-acs-sync: keep on the parameter or schema, or x-acs-sync-ignore with the
names on the operation, object schema or regionId variable, and is no longer
reported. The exit status is 0 whatever was found, unless --fail-on drift is
given: then it is 1 when anything was.`,
	examples: []example{
		{"what the metadata has that the spec lacks", "sync --metadata api-docs.json --spec spec/apig-2024-03-27.yaml"},
		{"fail CI on drift and propose the fix", "sync --metadata api-docs.json --suggest sync.overlay.yaml --fail-on drift"},
	},
}

// syncFlags defines the flags of "acsgen sync".
func syncFlags(fs *flag.FlagSet) action {
	specs := specFlag(fs)
	conf := configFlag(fs)
	meta := fs.String("metadata", "", "the product version's api-docs.json `FILE` (required)")
	suggest := fs.String("suggest", "", "write an OpenAPI Overlay 1.0 `FILE` adding what the specs lack")
	format := fs.String("format", "text", "report format, one of `text|json`")
	failOn := fs.String("fail-on", "", "exit 1 when there is `drift`")
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q; specs are given with --spec", args[0])
		}
		if *meta == "" {
			return usagef("--metadata is required")
		}
		if !slices.Contains([]string{"text", "json"}, *format) {
			return usagef("unknown --format %q; want text or json", *format)
		}
		if *failOn != "" && *failOn != "drift" {
			return usagef("unknown --fail-on %q; want drift", *failOn)
		}
		if err := conf.load(map[string]configField{"spec": cfgSpecs}); err != nil {
			return err
		}
		return syncSpecs(*specs, *meta, *suggest, *format, *failOn == "drift", stdout, stderr)
	}
}

func syncSpecs(specs []string, metaPath, suggest, format string, failOnDrift bool, stdout, stderr io.Writer) error {
	files, err := specFiles(specs)
	if err != nil {
		return err
	}
	doc, err := metadata.ReadFile(metaPath)
	if err != nil {
		return err
	}
	var items []specsync.Item
	var overlays [][2]string // spec, overlay
	for _, path := range files {
		spec, err := load.File(path)
		var dl diag.List
		if errors.As(err, &dl) {
			for _, d := range dl {
				fmt.Fprintln(stderr, d)
			}
			return errors.New("the specs have problems; fix them first (acsgen lint)")
		}
		if err != nil {
			return err
		}
		res, err := specsync.Compare(spec, doc, metaPath)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		items = append(items, res.Items...)
		if res.Overlay != nil {
			overlays = append(overlays, [2]string{path, string(res.Overlay)})
		}
	}
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		type row struct {
			specsync.Item
			Position string `json:"position"`
		}
		rows := make([]row, len(items))
		for i, it := range items {
			rows[i] = row{it, it.Pos.String()}
		}
		if err := enc.Encode(rows); err != nil {
			return err
		}
	} else {
		for _, it := range items {
			fmt.Fprintf(stdout, "%s [%s]\n", it, it.Kind)
		}
	}
	if suggest != "" {
		if err := writeOverlays(overlays, suggest, stderr); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "%d difference(s) from %s in %d spec(s)\n", len(items), metaPath, len(files))
	if failOnDrift && len(items) > 0 {
		return errFindings
	}
	return nil
}

// writeOverlays writes each spec's overlay to file, or to file.<spec>.yaml when
// there are several, as contract --suggest names them.
func writeOverlays(overlays [][2]string, file string, stderr io.Writer) error {
	if len(overlays) == 0 {
		fmt.Fprintln(stderr, "nothing to add; nothing written to", file)
		return nil
	}
	specs := make([]string, len(overlays))
	for i, ov := range overlays {
		specs[i] = ov[0]
	}
	paths := overlayPaths(file, specs)
	for i, ov := range overlays {
		path := paths[i]
		if err := os.WriteFile(path, []byte(ov[1]), 0o644); err != nil {
			return fmt.Errorf("--suggest: %w", err)
		}
		fmt.Fprintf(stderr, "additions to %s written to %s\n", ov[0], path)
	}
	return nil
}
