package acs

import (
	"context"
	"io"
	"sync"
)

// Stream receives a success response whose body is not JSON and is handed on
// unread (application/octet-stream, image/png, …): generated methods pass a
// *Stream to Client.Do for it. The caller reads and closes Body. No size limit
// applies to it (WithMaxResponseBytes bounds bodies the client reads itself), and
// the attempt's timeout (WithTimeout) goes on covering the reading of the body,
// as it covers a whole answer otherwise; the caller's ctx does too. Answers that
// are not 2xx are read, typed and retried as always.
type Stream struct {
	ContentType string
	Body        io.ReadCloser
}

// Text receives a success response whose body is text (text/plain, text/csv, …):
// generated methods pass a *Text to Client.Do for it. The body is read whole, within
// the client's size limit, and kept as it came.
type Text struct {
	ContentType string
	Body        string
}

// streamBody is a response body that ends its attempt's context when closed, so
// that the timer of WithTimeout is released then and not at the return of Do.
type streamBody struct {
	io.ReadCloser
	once   sync.Once
	cancel context.CancelFunc
}

func (b *streamBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.cancel)
	return err
}
