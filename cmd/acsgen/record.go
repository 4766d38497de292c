package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"sync"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/record"
)

// recordOptions are the flags of "acsgen record".
type recordOptions struct {
	conf                *projectConfig
	specs               *multiFlag
	upstream, out, addr *string
	maxBody             *int64
	resign              *bool
}

// recordFlags defines the flags of "acsgen record", which proxies to the upstream
// and records until its context ends or a signal arrives.
func recordFlags(fs *flag.FlagSet) action {
	o := recordOptions{
		specs:    specFlag(fs),
		conf:     configFlag(fs),
		upstream: fs.String("upstream", "", "`URL` requests are forwarded to, e.g. https://apig.cn-hangzhou.aliyuncs.com (required)"),
		out:      fs.String("out", "", "`DIR` the cassettes are written to (required)"),
		addr:     fs.String("addr", "127.0.0.1:8081", "`HOST:PORT` to listen on; port 0 picks a free port"),
		maxBody:  fs.Int64("max-body", record.DefaultMaxBody, "largest request or response body recorded, in `BYTES`"),
		resign:   fs.Bool("resign", false, "sign ACS3 requests again for the upstream host with $ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET (and $ALIBABA_CLOUD_SECURITY_TOKEN)"),
	}
	return o.run
}

func (o recordOptions) run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if err := o.conf.load(map[string]configField{"spec": cfgSpecs}); err != nil {
		return err
	}
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	upstream, out, maxBody := o.upstream, o.out, o.maxBody
	if *upstream == "" {
		return usagef("--upstream is required")
	}
	if *out == "" {
		return usagef("--out is required")
	}
	u, err := url.Parse(*upstream)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usagef("--upstream %q is not an http(s) URL with a host", *upstream)
	}
	if *maxBody <= 0 {
		return usagef("--max-body must be positive")
	}
	var cred *acs.Credential
	if *o.resign {
		c := acs.Credential{AccessKeyID: os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"), AccessKeySecret: os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
			SecurityToken: os.Getenv("ALIBABA_CLOUD_SECURITY_TOKEN")}
		if c.AccessKeyID == "" || c.AccessKeySecret == "" {
			return errors.New("--resign needs ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET in the environment")
		}
		cred = &c
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	set, err := loadSpecSet(*o.specs, stderr)
	if err != nil {
		return err
	}
	ln, err := listen(*o.addr)
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
	return serve(ctx, ln, "record", record.Proxy(u, rec, cred), stdout)
}
