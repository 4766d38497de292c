package recordgen

import (
	"net/http"
	"net/url"
	"runtime"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"
)

// Redacted replaces every credential-bearing value in a cassette.
const Redacted = "REDACTED"

// SecretHeaders are request headers whose whole value is credential material or a
// one-time value derived from it; they are replaced by Redacted. Authorization is
// handled apart: its SignedHeaders list is kept, because it documents what the client
// signed.
var SecretHeaders = []string{"x-acs-security-token", "x-acs-signature-nonce"}

// SecretQuery are the query (and form) parameters of V2-signed (RPC, HMAC-SHA1)
// requests that carry credentials. acsgen's clients sign with ACS3 and never send
// them; they are redacted anyway, so that a recording of another client stays clean.
var SecretQuery = []string{"AccessKeyId", "Signature", "SecurityToken", "SignatureNonce", "BearerToken"}

// Sanitize returns the BeforeSaveHook that makes an interaction safe and stable to
// commit: credentials redacted, the loopback address replaced by host (the service's
// real regional host, for example apig.cn-hangzhou.aliyuncs.com, served over https),
// the machine-dependent parts of the User-Agent replaced by placeholders, and the
// response's Date header and measured duration dropped.
func Sanitize(host string) recorder.HookFunc {
	return func(i *cassette.Interaction) error {
		req := &i.Request
		u, err := url.Parse(req.URL)
		if err != nil {
			return err
		}
		u.Scheme, u.Host = "https", host
		q := u.Query()
		if redactValues(q) {
			u.RawQuery = q.Encode()
		}
		req.URL = u.String()
		req.Host = host
		req.RemoteAddr = ""
		redactValues(req.Form)

		h := req.Headers.Clone()
		if v := h.Get("Authorization"); v != "" {
			h.Set("Authorization", RedactAuthorization(v))
		}
		for _, name := range SecretHeaders {
			if h.Get(name) != "" {
				h.Set(name, Redacted)
			}
		}
		if ua := h.Get("User-Agent"); ua != "" {
			h.Set("User-Agent", StableUserAgent(ua))
		}
		req.Headers = h

		resp := &i.Response
		resp.Headers = resp.Headers.Clone()
		resp.Headers.Del("Date")
		resp.Duration = 0
		return nil
	}
}

// redactValues replaces the values of SecretQuery parameters and reports whether it
// changed anything.
func redactValues(q url.Values) bool {
	changed := false
	for k, vs := range q {
		for _, secret := range SecretQuery {
			if strings.EqualFold(k, secret) {
				for j := range vs {
					vs[j] = Redacted
				}
				changed = true
			}
		}
	}
	return changed
}

// RedactAuthorization keeps the algorithm and the SignedHeaders list of an ACS3
// Authorization header and replaces the access key ID and the signature:
//
//	ACS3-HMAC-SHA256 Credential=REDACTED,SignedHeaders=host;x-acs-action;...,Signature=REDACTED
//
// A header in any other form is replaced whole.
func RedactAuthorization(v string) string {
	algo, rest, ok := strings.Cut(v, " ")
	if !ok || !strings.HasPrefix(algo, "ACS3-") {
		return Redacted
	}
	var parts []string
	for part := range strings.SplitSeq(rest, ",") {
		k, _, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "SignedHeaders":
			parts = append(parts, strings.TrimSpace(part))
		default:
			parts = append(parts, k+"="+Redacted)
		}
	}
	return algo + " " + strings.Join(parts, ",")
}

// StableUserAgent replaces the operating system, architecture and Go version the
// runtime puts in its User-Agent, so that a recording made on any machine is the same.
func StableUserAgent(ua string) string {
	return strings.NewReplacer(
		runtime.Version(), "GOVERSION",
		"("+runtime.GOOS+"; "+runtime.GOARCH+")", "(GOOS; GOARCH)",
	).Replace(ua)
}

// dropDate stops net/http's server from adding a Date header to a response.
func dropDate(h http.Header) { h["Date"] = nil }
