package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/internal/boundedfile"
	"github.com/acsgen/acsgen/mock"
)

// mockOptions are the flags of "acsgen mock".
type mockOptions struct {
	conf              *projectConfig
	specs             *multiFlag
	addr, recordings  *string
	keyID, secretFile *string
	plainSecret       *refusedFlag
}

// mockFlags defines the flags of "acsgen mock", which serves the specs'
// operations until its context ends or a signal arrives.
func mockFlags(fs *flag.FlagSet) action {
	o := mockOptions{
		specs:       specFlag(fs),
		conf:        configFlag(fs),
		addr:        fs.String("addr", "127.0.0.1:8080", "`HOST:PORT` to listen on; port 0 picks a free port"),
		recordings:  fs.String("recordings", "", "`DIR` of go-vcr cassettes answered before the spec examples"),
		keyID:       fs.String("access-key-id", "", "verify signatures with this access key `ID`; without the pair of flags, $ALIBABA_CLOUD_ACCESS_KEY_ID"),
		secretFile:  fs.String("access-key-secret-file", "", "`FILE` holding the access key's secret (one line); without the pair of flags, $ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
		plainSecret: &refusedFlag{},
	}
	fs.Var(o.plainSecret, "access-key-secret", "refused: a secret on the command line is visible to every user in ps; use --access-key-secret-file or $ALIBABA_CLOUD_ACCESS_KEY_SECRET")
	return o.run
}

func (o mockOptions) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if err := o.conf.load(map[string]configField{"spec": cfgSpecs}); err != nil {
		return err
	}
	// Checked before the arguments: "--access-key-secret S" leaves S as an
	// argument, which "unexpected argument" would print.
	if o.plainSecret.given {
		return usagef("--access-key-secret is refused: a secret on the command line is visible to every user " +
			"of the machine (ps, /proc) and stays in shell history; put it in a file for --access-key-secret-file, " +
			"or in $ALIBABA_CLOUD_ACCESS_KEY_SECRET with the key ID in $ALIBABA_CLOUD_ACCESS_KEY_ID")
	}
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	keyID, keySecret, err := o.accessKey()
	if err != nil {
		return err
	}
	recordings := *o.recordings
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

// accessKey is the key the mock verifies signatures with: the pair of flags, or
// else the pair of environment variables; none means verification is off.
func (o mockOptions) accessKey() (id, secret string, err error) {
	id, file := *o.keyID, *o.secretFile
	if id == "" && file == "" {
		id, secret = os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
		if (id == "") != (secret == "") {
			return "", "", usagef("$ALIBABA_CLOUD_ACCESS_KEY_ID and $ALIBABA_CLOUD_ACCESS_KEY_SECRET go together")
		}
		return id, secret, nil
	}
	if id == "" || file == "" {
		return "", "", usagef("--access-key-id and --access-key-secret-file go together")
	}
	secret, err = readSecretFile(file)
	if err != nil {
		return "", "", fmt.Errorf("--access-key-secret-file: %w", err)
	}
	return id, secret, nil
}

// maxSecretFile bounds the secret file: an access key secret is 30 characters.
const maxSecretFile = 4 << 10

// readSecretFile reads a secret from a regular file (not a FIFO or a device, which
// could block or never end), without the line ending an editor leaves. Errors
// name the file, never its content.
func readSecretFile(path string) (string, error) {
	data, err := boundedfile.Read(path, maxSecretFile, "secret file")
	if err != nil {
		return "", err
	}
	secret := strings.TrimRight(string(data), "\r\n")
	if secret == "" || strings.ContainsAny(secret, "\r\n") {
		return "", fmt.Errorf("%s must hold the secret on one line", path)
	}
	return secret, nil
}

// refusedFlag is a flag kept only to refuse it with a reason. It takes no separate
// value, as a bool flag does, and never fails to parse: the flag package quotes a
// value it cannot parse in its error, and this one would be a secret.
type refusedFlag struct{ given bool }

func (f *refusedFlag) String() string   { return "" }
func (f *refusedFlag) Set(string) error { f.given = true; return nil }
func (f *refusedFlag) IsBoolFlag() bool { return true }

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
