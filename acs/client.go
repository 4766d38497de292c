package acs

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"time"
)

// Client sends signed requests to one service. It is safe for concurrent use;
// generated clients wrap one.
type Client struct {
	svc         Service
	base        *url.URL
	basePath    string // base.EscapedPath()
	host        string // base.Host as net/http parses and sends it: without an empty port
	http        *http.Client
	transport   http.RoundTripper // set when acs made http itself; see send
	credentials CredentialsProvider
	signer      Signer
	retry       RetryPolicy
	maxBody     int64
	userAgent   string
	timeout     time.Duration // of one attempt; 0 for none (see WithTimeout)
}

// NewClient configures a client of svc. Without WithCredentials it signs with the
// default credential chain, resolved at the first call.
func NewClient(svc Service, opts ...Option) (*Client, error) {
	cfg := config{retry: DefaultRetryPolicy, maxBody: DefaultMaxResponseBytes}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	base, err := resolveEndpoint(svc, &cfg)
	if err != nil {
		return nil, err
	}
	c := &Client{svc: svc, base: base, basePath: base.EscapedPath(), host: strings.TrimSuffix(base.Host, ":"),
		http: cfg.httpClient, credentials: cfg.credentials, signer: cfg.signer, retry: cfg.retry, maxBody: cfg.maxBody,
		timeout: cfg.timeout}
	if !cfg.timeoutSet && cfg.httpClient == nil {
		c.timeout = DefaultTimeout
	}
	switch {
	case c.http == nil:
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DialContext = (&net.Dialer{Timeout: DefaultConnectTimeout, KeepAlive: 30 * time.Second}).DialContext
		c.http = &http.Client{Transport: t}
		if !svc.Unsigned {
			c.transport = t
		}
	case c.http.CheckRedirect == nil && !svc.Unsigned:
		// A caller's client on net/http's default policy would follow a redirect with
		// the security token; a copy answers with the 3xx instead (see send). A policy
		// the caller chose is theirs.
		hc := *c.http
		hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		c.http = &hc
	}
	if c.credentials == nil {
		c.credentials = DefaultCredentials()
	}
	c.userAgent = fmt.Sprintf("acsgen (%s; %s) Go/%s %s/%s", runtime.GOOS, runtime.GOARCH, runtime.Version(), svc.Product, svc.Version)
	if cfg.userAgent != "" {
		c.userAgent += " " + cfg.userAgent
	}
	return c, nil
}

// Endpoint returns the base URL requests go to.
func (c *Client) Endpoint() string { return c.base.String() }

// Format prints the service and endpoint, whatever the verb: the fields hold
// credentials and a transport whose connections other goroutines are changing, which
// fmt's reflection would read.
func (c Client) Format(f fmt.State, _ rune) { FormatClient(f, "acs.Client", &c) }

// FormatClient prints c as name{Product Version Endpoint}, name{} for a nil c:
// generated clients format themselves with it, so that printing one shows what
// it calls, never a pointer or the credentials it holds.
func FormatClient(f fmt.State, name string, c *Client) {
	if c == nil {
		fmt.Fprintf(f, "%s{}", name)
		return
	}
	endpoint := ""
	if c.base != nil {
		endpoint = c.base.Redacted()
	}
	fmt.Fprintf(f, "%s{%s %s %s}", name, c.svc.Product, c.svc.Version, endpoint)
}

// Request is one call as generated code describes it.
type Request struct {
	Action string     // sent as x-acs-action
	Method string     // e.g. "GET"
	Path   string     // escaped wire path, e.g. "/v1/plugin-attachments/pa-1"; "/" for RPC
	Query  url.Values // business query parameters
	// Pairs holds query parameters of one value each, as Query does, without a map:
	// the generated clients put plain parameters here. Their names must differ from
	// each other's and from Query's and EncodedQuery's. Sorted in place when sent.
	Pairs []Pair
	// EncodedQuery holds query parameters whose values are already percent-encoded,
	// OpenAPI's delimiters left literal (ids=3,4,5, ids=3|4|5): see SetJoined.
	EncodedQuery url.Values
	Header       http.Header // business header parameters
	Body         any         // JSON-encoded when not nil; a Form is form-encoded, a Raw sent as it is
	// Accept is the media types the answer may have, sent as the Accept header;
	// "" for application/json.
	Accept string
}

