package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/docs"
	"github.com/acsgen/acsgen/project"
)

// docsFlags defines the flags of "acsgen docs", which renders the Markdown
// reference under --out from the specs and the example tests of the generated
// packages.
func docsFlags(fs *flag.FlagSet) action {
	specs := specFlag(fs)
	out := fs.String("out", "docs", "output root `DIR`: DIR/README.md and DIR/<package>/")
	gen := fs.String("generated", "generated", "root `DIR` of the generated packages, whose example_test.go files the pages show")
	check := fs.Bool("check", false, "write nothing; list stale, missing and extra files and exit 1 if there are any")
	conf := configFlag(fs)
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q; specs are given with --spec", args[0])
		}
		if err := conf.load(map[string]configField{"spec": cfgSpecs, "out": cfgDocs, "generated": cfgOut}); err != nil {
			return err
		}
		return renderDocs(*specs, *out, *gen, conf.packages(), *check, stdout, stderr)
	}
}

// renderDocs writes (or with check, compares) the pages of the specs under out.
// The pages name each package by its import path, from the module holding gen.
func renderDocs(specs []string, out, gen string, packages map[string]string, check bool, stdout, stderr io.Writer) error {
	files, err := specFiles(specs)
	if err != nil {
		return err
	}
	pages, problems, err := docs.Render(files, gen, generator.Options{
		SpecPackages: packages,
		ImportPath: func(name string) string {
			path, _ := project.ImportPathOf(filepath.Join(gen, name)) // outside a module: the page shows the package name
			return path
		},
	})
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	extra, err := extraDocs(out, pages)
	if err != nil {
		return err
	}
	var stale []string
	if check {
		stale, err = staleOutputs(docOutputs(out, pages), extra)
	} else {
		err = writeOutputs(docOutputs(out, pages), extra)
		if err == nil {
			fmt.Fprintf(stdout, "%d spec(s) → %s (%d files)\n", len(files), out, len(pages))
		}
	}
	if err != nil {
		return err
	}
	for _, s := range stale {
		fmt.Fprintln(stderr, s)
	}
	if len(stale) > 0 {
		fmt.Fprintln(stderr, "docs are out of date; run acsgen docs")
	}
	if len(problems) > 0 || len(stale) > 0 {
		return errFindings
	}
	return nil
}

// docOutputs places pages under out.
func docOutputs(out string, pages []docs.File) []output {
	outs := make([]output, len(pages))
	for i, p := range pages {
		outs[i] = output{filepath.Join(out, filepath.FromSlash(p.Name)), p.Src}
	}
	return outs
}

// extraDocs lists the *.md files directly in the directories pages go to that
// no page claims. Other files and directories are left alone.
func extraDocs(out string, pages []docs.File) ([]string, error) {
	var dirs, names []string
	for _, p := range pages {
		names = append(names, filepath.Join(out, filepath.FromSlash(p.Name)))
		dirs = append(dirs, filepath.Dir(filepath.Join(out, filepath.FromSlash(p.Name))))
	}
	slices.Sort(dirs)
	var res []string
	for _, dir := range slices.Compact(dirs) {
		matches, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil {
			return nil, err
		}
		for _, m := range matches {
			if !slices.Contains(names, m) && strings.HasSuffix(m, ".md") {
				res = append(res, m)
			}
		}
	}
	return res, nil
}
