package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/acsgen/acsgen/acs"
)

// signDateLayout is the x-acs-date format.
const signDateLayout = "2006-01-02T15:04:05Z"

// redactedValue stands for the security token wherever sign prints it.
const redactedValue = "<redacted>"

// signFlags defines the flags of "acsgen sign", which signs one request with
// ACS3-HMAC-SHA256 the way the generated clients do (acs.Signer, acs.Compute,
// acs.SignedHeaderNames) and prints the canonical request,
// the string to sign and the headers to send, for debugging SignatureDoesNotMatch:
// the service's error message carries its string to sign, to compare with ours.
//
// It signs exactly the headers given plus those ACS3 requires: host, x-acs-action,
// x-acs-version, x-acs-date, x-acs-signature-nonce, x-acs-content-sha256 and, for
// STS credentials, x-acs-security-token. Credentials come from the standard chain.
// The secret is never printed; the token is printed as <redacted>.
func signFlags(fs *flag.FlagSet) action {
	var f signOptions
	fs.StringVar(&f.method, "method", "", "HTTP `METHOD`, e.g. GET or POST (required)")
	fs.StringVar(&f.url, "url", "", "the request `URL` with its path and query, as sent (required)")
	fs.StringVar(&f.action, "action", "", "API `NAME`, sent as x-acs-action (required; or give it with --header)")
	fs.StringVar(&f.version, "version", "", "API `VERSION`, sent as x-acs-version (required; or give it with --header)")
	fs.Var(&f.headers, "header", "a header to send and sign, `'name: value'`; repeatable")
	fs.StringVar(&f.body, "body", "", "`FILE` holding the request body, - for standard input (default: empty body)")
	fs.StringVar(&f.date, "date", "", "x-acs-date to sign, a `TIME` in UTC as yyyy-MM-ddTHH:mm:ssZ (default: now)")
	fs.StringVar(&f.nonce, "nonce", "", "x-acs-signature-nonce to sign, any `STRING` (default: 16 random bytes in hex)")
	return func(_ context.Context, args []string, stdout, _ io.Writer) error {
		if len(args) > 0 {
			return usagef("unexpected argument %q", args[0])
		}
		return f.run(stdout)
	}
}

// run signs the request and prints how.
func (f *signOptions) run(stdout io.Writer) error {
	req, signer, err := f.request()
	if err != nil {
		return err
	}
	body, err := f.readBody()
	if err != nil {
		return err
	}
	cred, err := acs.DefaultCredentials().Credential(context.Background())
	if err != nil {
		return fmt.Errorf("%w\n(the default chain reads ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, "+
			"then OIDC, the CLI profile ~/.aliyun/config.json, the credentials file ~/.alibabacloud/credentials "+
			"or $ALIBABA_CLOUD_CREDENTIALS_FILE, the ECS RAM role and $ALIBABA_CLOUD_CREDENTIALS_URI)", err)
	}
	sig := sign(req, body, cred, signer, f.headers)
	printSignature(stdout, req, sig)
	return nil
}

// signOptions are the command line of "acsgen sign".
type signOptions struct {
	method, url, action, version string
	headers                      multiFlag
	body, date, nonce            string
}

// request checks the flags and builds the request to sign, with the given headers,
// action, version, date and nonce set, and a signer whose clock is --date.
func (f *signOptions) request() (*http.Request, acs.Signer, error) {
	var signer acs.Signer
	if f.method == "" {
		return nil, signer, usagef("--method is required")
	}
	if f.url == "" {
		return nil, signer, usagef("--url is required")
	}
	u, err := url.Parse(f.url)
	if err != nil {
		return nil, signer, usagef("--url: %v", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, signer, usagef("--url %q must be an absolute http or https URL with a host", f.url)
	}
	if u.Fragment != "" {
		return nil, signer, usagef("--url %q has a fragment, which is never sent", f.url)
	}
	req, err := http.NewRequest(strings.ToUpper(f.method), u.String(), nil)
	if err != nil {
		return nil, signer, usagef("--method %q: %v", f.method, err)
	}
	for _, h := range f.headers {
		name, value, ok := strings.Cut(h, ":")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, signer, usagef("--header %q is not 'name: value'", headerStart(h))
		}
		switch strings.ToLower(name) {
		case "authorization":
			return nil, signer, usagef("--header %q: the Authorization header is what sign computes", headerStart(h))
		case "x-acs-content-sha256":
			return nil, signer, usagef("--header %q: x-acs-content-sha256 is computed from --body", headerStart(h))
		case "host":
			req.Host = value
		default:
			req.Header.Add(name, value)
		}
	}
	for _, p := range []struct{ flag, header, value string }{
		{"--action", "x-acs-action", f.action},
		{"--version", "x-acs-version", f.version},
		{"--date", "x-acs-date", f.date},
		{"--nonce", "x-acs-signature-nonce", f.nonce},
	} {
		if p.value == "" {
			continue
		}
		if req.Header.Get(p.header) != "" {
			return nil, signer, usagef("give %s or --header '%s: …', not both", p.flag, p.header)
		}
		req.Header.Set(p.header, p.value)
	}
	for _, p := range []struct{ flag, header string }{{"--action", "x-acs-action"}, {"--version", "x-acs-version"}} {
		if req.Header.Get(p.header) == "" {
			return nil, signer, usagef("%s is required (or --header '%s: …')", p.flag, p.header)
		}
	}
	if d := req.Header.Get("x-acs-date"); d != "" {
		t, err := time.Parse(signDateLayout, d)
		if err != nil {
			return nil, signer, usagef("date %q is not yyyy-MM-ddTHH:mm:ssZ (UTC), e.g. 2026-03-16T08:30:00Z", d)
		}
		signer.Now = func() time.Time { return t }
	}
	return req, signer, nil
}

