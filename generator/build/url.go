package build

import (
	"errors"
	"net/url"
	"strings"

	"github.com/acsgen/acsgen/generator/diag"
)

// A path template and the server URL are joined into every request's URL at run
// time (acs escapes only the parameters); if either is broken, every call of the
// generated client fails. That is an error here, at the offending text, rather
// than code that compiles and never works.

// badEscape returns the first percent escape of s that is not "%" and two hex
// digits ("%zz", "%4", a lone "%" at the end) and its offset, or "" and -1.
func badEscape(s string) (string, int) {
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return s[i:min(i+3, len(s))], i
		}
		i += 2
	}
	return "", -1
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// checkPathLiteral reports a bad percent escape in a literal part of the path
// template at path (the path key), lit starting at offset at of the key. The runtime unescapes the whole path it
// builds (url.PathUnescape) and refuses it otherwise.
func (b *builder) checkPathLiteral(lit string, at int, path []string) {
	if bad, i := badEscape(lit); bad != "" {
		b.diags.Add(b.loc.PosOf(path[len(path)-1], at+i, path...), strings.Join(path, "."),
			"path template has a bad percent escape %q, so every call would fail to build its URL; write a literal %% as %%25", bad)
	}
}

// checkServerURL reports a server URL the runtime cannot use, as acs checks it
// when a client is made (resolveEndpoint): it must parse, be absolute http or
// https with a host, and carry no query or fragment. raw is the URL as written,
// filled is it with its variables filled in (regionId with its default).
//
// A relative URL ("/api/v3", as public specs often write, relative to where the
// spec is served) gives the client no endpoint of its own: that is a warning, and
// relative is false so that none is kept; callers pass acs.WithEndpoint.
func (b *builder) checkServerURL(raw, filled string, path []string) (relative bool) {
	spec := strings.Join(path, ".")
	// Positions are found only for a problem: finding one in the text counts the
	// spec's lines, which a good spec never needs.
	at := func(i int) diag.Pos { return b.loc.PosOf(raw, i, path...) }
	if bad, _ := badEscape(filled); bad != "" {
		pos := at(0)
		if _, i := badEscape(raw); i >= 0 { // else a variable's default brought it in
			pos = at(i)
		}
		b.diags.Add(pos, spec, "server URL %q has a bad percent escape %q, so every call would fail; write a literal %% as %%25", raw, bad)
		return
	}
	u, err := url.Parse(filled)
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	switch {
	case err != nil:
		b.diags.Add(at(0), spec, "server URL %q does not parse: %v; every call would fail unless the caller passes acs.WithEndpoint", raw, err)
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(filled, "/") && u.RawQuery == "" && u.Fragment == "" && !u.ForceQuery:
		// Only a path: "api.example.com/v1" is a host that lost its scheme.
		b.diags.Warn(at(0), spec, "server URL %q is relative (to wherever the spec is served), so the client has no endpoint of its own: callers pass acs.WithEndpoint with the server's absolute URL, such as https://host%s", raw, filled)
		return true
	case u.Scheme != "https" && u.Scheme != "http" || u.Host == "":
		b.diags.Add(at(0), spec, "server URL %q is not an absolute http or https URL with a host, which the client sends every request to; write it in full (https://host/path), or drop servers and have callers pass acs.WithEndpoint", raw)
	case u.RawQuery != "" || u.Fragment != "" || u.ForceQuery:
		b.diags.Add(at(0), spec, "server URL %q has a query or fragment, which the client refuses; move it into the operations' parameters", raw)
	}
	return false
}
