package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/mock"
)

// mockOptions are the flags of "acsgen mock".
type mockOptions struct {
	conf             *projectConfig
	specs            *multiFlag
	addr, recordings *string
	keyID, keySecret *string
}

// mockFlags defines the flags of "acsgen mock", which serves the specs'
// operations until its context ends or a signal arrives.
func mockFlags(fs *flag.FlagSet) action {
	o := mockOptions{
		specs:      specFlag(fs),
		conf:       configFlag(fs),
		addr:       fs.String("addr", "127.0.0.1:8080", "`HOST:PORT` to listen on; port 0 picks a free port"),
		recordings: fs.String("recordings", "", "`DIR` of go-vcr cassettes answered before the spec examples"),
		keyID:      fs.String("access-key-id", "", "verify signatures with this access key `ID`; without the pair of flags, $ALIBABA_CLOUD_ACCESS_KEY_ID"),
		keySecret:  fs.String("access-key-secret", "", "the access key's `SECRET`; without the pair of flags, $ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
	}
	return o.run
}

func (o mockOptions) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if err := o.conf.load(map[string]configField{"spec": cfgSpecs}); err != nil {
		return err
	}
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	keyID, keySecret, recordings := *o.keyID, *o.keySecret, *o.recordings
	if keyID == "" && keySecret == "" {
		keyID, keySecret = os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
	}
	if (keyID == "") != (keySecret == "") {
		return usagef("--access-key-id and --access-key-secret go together")
	}
	if recordings != "" {
		info, err := os.Stat(recordings)
		if err != nil {
			return fmt.Errorf("--recordings: %w", err)
		}
		if !info.IsDir() {
			return usagef("--recordings %s is not a directory", recordings)
		}
	}
	set, err := loadSpecSet(*o.specs, stderr)
	if err != nil {
		return err
	}
	handler, err := mock.New(set, mock.Options{Recordings: recordings, AccessKeyID: keyID, AccessKeySecret: keySecret})
	if err != nil {
		return err
	}
	ln, err := listen(*o.addr)
	if err != nil {
		return err
	}
	verifying := "off"
	if keyID != "" {
		verifying = "on for " + keyID
	}
	fmt.Fprintf(stderr, "acsgen mock: %d operation(s); signature verification %s\n", len(set.Operations()), verifying)
	return serve(ctx, ln, "mock", handler, stdout)
}

// loadSpecSet loads the specs named by --spec flags (default spec/), printing spec
// problems one per line.
func loadSpecSet(specs []string, stderr io.Writer) (*contract.Set, error) {
	specPaths, err := specFiles(specs)
	if err != nil {
		return nil, err
	}
	set, err := contract.Load(specPaths)
	var dl diag.List
	if errors.As(err, &dl) {
		for _, d := range dl {
			fmt.Fprintln(stderr, d)
		}
		return nil, errors.New("the specs have problems; fix them first (acsgen lint)")
	}
	return set, err
}
