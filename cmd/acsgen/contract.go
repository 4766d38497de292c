package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/diag"
)

// runContract checks go-vcr cassettes against the specs.
func runContract(args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("contract", stderr)
	var specs multiFlag
	fset.Var(&specs, "spec", "spec file or directory of specs (repeatable; default spec/)")
	strict := fset.Bool("strict", false, "also report response properties the spec does not document")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() == 0 {
		return fmt.Errorf("%w: no recordings given", errUsage)
	}
	specPaths, err := specFiles(specs)
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
	recordings, err := recordingFiles(fset.Args())
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	total, failed := 0, 0
	for _, path := range recordings {
		found, n, err := set.CheckFile(path, contract.Options{Strict: *strict})
		if err != nil {
			return err
		}
		total += n
		for _, f := range found {
			fmt.Fprintln(stdout, f)
		}
		failed += len(found)
	}
	fmt.Fprintf(stderr, "%d interaction(s) in %d recording(s), %d finding(s)\n", total, len(recordings), failed)
	if failed > 0 {
		return errFindings
	}
	return nil
}

// recordingFiles expands directories into the *.yaml cassettes below them.
func recordingFiles(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("recording %s: %w", arg, err)
		}
		if !info.IsDir() {
			out = append(out, arg)
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && strings.HasSuffix(path, ".yaml") {
				out = append(out, filepath.ToSlash(path))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}