// headerStart is what an error shows of a --header it refuses: the name, or as much
// of the start as could be a name, and "…" for the rest, never the value. A header
// written wrong can still hold a token (x-acs-security-token=…), and usage errors
// end up in CI logs.
func headerStart(h string) string {
	end := strings.IndexFunc(h, func(r rune) bool { return !headerNameRune(r) })
	if end < 0 {
		return h
	}
	return h[:end] + "…"
}

// headerNameRune reports whether r may appear in a header name (RFC 9110 tchar).
func headerNameRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r)
}

// readBody reads --body: a file, standard input for "-", nothing when absent.
func (f *signOptions) readBody() ([]byte, error) {
	switch f.body {
	case "":
		return nil, nil
	case "-":
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			return nil, fmt.Errorf("--body -: cannot read standard input: %w", err)
		}
		return b, nil
	}
	b, err := os.ReadFile(f.body)
	if err != nil {
		return nil, fmt.Errorf("--body: cannot read the request body: %w", err)
	}
	return b, nil
}

// sign signs req as a generated client does. Headers given on the command line that
// acs.SignedHeaderNames would not pick (say accept) are signed too: sign promises to
// sign exactly what it was given.
func sign(req *http.Request, body []byte, cred acs.Credential, signer acs.Signer, given []string) acs.Signature {
	sig := signer.Sign(req, body, cred)
	names := acs.SignedHeaderNames(req)
	for _, h := range given {
		name, _, _ := strings.Cut(h, ":")
		names = append(names, strings.ToLower(strings.TrimSpace(name)))
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if strings.Join(names, ";") == sig.SignedHeaders {
		return sig
	}
	sig = acs.Compute(req, names, req.Header.Get("x-acs-content-sha256"))
	sig.Authorization = fmt.Sprintf("%s Credential=%s,SignedHeaders=%s,Signature=%s",
		acs.Algorithm, cred.AccessKeyID, sig.SignedHeaders, acs.SignatureOf(sig.StringToSign, cred.AccessKeySecret))
	req.Header.Set("Authorization", sig.Authorization)
	return sig
}

// printSignature prints what was signed and how. The security token is the one
// secret that appears in the canonical request; it is shown as <redacted>.
func printSignature(w io.Writer, req *http.Request, sig acs.Signature) {
	hasToken := req.Header.Get("x-acs-security-token") != ""
	fmt.Fprintln(w, "Canonical request:")
	if hasToken {
		fmt.Fprintln(w, "(the x-acs-security-token value is shown as "+redactedValue+"; the signature covers the real token)")
	}
	fmt.Fprintln(w, "-----")
	fmt.Fprintln(w, redactCanonical(sig.CanonicalRequest))
	fmt.Fprintln(w, "-----")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "String to sign:")
	fmt.Fprintln(w, "-----")
	fmt.Fprintln(w, sig.StringToSign)
	fmt.Fprintln(w, "-----")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Headers to send:")
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	fmt.Fprintf(w, "host: %s\n", host)
	var names []string
	for k := range req.Header {
		if k != "Authorization" {
			names = append(names, strings.ToLower(k))
		}
	}
	slices.Sort(names)
	for _, k := range names {
		v := strings.Join(req.Header.Values(k), ", ")
		if k == "x-acs-security-token" {
			v = redactedValue
		}
		fmt.Fprintf(w, "%s: %s\n", k, v)
	}
	fmt.Fprintf(w, "Authorization: %s\n", sig.Authorization)
}

// redactCanonical replaces the value of the x-acs-security-token line.
func redactCanonical(canon string) string {
	lines := strings.Split(canon, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "x-acs-security-token:") {
			lines[i] = "x-acs-security-token:" + redactedValue
		}
	}
	return strings.Join(lines, "\n")
}
