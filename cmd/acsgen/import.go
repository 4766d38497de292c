package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/acsgen/acsgen/metadata"
)

var importHelp = helpText{
	summary: "start a spec from Alibaba Cloud's API metadata (api-docs.json)",
	usage:   "import [--operation NAME]... [--out FILE] METADATA",
	about: `Import reads one product version's api-docs.json, the API metadata Alibaba
Cloud publishes for every product, and writes an OpenAPI 3.0.3 spec in acsgen's
conventions: servers and regions from the endpoints, RPC actions under
/#Action=NAME, ROA paths and methods, request bodies, response schemas with their
examples, the product's error body. With --operation only the named operations
are imported, with the shared schemas they use. The output is the same for the
same input, for a person to read and then maintain by hand.

What OpenAPI cannot state (repeatList, flat and json parameter styles, form
bodies, regions with a host of their own) is kept as x-acs-* extensions; see
spec/README.md. What the metadata holds that the spec cannot carry is reported on
standard error, naming the API and the field; the spec is still written, and the
exit status is 1 when any such problem is more than a warning.`,
	examples: []example{
		{"one operation, to a spec file", "import --operation GetPluginAttachment --out spec/apig-2024-03-27.yaml api-docs.json"},
		{"a whole product, to standard output", "import ../metadata/sts/2015-04-01/api-docs.json"},
	},
}

// importFlags defines the flags of "acsgen import".
func importFlags(fs *flag.FlagSet) action {
	var ops multiFlag
	fs.Var(&ops, "operation", "import only the operation `NAME` (repeatable; default: every operation)")
	out := fs.String("out", "", "write the spec to `FILE` (default: standard output)")
	return func(_ context.Context, args []string, stdout, stderr io.Writer) error {
		if len(args) != 1 {
			return usagef("want one METADATA file, got %d", len(args))
		}
		return importMetadata(args[0], ops, *out, stdout, stderr)
	}
}

func importMetadata(path string, ops []string, out string, stdout, stderr io.Writer) error {
	doc, err := metadata.ReadFile(path)
	if err != nil {
		return err
	}
	spec, problems := metadata.Import(doc, metadata.Options{Operations: ops, Source: filepath.ToSlash(path)})
	if out == "" {
		if _, err := stdout.Write(spec); err != nil {
			return err
		}
	} else if err := writeFileAtomic(out, spec); err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	n := metadata.Errors(problems)
	if out != "" {
		fmt.Fprintf(stderr, "%s → %s: %d problem(s), %d warning(s)\n", path, out, n, len(problems)-n)
	}
	if n > 0 {
		return errFindings
	}
	return nil
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory, so a failed write never leaves half a spec behind.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
