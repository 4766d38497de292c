package record

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"

	"github.com/acsgen/acsgen/contract"
)

// DefaultMaxBody bounds a request or response body the Recorder holds in memory.
const DefaultMaxBody = 16 << 20

// DefaultMaxConcurrent bounds the calls a Recorder records at once. One call holds
// several copies of its bodies while go-vcr records it and redaction rewrites it, so
// without a cap memory grows with the number of callers. BenchmarkRecorderMemory
// measures it: one call allocates about 10.4 times a 15 MiB body (12.4 times a 1 or
// 4 MiB one), and 32 callers with 15 MiB answers peak at 595 to 650 MiB, about 5
// times the 8 × 15 MiB in flight. The heap never needs more than eight calls
// allocate, 8 × 10.4 × 16 MiB ≈ 1.3 GiB with the defaults; further calls wait.
const DefaultMaxConcurrent = 8

// Recorder is an http.RoundTripper that sends each request through next and writes
// the interaction, redacted, as one go-vcr v4 cassette under its directory. Use it
// from a client with acs.WithHTTPClient(&http.Client{Transport: record.Transport(dir, nil)}).
//
// A call whose interaction cannot be recorded safely fails with an error saying why
// (a body over the limit, a content-encoded response, a body the spec marks sensitive
// that is not JSON, a write error): a recorder that dropped traffic silently would
// leave gaps nobody notices.
type Recorder struct {
	dir     string
	next    http.RoundTripper
	set     *contract.Set
	maxBody int64
	notify  func(name string)
	slots   chan struct{} // one per call being recorded
}

// Option configures a Recorder.
type Option func(*Recorder)

// WithSpecs routes each request to its operation: cassettes are named after it, and
// what the spec marks sensitive is redacted too.
func WithSpecs(set *contract.Set) Option { return func(r *Recorder) { r.set = set } }

// WithMaxBody bounds request and response bodies (default DefaultMaxBody).
func WithMaxBody(n int64) Option { return func(r *Recorder) { r.maxBody = n } }

// WithMaxConcurrent bounds the calls recorded at once (default
// DefaultMaxConcurrent); a call over the bound waits, or fails when its context ends.
func WithMaxConcurrent(n int) Option {
	return func(r *Recorder) {
		if n > 0 {
			r.slots = make(chan struct{}, n)
		}
	}
}

// WithNotify calls f with the slash-separated name, relative to the directory, of
// each cassette written ("apig/GetPluginAttachment_0123456789ab.yaml").
func WithNotify(f func(name string)) Option { return func(r *Recorder) { r.notify = f } }

// Transport returns a Recorder writing under dir and sending through next
// (http.DefaultTransport when nil).
func Transport(dir string, next http.RoundTripper, opts ...Option) *Recorder {
	if next == nil {
		next = http.DefaultTransport
	}
	r := &Recorder{dir: dir, next: next, maxBody: DefaultMaxBody, slots: make(chan struct{}, DefaultMaxConcurrent)}
	for _, o := range opts {
		o(r)
	}
	return r
}

// RoundTrip sends req, writes the redacted cassette and returns the response.
func (r *Recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	select {
	case r.slots <- struct{}{}:
		defer func() { <-r.slots }()
	case <-req.Context().Done():
		if req.Body != nil {
			_ = req.Body.Close() // a RoundTripper closes the body, even on error
		}
		return nil, fmt.Errorf("record: %s: waiting to record: %w", call(req), context.Cause(req.Context()))
	}
	out := req.Clone(req.Context())
	if req.Body != nil && req.Body != http.NoBody {
		body, err := readBounded(req.Body, r.maxBody)
		_ = req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("record: request body: %w", err)
		}
		out.Body = io.NopCloser(bytes.NewReader(body))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	// Without Accept-Encoding from the caller, net/http asks for gzip itself and
	// decompresses transparently: the cassette gets the plain body, which redaction
	// can read.
	for k := range out.Header {
		if strings.EqualFold(k, "Accept-Encoding") {
			delete(out.Header, k)
		}
	}

	var saved *cassette.Interaction
	var route *contract.Route
	fs := NewMemFS()
	rec, err := recorder.New("interaction",
		recorder.WithMode(recorder.ModeRecordOnly),
		recorder.WithFS(fs),
		recorder.WithRealTransport(&limitTransport{next: r.next, max: r.maxBody}),
		recorder.WithSkipRequestLatency(true),
		recorder.WithHook(func(i *cassette.Interaction) error {
			rt, err := r.redact(i)
			saved, route = i, rt
			return err
		}, recorder.BeforeSaveHook),
	)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	resp, err := rec.RoundTrip(out)
	if err != nil {
		return nil, fmt.Errorf("record: %s: %w", call(req), err)
	}
	if err := rec.Stop(); err != nil {
		return nil, fmt.Errorf("record: %s: not recorded: %w", call(req), err)
	}
	name, err := r.write(saved, route, fs.files["interaction.yaml"])
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	if r.notify != nil {
		r.notify(name)
	}
	return resp, nil
}

