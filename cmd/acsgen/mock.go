package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/mock"
)

func runMock(args []string, stdout, stderr io.Writer) error {
	return runMockContext(context.Background(), args, stdout, stderr)
}

// runMockContext serves the specs' operations until ctx ends or a signal arrives.
func runMockContext(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("mock", stderr)
	var specs multiFlag
	fset.Var(&specs, "spec", "spec file or directory of specs (repeatable; default spec/)")
	addr := fset.String("addr", "127.0.0.1:8080", "address to listen on")
	recordings := fset.String("recordings", "", "directory of go-vcr cassettes answered before the spec examples")
	keyID := fset.String("access-key-id", "", "verify signatures with this access key (default $ALIBABA_CLOUD_ACCESS_KEY_ID)")
	keySecret := fset.String("access-key-secret", "", "its secret (default $ALIBABA_CLOUD_ACCESS_KEY_SECRET)")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fset.Arg(0))
	}
	if *keyID == "" && *keySecret == "" {
		*keyID, *keySecret = os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
	}
	if (*keyID == "") != (*keySecret == "") {
		return fmt.Errorf("%w: --access-key-id and --access-key-secret go together", errUsage)
	}
	if *recordings != "" {
		if info, err := os.Stat(*recordings); err != nil || !info.IsDir() {
			return fmt.Errorf("%w: --recordings %s is not a directory", errUsage, *recordings)
		}
	}
	set, err := loadSpecSet(specs, stderr)
	if err != nil {
		return err
	}
	handler, err := mock.New(set, mock.Options{Recordings: *recordings, AccessKeyID: *keyID, AccessKeySecret: *keySecret})
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	verifying := "off"
	if *keyID != "" {
		verifying = "on for " + *keyID
	}
	fmt.Fprintf(stderr, "acsgen mock: %d operation(s); signature verification %s\n", len(set.Operations()), verifying)
	return serve(ctx, *addr, "mock", handler, stdout)
}

// loadSpecSet loads the specs named by --spec flags (default spec/), printing spec
// problems one per line.
func loadSpecSet(specs []string, stderr io.Writer) (*contract.Set, error) {
	specPaths, err := specFiles(specs)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	set, err := contract.Load(specPaths)
	var dl diag.List
	if errors.As(err, &dl) {
		for _, d := range dl {
			fmt.Fprintln(stderr, d)
		}
		return nil, fmt.Errorf("%w: the specs have problems; fix them first (acsgen lint)", errUsage)
	}
	return set, err
}
