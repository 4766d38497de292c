package acs

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Error is a failed call as the service reported it: a non-2xx answer, or a body that
// could not be decoded. Reach it with errors.As. The fields hold the server's text
// as sent; Error() shows it with control characters escaped and long text cut.
type Error struct {
	StatusCode         int             // HTTP status
	Code               string          // service error code, e.g. "Throttling.User", "NotFound.PluginAttachment"
	Message            string          // service message, or what went wrong decoding
	RequestID          string          // from the body, else the x-acs-request-id header
	HostID             string          // the endpoint host that answered (RPC bodies)
	Recommend          string          // troubleshooting URL
	Description        string          // the service's longer explanation, when it gives one
	AccessDeniedDetail json.RawMessage // RAM denial details, verbatim
	Excerpt            string          // start of a body that was not the expected JSON
	Operation          string          // the action called, e.g. "GetPluginAttachment"
	RetryAfter         string          // server-given wait, as sent (Retry-After or TimeLeft)
	Err                error           // underlying decode error, if any
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("acs: ")
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "HTTP %d", e.StatusCode)
	if e.Code != "" {
		b.WriteString(" ")
		b.WriteString(printable(e.Code, maxCodeText))
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(printable(e.Message, maxMessageText))
	}
	if e.RequestID != "" {
		b.WriteString(" (request ")
		b.WriteString(printable(e.RequestID, maxRequestIDText))
		b.WriteString(")")
	}
	if e.Excerpt != "" {
		fmt.Fprintf(&b, "; body starts %q", e.Excerpt)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// throttlingCodes are the codes Alibaba's SDKs treat as throttling.
var throttlingCodes = map[string]bool{"Throttling": true, "Throttling.User": true, "Throttling.Api": true}

// Throttled reports whether the service asked the caller to slow down: a throttling
// code, or HTTP 429 or 503. A 503 does not prove that the call was not carried out,
// so the client sends a non-idempotent call again only on the others (RetryPolicy).
func (e *Error) Throttled() bool {
	return throttlingCodes[e.Code] || e.StatusCode == http.StatusTooManyRequests || e.StatusCode == http.StatusServiceUnavailable
}

// refused reports whether the answer shows that the service turned the call away
// before acting on it, so that even a non-idempotent call may be sent again: one of
// the flow-control codes, with which Alibaba's OpenAPI gateway blocks a call over its
// quota, or HTTP 429, with which a rate limiter turns a request away. A 503
// is left out, with or without a ServiceUnavailable body: a service or proxy may send
// it after the call was carried out (an upstream that failed mid-call, a timeout).
func (e *Error) refused() bool {
	return throttlingCodes[e.Code] || e.StatusCode == http.StatusTooManyRequests
}

// IsThrottling reports whether err is an *Error the service sent to throttle the caller.
func IsThrottling(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Throttled()
}

// IsNotFound reports whether err is an *Error saying that the resource does not
// exist: HTTP 404, or a code that starts with NotFound or ends with .NotFound
// (NotFound.PluginAttachment, InvalidGroupId.NotFound, NotFoundApiGroup).
func IsNotFound(err error) bool {
	var e *Error
	if !errors.As(err, &e) {
		return false
	}
	return e.StatusCode == http.StatusNotFound || strings.HasPrefix(e.Code, "NotFound") || strings.HasSuffix(e.Code, ".NotFound")
}

// errorBody holds both key spellings: RPC products answer in PascalCase, ROA products
// in camelCase. encoding/json matches keys case-insensitively, so one field each suffices.
type errorBody struct {
	RequestID          string          `json:"requestId"`
	HostID             string          `json:"hostId"`
	Code               string          `json:"code"`
	Message            string          `json:"message"`
	Recommend          string          `json:"recommend"`
	Description        string          `json:"description"`
	AccessDeniedDetail json.RawMessage `json:"accessDeniedDetail"`
}

// xmlErrorBody is an error answered as XML (text/xml), as some RPC services and
// gateways still do: <Error><RequestId>…</RequestId><Code>…</Code>…</Error>.
// darabonba reads it into the same fields as a JSON body.
type xmlErrorBody struct {
	XMLName     xml.Name `xml:"Error"`
	RequestID   string   `xml:"RequestId"`
	HostID      string   `xml:"HostId"`
	Code        string   `xml:"Code"`
	Message     string   `xml:"Message"`
	Recommend   string   `xml:"Recommend"`
	Description string   `xml:"Description"`
}

// isXML reports an XML media type: text/xml, application/xml or +xml, with any
// parameters.
func isXML(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && (mt == "text/xml" || mt == "application/xml" || strings.HasSuffix(mt, "+xml"))
}

// excerptLen bounds how much of an unexpected body an error carries.
const excerptLen = 200

// newError decodes a non-2xx answer. A body that is not a JSON object still gives
// an *Error, with the status, the request ID header and an excerpt of the body.
func newError(op string, resp *http.Response, body []byte) *Error {
	e := &Error{StatusCode: resp.StatusCode, Operation: op, RequestID: resp.Header.Get(headerRequestID), RetryAfter: retryAfterText(resp.Header)}
	var eb errorBody
	if isXML(resp.Header.Get("Content-Type")) {
		var xb xmlErrorBody
		if err := xml.Unmarshal(body, &xb); err != nil {
			e.Message, e.Excerpt, e.Err = "the XML error body does not decode", excerpt(body), err
			return e
		}
		e.Code, e.Message, e.HostID, e.Recommend, e.Description = xb.Code, xb.Message, xb.HostID, xb.Recommend, xb.Description
		if xb.RequestID != "" {
			e.RequestID = xb.RequestID
		}
		return e
	}
	if jsonDepthExceeds(body, MaxResponseDepth) {
		e.Message = fmt.Sprintf("the error body nests arrays and objects deeper than %d levels", MaxResponseDepth)
		e.Excerpt, e.Err = excerpt(body), ErrBodyTooDeep
		return e
	}
	if err := json.Unmarshal(body, &eb); err != nil || JSONKind(body) != "object" {
		e.Message = "the error body is not a JSON object"
		if len(body) == 0 {
			e.Message = "empty error body"
		}
		e.Excerpt = excerpt(body)
		e.Err = err
		return e
	}
	e.Code, e.Message, e.HostID, e.Recommend, e.Description = eb.Code, eb.Message, eb.HostID, eb.Recommend, eb.Description
	if eb.RequestID != "" {
		e.RequestID = eb.RequestID
	}
	if len(eb.AccessDeniedDetail) > 0 && string(eb.AccessDeniedDetail) != "null" {
		e.AccessDeniedDetail = eb.AccessDeniedDetail
	}
	return e
}

// excerpt is the start of body, cut at a character boundary.
func excerpt(body []byte) string {
	if len(body) <= excerptLen {
		return strings.ToValidUTF8(string(body), "?")
	}
	cut := excerptLen
	for cut > 0 && !utf8.RuneStart(body[cut]) {
		cut--
	}
	return strings.ToValidUTF8(string(body[:cut]), "?") + "…"
}
