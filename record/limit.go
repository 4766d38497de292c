package record

import (
	"fmt"
	"io"
	"net/http"
)

// TooLargeError is a body over the Recorder's limit.
type TooLargeError struct {
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("body exceeds the %d-byte limit", e.Limit)
}

// readBounded reads all of r, failing once it passes max bytes.
func readBounded(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, &TooLargeError{Limit: max}
	}
	return b, nil
}

// limitTransport refuses response bodies over max before go-vcr reads them whole
// into memory.
type limitTransport struct {
	next http.RoundTripper
	max  int64
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > t.max {
		_ = resp.Body.Close()
		return nil, fmt.Errorf("upstream response: %w", &TooLargeError{Limit: t.max})
	}
	resp.Body = &limitedBody{rc: resp.Body, left: t.max, max: t.max}
	return resp, nil
}

// limitedBody fails the read that would pass the limit.
type limitedBody struct {
	rc        io.ReadCloser
	left, max int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return 0, fmt.Errorf("upstream response: %w", &TooLargeError{Limit: b.max})
	}
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
