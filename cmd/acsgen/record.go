package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"sync"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/record"
)

func runRecord(args []string, stdout, stderr io.Writer) error {
	return runRecordContext(context.Background(), args, stdout, stderr)
}

// runRecordContext proxies to the upstream and records until ctx ends or a signal arrives.
func runRecordContext(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("record", stderr)
	var specs multiFlag
	fset.Var(&specs, "spec", "spec file or directory of specs (repeatable; default spec/)")
	upstream := fset.String("upstream", "", "URL requests are forwarded to, e.g. https://apig.cn-hangzhou.aliyuncs.com")
	out := fset.String("out", "", "directory the cassettes are written to")
	addr := fset.String("addr", "127.0.0.1:8081", "address to listen on")
	maxBody := fset.Int64("max-body", record.DefaultMaxBody, "largest request or response body recorded, in bytes")
	resign := fset.Bool("resign", false, "sign ACS3 requests again for the upstream host with $ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET (and $ALIBABA_CLOUD_SECURITY_TOKEN)")
	if err := parse(fset, args); err != nil {
		return err
	}
	if fset.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fset.Arg(0))
	}
	if *upstream == "" || *out == "" {
		return fmt.Errorf("%w: --upstream and --out are required", errUsage)
	}
	u, err := url.Parse(*upstream)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: --upstream %q is not an http(s) URL with a host", errUsage, *upstream)
	}
	if *maxBody <= 0 {
		return fmt.Errorf("%w: --max-body must be positive", errUsage)
	}
	var cred *acs.Credential
	if *resign {
		c := acs.Credential{AccessKeyID: os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), AccessKeySecret: os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
			SecurityToken: os.Getenv("ALIBABA_CLOUD_SECURITY_TOKEN")}
		if c.AccessKeyID == "" || c.AccessKeySecret == "" {
			return fmt.Errorf("%w: --resign needs ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET", errUsage)
		}
		cred = &c
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("%w: --out: %v", errUsage, err)
	}
	set, err := loadSpecSet(specs, stderr)
	if err != nil {
		return err
	}
	var mu sync.Mutex // the recorder notifies from concurrent requests
	rec := record.Transport(*out, nil, record.WithSpecs(set), record.WithMaxBody(*maxBody), record.WithNotify(func(name string) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(stderr, "acsgen record: wrote %s\n", name)
	}))
	fmt.Fprintf(stderr, "acsgen record: forwarding to %s, recording into %s\n", u.Redacted(), *out)
	return serve(ctx, *addr, "record", record.Proxy(u, rec, cred), stdout)
}