// redact applies every redaction to an interaction about to be saved.
func (r *Recorder) redact(i *cassette.Interaction) (*contract.Route, error) {
	if enc := headerGet(i.Response.Headers, "Content-Encoding"); enc != "" && !strings.EqualFold(enc, "identity") {
		return nil, fmt.Errorf("the response is %s-encoded although identity was asked for; its body cannot be redacted", enc)
	}
	if err := RedactCredentials(i); err != nil {
		return nil, err
	}
	rt := r.route(i)
	if rt != nil {
		if err := RedactSensitive(rt, i); err != nil {
			return nil, err
		}
	}
	return rt, nil
}

// route finds the operation of a recorded request, nil without specs or when none matches.
func (r *Recorder) route(i *cassette.Interaction) *contract.Route {
	if r.set == nil {
		return nil
	}
	u, err := url.Parse(i.Request.URL)
	if err != nil {
		return nil
	}
	action, version := headerGet(i.Request.Headers, "x-acs-action"), headerGet(i.Request.Headers, "x-acs-version")
	if action == "" {
		action = u.Query().Get("Action")
	}
	if version == "" {
		version = u.Query().Get("Version")
	}
	rt, _, err := r.set.Match(i.Request.Method, u.EscapedPath(), action, version)
	if err != nil {
		return nil
	}
	return rt
}

// write stores a saved cassette under its deterministic name, replacing any earlier
// recording of the same call. The file appears whole or not at all.
func (r *Recorder) write(i *cassette.Interaction, rt *contract.Route, data []byte) (string, error) {
	if i == nil || data == nil {
		return "", fmt.Errorf("internal error: the recorder saved no cassette")
	}
	u, err := url.Parse(i.Request.URL)
	if err != nil {
		return "", err
	}
	name := cassetteName(rt, i.Request.Method, Params(rt, u.EscapedPath(), u.Query(), []byte(i.Request.Body))) + ".yaml"
	file := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), ".tmp-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	return name, os.Rename(tmp.Name(), file)
}

// MemFS is a go-vcr cassette.FS in memory. A per-request recorder saves into one,
// so that what reaches disk is only the redacted result.
type MemFS struct {
	files map[string][]byte
}

// NewMemFS returns an empty MemFS.
func NewMemFS() *MemFS { return &MemFS{files: map[string][]byte{}} }

// ReadFile returns a saved file, os.ErrNotExist when there is none.
func (m *MemFS) ReadFile(name string) ([]byte, error) {
	data, ok := m.files[path.Clean(name)]
	if !ok {
		return nil, os.ErrNotExist
	}
	return data, nil
}

// WriteFile saves a copy of data under name.
func (m *MemFS) WriteFile(name string, data []byte) error {
	m.files[path.Clean(name)] = append([]byte(nil), data...)
	return nil
}

// IsFileExists reports whether name was saved.
func (m *MemFS) IsFileExists(name string) bool {
	_, ok := m.files[path.Clean(name)]
	return ok
}

// call names a request in an error: method, host and path, never the query, which
// may carry credentials.
func call(req *http.Request) string {
	return req.Method + " " + req.URL.Scheme + "://" + req.URL.Host + req.URL.EscapedPath()
}