// Do sends req, retrying as the policy allows, and decodes a 2xx JSON body into out
// (a pointer; nil to discard), or hands it on as a *Stream or *Text out. A non-2xx
// answer or an undecodable body is an *Error.
func (c *Client) Do(ctx context.Context, req *Request, out any) error {
	var body []byte
	if f, ok := req.Body.(Form); ok {
		body = f.Encode()
	} else if r, ok := req.Body.(Raw); ok {
		if len(r.Data) > 0 {
			body = r.Data
		}
	} else if req.Body != nil {
		var err error
		if body, err = encodeBody(req.Body); err != nil {
			return fmt.Errorf("acs: %s: encode request body: %w", req.Action, err)
		}
	}
	info := responseInfoFrom(ctx)
	stream, _ := out.(*Stream)
	var lastErr error
	for attempt := 1; ; attempt++ {
		resp, respBody, err := c.attempt(ctx, req, body, stream != nil)
		if info != nil {
			info.Attempts = attempt
			if resp != nil {
				info.StatusCode, info.Header = resp.StatusCode, resp.Header.Clone()
				info.RequestID = resp.Header.Get(headerRequestID)
			}
		}
		if err == nil && stream != nil {
			stream.ContentType, stream.Body = resp.Header.Get("Content-Type"), resp.Body
			return nil
		}
		if err == nil {
			err = c.decode(req.Action, resp, respBody, out, info)
			if err == nil {
				return nil
			}
		}
		var apiErr *Error
		if info != nil && info.RequestID == "" && errors.As(err, &apiErr) {
			info.RequestID = apiErr.RequestID // an error body's RequestId/requestId
		}
		lastErr = err
		if attempt >= c.retry.MaxAttempts || !shouldRetry(req.Method, err) {
			return lastErr
		}
		wait := c.retry.backoff(attempt)
		if resp != nil {
			if d, ok := serverWait(resp.Header, time.Now()); ok {
				if d > c.retry.MaxServerWait {
					return lastErr
				}
				wait = d // the server knows when its quota refills; Alibaba's SDKs wait exactly this long
			}
		}
		if !sleep(ctx, wait) {
			return lastErr
		}
	}
}

// attempt builds, signs and sends req once, and reads the whole (size-limited) body,
// within c.timeout. A non-2xx status is returned as an *Error here, so that retries
// can see it. With stream, a 2xx body is left unread in the response (see Stream).
func (c *Client) attempt(ctx context.Context, req *Request, body []byte, stream bool) (*http.Response, []byte, error) {
	actx, cancel := ctx, context.CancelFunc(nil)
	if c.timeout > 0 {
		actx, cancel = context.WithTimeout(ctx, c.timeout)
		defer func() {
			if cancel != nil { // nil once a stream's Close owns it
				cancel()
			}
		}()
	}
	hreq, hv, err := c.build(actx, req, body)
	if err != nil {
		return nil, nil, err
	}
	if !c.svc.Unsigned {
		cred, err := c.credentials.Credential(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("acs: %s: %w", req.Action, err)
		}
		// The query as signed is the URL's when acs encoded all of it (what EncodeQuery
		// and encodePairs write is canonical); EncodedQuery's own escapes are not.
		query := ""
		if len(req.EncodedQuery) == 0 {
			query = hreq.URL.RawQuery
		}
		c.signer.sign(hreq, body, cred, query, &hv, nil)
	}
	resp, err := c.send(hreq)
	if err != nil {
		return nil, nil, &transportError{fmt.Errorf("acs: %s: %s%w", req.Action, c.timedOut(ctx, actx), redactURLError(err))}
	}
	if stream && resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		if cancel != nil {
			resp.Body = &streamBody{ReadCloser: resp.Body, cancel: cancel}
			cancel = nil
		}
		return resp, nil, nil
	}
	defer resp.Body.Close()
	respBody, err := readBody(resp, c.maxBody)
	if err != nil {
		return resp, nil, &transportError{fmt.Errorf("acs: %s: %sread response: %w", req.Action, c.timedOut(ctx, actx), err)}
	}
	if int64(len(respBody)) > c.maxBody {
		return resp, nil, &Error{StatusCode: resp.StatusCode, Operation: req.Action, RequestID: resp.Header.Get(headerRequestID),
			Message: fmt.Sprintf("response body exceeds the %d-byte limit", c.maxBody), Err: ErrBodyTooLarge}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, respBody, newError(req.Action, resp, respBody)
	}
	return resp, respBody, nil
}

// send issues hreq. When acs made the http.Client itself, a signed request goes
// straight to the transport and a redirect comes back as an *Error naming the 3xx:
// following it cannot succeed (method, host and path are signed), and net/http would
// forward x-acs-security-token to whatever host the Location names. It also spares
// the header copy net/http makes for redirects on every call. A caller's own client
// (WithHTTPClient) goes through its Do, with the policy NewClient gave it.
func (c *Client) send(hreq *http.Request) (*http.Response, error) {
	if c.transport == nil {
		return c.http.Do(hreq)
	}
	resp, err := c.transport.RoundTrip(hreq) // closes the request body, as http.Client.Do would
	if err != nil {
		// Worded as http.Client.Do words it, e.g. `Post "https://…": EOF`.
		return nil, &url.Error{Op: urlErrorOp(hreq.Method), URL: hreq.URL.String(), Err: err}
	}
	return resp, nil
}

// timedOut says so when the attempt's own deadline (WithTimeout), not the
// caller's ctx, ended the attempt.
func (c *Client) timedOut(ctx, actx context.Context) string {
	if ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("no complete answer within %v (acs.WithTimeout): ", c.timeout)
	}
	return ""
}

