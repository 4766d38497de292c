package contract

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// newValidationRequest is validationRequest; TestValidationRequestAgrees puts
// the http.NewRequest it replaces in its place, to compare their findings.
var newValidationRequest = validationRequest

// validationRequest is the request openapi3filter validates, built directly:
// openapi3filter reads its method, header (and cookies) and body, and writes
// the defaults of query parameters into its URL, which it never reads back, as
// RequestValidationInput.QueryParams holds the query. http.NewRequest would
// format the URL with query encoded and parse it again, a parse that never
// fails on a URL url.Parse read (FuzzReparsedURL), and otherwise checks only
// the method; a method that is not a token is left to it, for its error.
// A nil body is none.
func validationRequest(method string, u *url.URL, query url.Values, header http.Header, body []byte) (*http.Request, error) {
	if !isToken(method) {
		vu := *u
		vu.RawQuery = query.Encode()
		req, err := http.NewRequest(method, vu.String(), bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header = header
		return req, nil
	}
	req := &http.Request{Method: method, URL: u, Header: header, Host: u.Host, Body: http.NoBody,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1}
	if len(body) > 0 {
		req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	}
	return req, nil
}

// isToken reports whether s is an HTTP token (RFC 9110, section 5.6.2), as a
// method must be.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return s != ""
}

const formType = "application/x-www-form-urlencoded"

// isForm reports whether the Content-Type ct is the form media type as
// mime.ParseMediaType reads it, parameters and all. Most are not, which
// comparing the type in any letter case tells without parsing: the types
// ParseMediaType lowers to formType all fold to it.
func isForm(ct string) bool {
	base, _, _ := strings.Cut(ct, ";")
	if !strings.EqualFold(strings.TrimSpace(base), formType) {
		return false
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == formType
}

// mediaType is the media type mime.ParseMediaType reads from v, "" if it
// refuses v. A lower-case type with at most one parameter, as Content-Type
// mostly is, is read here without the map of parameters: one parameter cannot
// be a duplicate, the only parameter error that loses the type.
func mediaType(v string) string {
	base, params, _ := strings.Cut(v, ";")
	if t := strings.Trim(base, " \t"); simpleMediaType(t) && strings.IndexByte(params, ';') < 0 {
		return t
	}
	mt, _, _ := mime.ParseMediaType(v)
	return mt
}

// simpleMediaType reports whether t is a type, or a type and subtype, of
// lower-case ASCII token characters.
func simpleMediaType(t string) bool {
	typ, sub, slash := strings.Cut(t, "/")
	return lowerToken(typ) && (!slash || lowerToken(sub))
}

func lowerToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || strings.IndexByte(`()<>@,;:\"/[]?=`, c) >= 0 {
			return false
		}
	}
	return s != "" && isToken(s)
}
