package record

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// Redacted replaces every credential-bearing value in a cassette.
const Redacted = "REDACTED"

// SecretHeaders are request headers whose whole value is credential material or a
// one-time value derived from it; they are replaced by Redacted. Authorization is
// handled apart (RedactAuthorization).
var SecretHeaders = []string{"x-acs-security-token", "x-acs-signature-nonce", "x-acs-bearer-token"}

// SecretQuery are the query and form parameters of V2-signed (RPC, HMAC-SHA1)
// requests that carry credentials. acsgen's clients sign with ACS3 and never send
// them; they are redacted anyway, so that a recording of another client stays clean.
var SecretQuery = []string{"AccessKeyId", "Signature", "SecurityToken", "SignatureNonce", "BearerToken"}

// RedactCredentials removes credentials from an interaction: the raw request URI
// and remote address; the Authorization header (keeping SignedHeaders),
// SecretHeaders and SessionHeaders in the headers and trailers of both sides;
// SecretQuery parameters in the URL, the parsed form and a form-encoded body; and
// JSONCredentialKeys in JSON bodies of both sides, with or without specs. Headers
// are cloned, not edited in place, because go-vcr hands the same maps to the client.
func RedactCredentials(i *cassette.Interaction) error {
	req := &i.Request
	// A proxied request keeps the server side's RequestURI, the raw query with
	// every credential in it, and the caller's address; neither belongs in a recording.
	req.RequestURI, req.RemoteAddr = "", ""
	u, err := url.Parse(req.URL)
	if err != nil {
		return err
	}
	q := u.Query()
	if redactValues(q, SecretQuery) {
		u.RawQuery = q.Encode()
		req.URL = u.String()
	}
	redactForm(req, namesMatcher(SecretQuery))
	redactMultipart(&req.Body, &req.ContentLength, &req.Headers, SecretQuery)
	req.Headers, req.Trailer = redactHeaders(req.Headers), redactHeaders(req.Trailer)
	i.Response.Headers, i.Response.Trailer = redactHeaders(i.Response.Headers), redactHeaders(i.Response.Trailer)
	redactJSONCredentials(&req.Body, &req.ContentLength, &req.Headers)
	redactJSONCredentials(&i.Response.Body, &i.Response.ContentLength, &i.Response.Headers)
	redactStringToSign(&i.Response.Body, &i.Response.ContentLength, &i.Response.Headers)
	return nil
}

// SessionHeaders carry sessions rather than API credentials, but a session is as
// good as a password for as long as it lasts; they are replaced whole wherever
// they appear.
var SessionHeaders = []string{"Cookie", "Set-Cookie", "Proxy-Authorization"}

// redactHeaders returns a redacted copy of a header set (request or response,
// headers or trailers): Authorization keeps its SignedHeaders, SecretHeaders and
// SessionHeaders are replaced whole. A server may echo a request header, or send
// a token in a trailer, so every set gets the same treatment.
func redactHeaders(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	h = h.Clone()
	headerMap(h, "Authorization", RedactAuthorization)
	for _, name := range slices.Concat(SecretHeaders, SessionHeaders) {
		headerMap(h, name, redactedValue)
	}
	return h
}

// redactForm redacts the named parameters in the parsed form and in a form-encoded
// body, keeping the recorded length in step with the body.
func redactForm(req *cassette.Request, m keyMatcher) {
	redactKeys(req.Form, m)
	if !isForm(headerGet(req.Headers, "Content-Type")) || req.Body == "" {
		return
	}
	if form, err := url.ParseQuery(req.Body); err == nil && redactKeys(form, m) {
		req.Body = form.Encode()
		req.ContentLength = int64(len(req.Body))
		setLength(&req.Headers, len(req.Body))
	}
}

// setLength corrects a recorded Content-Length header after the body changed.
func setLength(h *http.Header, n int) {
	if headerGet(*h, "Content-Length") != "" {
		*h = h.Clone()
		headerMap(*h, "Content-Length", func(string) string { return strconv.Itoa(n) })
	}
}

func isForm(contentType string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(contentType)), "application/x-www-form-urlencoded")
}

// redactValues replaces the values of the named parameters (case-insensitively) and
// reports whether it changed anything.
func redactValues(q url.Values, names []string) bool {
	changed := false
	for k, vs := range q {
		for _, secret := range names {
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
// Parameters are split at commas and at spaces alike, so that a header written with
// a space where the comma belongs cannot hide its signature inside SignedHeaders;
// a SignedHeaders value that is not a plain list of names is redacted too. A header
// in any other form is replaced whole.
func RedactAuthorization(v string) string {
	algo, rest, ok := strings.Cut(strings.TrimSpace(v), " ")
	if !ok || !strings.HasPrefix(algo, "ACS3-") {
		return Redacted
	}
	var parts []string
	for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
		k, val, _ := strings.Cut(part, "=")
		if k == "SignedHeaders" && headerNameList(val) {
			parts = append(parts, part)
			continue
		}
		parts = append(parts, k+"="+Redacted)
	}
	return algo + " " + strings.Join(parts, ",")
}

// headerNameList reports whether s is a ;-separated list of lower-case header names.
func headerNameList(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == ';' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}
