package rawbody_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/rawbody"
	"github.com/acsgen/acsgen/internal/loopback"
)

// A binary success body reaches the caller unread, byte for byte, beyond the size
// limit the client holds JSON bodies to, with the Accept header listing the
// spec's media types and the Content-Type the server gave.
func TestBinaryResponseStreams(t *testing.T) {
	image := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0, 0xff}, 40_000) // 240,000 bytes
	srv := loopback.New(t, http.StatusOK, string(image))
	srv.Reply(http.StatusOK, http.Header{"Content-Type": {"image/png"}}, string(image))
	c, err := rawbody.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")),
		acs.WithMaxResponseBytes(1024))
	require.NoError(t, err)

	out, err := c.GetImage(context.Background(), &rawbody.GetImageRequest{Name: "a b.png"})
	require.NoError(t, err)
	assert.Equal(t, "image/png", out.ContentType)
	got, err := io.ReadAll(out.Body)
	require.NoError(t, err)
	require.NoError(t, out.Body.Close())
	assert.Equal(t, image, got)

	reqs := srv.Requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, "/images/a%20b.png", reqs[0].Path)
	assert.Equal(t, "image/jpeg, image/png", reqs[0].Header.Get("Accept"))
	verifier := acs.Verifier{Secret: func(string) (string, bool) { return "secret", true }}
	assert.NoError(t, verifier.Verify(reqs[0].Request, reqs[0].Body))
}

// A text success body is read whole into a string.
func TestTextResponse(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, "")
	srv.Reply(http.StatusOK, http.Header{"Content-Type": {"text/plain; charset=utf-8"}}, "héllo\n")
	out, err := client(t, srv).GetLatestNote(context.Background(), &rawbody.GetLatestNoteRequest{})
	require.NoError(t, err)
	assert.Equal(t, "héllo\n", out.Body)
	assert.Equal(t, "text/plain; charset=utf-8", out.ContentType)
	assert.Equal(t, "text/plain; charset=utf-8", srv.Requests()[0].Header.Get("Accept"))
}

// An error answer of a streaming operation is read and typed as any other, and
// retried: only a success is handed on unread.
func TestStreamingOperationErrors(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = io.WriteString(w, `{"Code":"ServiceUnavailable","Message":"busy","RequestId":"r-1"}`)
		case 2:
			w.Header().Set("Content-Type", "image/png")
			_, _ = io.WriteString(w, "PNG")
		default:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"Code":"NoSuchImage","Message":"gone","RequestId":"r-3"}`)
		}
	}))
	t.Cleanup(srv.Close)
	c, err := rawbody.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}))
	require.NoError(t, err)

	out, err := c.GetImage(context.Background(), &rawbody.GetImageRequest{Name: "i.png"})
	require.NoError(t, err)
	got, err := io.ReadAll(out.Body)
	require.NoError(t, err)
	require.NoError(t, out.Body.Close())
	assert.Equal(t, "PNG", string(got))

	_, err = c.GetImage(context.Background(), &rawbody.GetImageRequest{Name: "i.png"})
	var apiErr *acs.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusNotFound, apiErr.StatusCode)
	assert.Equal(t, "NoSuchImage", apiErr.Code)
	assert.Equal(t, "r-3", apiErr.RequestID)
}

// The attempt's timeout goes on covering the body while the caller reads it, and
// closing the body early releases it.
func TestStreamTimeoutCoversTheBody(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		_, _ = io.WriteString(w, "first")
		w.(http.Flusher).Flush()
		select { // a body that stalls after its first bytes
		case <-release:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	c, err := rawbody.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")),
		acs.WithTimeout(200*time.Millisecond))
	require.NoError(t, err)

	out, err := c.GetImage(context.Background(), &rawbody.GetImageRequest{Name: "i.png"})
	require.NoError(t, err)
	got, err := io.ReadAll(out.Body)
	assert.Equal(t, "first", string(got))
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
	assert.NoError(t, out.Body.Close())
	assert.NoError(t, out.Body.Close(), "a second Close is harmless")

	out, err = c.GetImage(context.Background(), &rawbody.GetImageRequest{Name: "i.png"})
	require.NoError(t, err)
	buf := make([]byte, 5)
	_, err = io.ReadFull(out.Body, buf)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(buf), "first"))
	assert.NoError(t, out.Body.Close())
}

// Text is read within the client's size limit: a longer one is an *acs.Error.
func TestTextResponseIsLimited(t *testing.T) {
	srv := loopback.New(t, http.StatusOK, "")
	srv.Reply(http.StatusOK, http.Header{"Content-Type": {"text/plain; charset=utf-8"}}, strings.Repeat("x", 2048))
	c, err := rawbody.NewClient(acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")),
		acs.WithMaxResponseBytes(1024))
	require.NoError(t, err)
	_, err = c.GetLatestNote(context.Background(), &rawbody.GetLatestNoteRequest{})
	assert.ErrorIs(t, err, acs.ErrBodyTooLarge)
}
