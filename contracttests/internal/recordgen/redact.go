package recordgen

import (
	"net/http"
	"net/url"
	"runtime"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"

	"github.com/acsgen/acsgen/record"
)

// Redacted replaces every credential-bearing value in a cassette.
const Redacted = record.Redacted

// Sanitize returns the BeforeSaveHook that makes an interaction safe and stable to
// commit: credentials redacted (record.RedactCredentials, the redaction `acsgen
// record` applies), the loopback address replaced by host (the service's real
// regional host, for example apig.cn-hangzhou.aliyuncs.com, served over https), the
// machine-dependent parts of the User-Agent replaced by placeholders, and the
// response's Date header and measured duration dropped.
func Sanitize(host string) recorder.HookFunc {
	return func(i *cassette.Interaction) error {
		if err := record.RedactCredentials(i); err != nil {
			return err
		}
		req := &i.Request
		u, err := url.Parse(req.URL)
		if err != nil {
			return err
		}
		u.Scheme, u.Host = "https", host
		req.URL = u.String()
		req.Host = host
		req.RemoteAddr = ""
		if ua := req.Headers.Get("User-Agent"); ua != "" {
			req.Headers.Set("User-Agent", StableUserAgent(ua)) // RedactCredentials cloned the headers
		}

		resp := &i.Response
		resp.Headers = resp.Headers.Clone()
		resp.Headers.Del("Date")
		resp.Duration = 0
		return nil
	}
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