// urlErrorOp is how net/http names a method in a *url.Error: "Get", "Post", ….
func urlErrorOp(method string) string {
	return method[:1] + strings.ToLower(method[1:])
}

// transportError marks a failed exchange with the server. Only these and *Error
// answers may be retried: a missing credential or a request that cannot be built
// fails the same way on every attempt.
type transportError struct{ err error }

func (e *transportError) Error() string { return e.err.Error() }
func (e *transportError) Unwrap() error { return e.err }

// ErrBodyTooLarge is wrapped by the *Error of a response over the size limit.
var ErrBodyTooLarge = errors.New("response body too large")

// build makes the HTTP request: base URL + path + sorted query, the x-acs-action and
// x-acs-version headers, business headers and the JSON body.
//
// The header values it sets and those the signer adds share one backing array: hv
// is what is left of it.
func (c *Client) build(ctx context.Context, req *Request, body []byte) (_ *http.Request, hv headerValues, _ error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	// The URL is filled in after construction rather than rendered for net/http to
	// parse back: the same URL, without the round trip through text, in the URL and
	// header map NewRequestWithContext has already allocated.
	hreq, err := http.NewRequestWithContext(ctx, req.Method, "", rd)
	if err != nil {
		return nil, hv, fmt.Errorf("acs: %s: %w", req.Action, err)
	}
	if err := c.fillURL(hreq.URL, req); err != nil {
		return nil, hv, err
	}
	hreq.Host = c.host
	// build and the signer add eight headers, nine with a body: up to eight fit the
	// empty map's first group, more are sized once.
	n := len(req.Header) + 8
	if body != nil {
		n++
	}
	if n > 8 {
		hreq.Header = make(http.Header, n)
	}
	for k, vs := range req.Header {
		for _, v := range vs {
			hreq.Header.Add(k, v)
		}
	}
	room := 5 // of the values below
	if !c.svc.Unsigned {
		room += signedHeaderCount
	}
	hv = newHeaderValues(hreq.Header, room)
	if !c.svc.Unsigned {
		hv.set(headerAction, req.Action)
		hv.set(headerVersion, c.svc.Version)
	}
	hv.set("Accept", cmp.Or(req.Accept, "application/json"))
	hv.set("User-Agent", c.userAgent)
	if _, ok := req.Body.(Form); ok {
		hv.set("Content-Type", FormContentType)
	} else if r, ok := req.Body.(Raw); ok {
		if body != nil {
			hv.set("Content-Type", r.ContentType)
		}
	} else if body != nil {
		hv.set("Content-Type", "application/json; charset=utf-8")
	}
	return hreq, hv, nil
}

// fillURL sets u to the request's URL: the base URL, req's escaped path appended,
// and the query.
func (c *Client) fillURL(u *url.URL, req *Request) error {
	*u = *c.base
	u.Host = c.host
	u.RawPath = c.basePath + req.Path
	path, err := url.PathUnescape(u.RawPath)
	if err != nil {
		return fmt.Errorf("acs: %s: path %q: %w", req.Action, req.Path, err)
	}
	u.Path = path
	u.RawQuery = encodeRequestQuery(req)
	return nil
}

// decode fills out from a 2xx body.
func (c *Client) decode(op string, resp *http.Response, body []byte, out any, info *ResponseInfo) error {
	if t, ok := out.(*Text); ok {
		t.ContentType, t.Body = resp.Header.Get("Content-Type"), string(body)
		return nil
	}
	var err error
	switch {
	case out != nil && len(bytes.TrimSpace(body)) > 0:
		err = decodeJSON(body, out) // bounds the depth as it decodes
	case jsonDepthExceeds(body, MaxResponseDepth):
		err = ErrBodyTooDeep
	}
	if errors.Is(err, ErrBodyTooDeep) {
		return &Error{StatusCode: resp.StatusCode, Operation: op, RequestID: resp.Header.Get(headerRequestID),
			Message: fmt.Sprintf("response body nests arrays and objects deeper than %d levels", MaxResponseDepth),
			Excerpt: excerpt(body), Err: ErrBodyTooDeep}
	}
	if info != nil && info.RequestID == "" {
		var id struct {
			RequestID string `json:"requestId"` // matches RequestId too: keys match case-insensitively
		}
		_ = json.Unmarshal(body, &id)
		info.RequestID = id.RequestID
	}
	if err != nil {
		e := &Error{StatusCode: resp.StatusCode, Operation: op, RequestID: resp.Header.Get(headerRequestID),
			Message: "cannot decode the response body: " + err.Error(), Excerpt: excerpt(body), Err: err}
		if info != nil && e.RequestID == "" {
			e.RequestID = info.RequestID
		}
		return e
	}
	return nil
}

// redactURLError drops the query from a transport error's URL: for V1-style
// requests it could hold a signature or a security token.
func redactURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.RawQuery != "" {
			u.RawQuery = "…"
			return &url.Error{Op: ue.Op, URL: u.String(), Err: ue.Err}
		}
	}
	return err
}
