package acs_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

func TestOptionsValidation(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  acs.Option
		want string
	}{
		{"empty endpoint", acs.WithEndpoint(""), "acs.WithEndpoint: empty URL"},
		{"empty region", acs.WithRegion(""), "acs.WithRegion: empty region"},
		{"nil HTTP client", acs.WithHTTPClient(nil), "acs.WithHTTPClient: nil client"},
		{"nil credentials", acs.WithCredentials(nil), "acs.WithCredentials: nil provider"},
		{"no attempts", acs.WithRetry(acs.RetryPolicy{}), "acs.WithRetry: MaxAttempts 0 is less than 1"},
		{"negative attempts", acs.WithRetry(acs.RetryPolicy{MaxAttempts: -1}), "MaxAttempts -1"},
		{"negative base delay", acs.WithRetry(acs.RetryPolicy{MaxAttempts: 2, BaseDelay: -1}), "negative delay"},
		{"negative max delay", acs.WithRetry(acs.RetryPolicy{MaxAttempts: 2, MaxDelay: -1}), "negative delay"},
		{"negative server wait", acs.WithRetry(acs.RetryPolicy{MaxAttempts: 2, MaxServerWait: -time.Second}), "negative delay"},
		{"zero body limit", acs.WithMaxResponseBytes(0), "acs.WithMaxResponseBytes: 0 is not positive"},
		{"negative body limit", acs.WithMaxResponseBytes(-5), "is not positive"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := acs.NewClient(testService, acs.WithEndpoint("http://127.0.0.1:1"), tc.opt)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), tc.want)
		})
	}

	t.Run("valid options and nil options", func(t *testing.T) {
		c, err := acs.NewClient(testService, nil, acs.WithEndpoint("http://127.0.0.1:1"), nil,
			acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}), acs.WithMaxResponseBytes(1), acs.WithUserAgent(""),
			acs.WithHTTPClient(&http.Client{}), acs.WithSigner(acs.Signer{}), staticCreds)
		require.NoError(t, err)
		assert.Equal(t, "http://127.0.0.1:1", c.Endpoint())
	})
}

// TestRequestOnTheWire checks what one call puts on the wire: method, path, sorted
// and %20-encoded query, the x-acs headers, Accept, User-Agent, a JSON body with its
// content type, business headers, and a signature that verifies.
func TestRequestOnTheWire(t *testing.T) {
	rec := newRecorder(verifying(t, testVerifier(), reply(http.StatusOK, `{"requestId":"R1","data":{"name":"x"}}`)))
	c := newClient(t, rec, acs.WithUserAgent("my-app/1.2"))

	var out struct {
		RequestID string `json:"requestId"`
		Data      struct {
			Name string `json:"name"`
		} `json:"data"`
	}
	err := c.Do(context.Background(), &acs.Request{
		Action: "UpdateThing",
		Method: http.MethodPut,
		Path:   "/v1/things/" + acs.PathSegment("t 1"),
		Query:  url.Values{"z": {"last"}, "a": {"hello world", "*~"}},
		Header: http.Header{"X-Acs-Resource-Group": {"rg-1"}, "X-Custom": {"c"}},
		Body:   map[string]any{"name": "x", "n": 1},
	}, &out)
	require.NoError(t, err)
	assert.Equal(t, "R1", out.RequestID)
	assert.Equal(t, "x", out.Data.Name)

	got := rec.Last(t)
	r := got.Req
	assert.Equal(t, http.MethodPut, r.Method)
	assert.Equal(t, "/v1/things/t%201", r.URL.EscapedPath())
	assert.Equal(t, "a=hello%20world&a=%2A~&z=last", r.URL.RawQuery)
	assert.Equal(t, "UpdateThing", r.Header.Get("x-acs-action"))
	assert.Equal(t, "2020-01-01", r.Header.Get("x-acs-version"))
	assert.Equal(t, "application/json", r.Header.Get("Accept"))
	assert.Equal(t, "application/json; charset=utf-8", r.Header.Get("Content-Type"))
	assert.Equal(t, "rg-1", r.Header.Get("x-acs-resource-group"))
	assert.Equal(t, "c", r.Header.Get("X-Custom"))
	assert.JSONEq(t, `{"name":"x","n":1}`, string(got.Body))

	ua := r.Header.Get("User-Agent")
	assert.True(t, strings.HasPrefix(ua, "acsgen ("), ua)
	assert.Contains(t, ua, "Demo/2020-01-01")
	assert.True(t, strings.HasSuffix(ua, " my-app/1.2"), ua)

	signed := strings.Split(strings.SplitN(strings.SplitN(r.Header.Get("Authorization"), "SignedHeaders=", 2)[1], ",", 2)[0], ";")
	assert.Equal(t, []string{"content-type", "host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
		"x-acs-resource-group", "x-acs-signature-nonce", "x-acs-version"}, signed)
}

func TestGETHasNoBodyAndNoContentType(t *testing.T) {
	rec := newRecorder(reply(http.StatusOK, okBody))
	c := newClient(t, rec)
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet, Path: "/v1/things/1"}, nil))
	got := rec.Last(t)
	assert.Empty(t, got.Body)
	assert.Empty(t, got.Req.Header.Get("Content-Type"))
	assert.Equal(t, acs.EmptyBodySHA256, got.Req.Header.Get("x-acs-content-sha256"))
}

func TestWithSignerPinsDateAndNonce(t *testing.T) {
	rec := newRecorder(reply(http.StatusOK, okBody))
	c := newClient(t, rec, acs.WithSigner(fixedSign))
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet, Path: "/x"}, nil))
	got := rec.Last(t).Req
	assert.Equal(t, "2026-01-02T03:04:05Z", got.Header.Get("x-acs-date"))
	assert.Equal(t, fixedNonce, got.Header.Get("x-acs-signature-nonce"))
}

// countingTransport counts the requests that go through it.
type countingTransport struct {
	n    atomic.Int32
	next http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.next.RoundTrip(r)
}

func TestWithHTTPClientIsUsed(t *testing.T) {
	tr := &countingTransport{next: http.DefaultTransport}
	c := newClient(t, reply(http.StatusOK, okBody), acs.WithHTTPClient(&http.Client{Transport: tr}))
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet, Path: "/x"}, nil))
	assert.Equal(t, int32(1), tr.n.Load())
}

func TestUnsignedServiceSendsNoACSHeaders(t *testing.T) {
	rec := newRecorder(reply(http.StatusOK, okBody))
	srv := startServer(t, rec)
	// No credentials either: an unsigned service never asks for them.
	c, err := acs.NewClient(acs.Service{Product: "Plain", Version: "1.0", Unsigned: true}, acs.WithEndpoint(srv.URL))
	require.NoError(t, err)
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "getThing", Method: http.MethodGet, Path: "/things/1"}, nil))
	got := rec.Last(t).Req
	assert.Empty(t, got.Header.Get("Authorization"))
	for k := range got.Header {
		assert.False(t, strings.HasPrefix(strings.ToLower(k), "x-acs-"), "unexpected header %s", k)
	}
}

func TestDecodeIntoNilOutAndEmptyBody(t *testing.T) {
	c := newClient(t, newSequence(reply(http.StatusOK, `{"requestId":"R"}`), reply(http.StatusNoContent, "")))
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "A", Method: http.MethodPost, Path: "/"}, nil))
	var out map[string]any
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "A", Method: http.MethodPost, Path: "/"}, &out))
	assert.Nil(t, out, "an empty 2xx body leaves out untouched")
}

func TestRequestBodyThatCannotBeEncoded(t *testing.T) {
	seq := newSequence(reply(http.StatusOK, okBody))
	c := newClient(t, seq)
	err := c.Do(context.Background(), &acs.Request{Action: "PutThing", Method: http.MethodPut, Path: "/x", Body: map[string]any{"f": func() {}}}, nil)
	var ue *json.UnsupportedTypeError
	require.ErrorAs(t, err, &ue)
	assert.Contains(t, err.Error(), "PutThing")
	assert.Zero(t, seq.Hits())
}

func TestCaptureResponse(t *testing.T) {
	t.Run("request id header", func(t *testing.T) {
		c := newClient(t, reply(http.StatusOK, `{"requestId":"BODY-ID"}`, "x-acs-request-id", "HEADER-ID", "X-Extra", "e"))
		var info acs.ResponseInfo
		require.NoError(t, c.Do(acs.CaptureResponse(context.Background(), &info), &acs.Request{Action: "A", Method: http.MethodGet, Path: "/"}, nil))
		assert.Equal(t, http.StatusOK, info.StatusCode)
		assert.Equal(t, "HEADER-ID", info.RequestID)
		assert.Equal(t, "e", info.Header.Get("X-Extra"))
		assert.Equal(t, 1, info.Attempts)
	})
	t.Run("request id from an RPC body", func(t *testing.T) {
		c := newClient(t, reply(http.StatusOK, `{"RequestId":"RPC-ID"}`))
		var info acs.ResponseInfo
		require.NoError(t, c.Do(acs.CaptureResponse(context.Background(), &info), &acs.Request{Action: "A", Method: http.MethodPost, Path: "/"}, nil))
		assert.Equal(t, "RPC-ID", info.RequestID)
	})
	t.Run("request id from an error body", func(t *testing.T) {
		c := newClient(t, reply(http.StatusNotFound, `{"requestId":"ERR-ID","code":"NotFound","message":"no"}`))
		var info acs.ResponseInfo
		err := c.Do(acs.CaptureResponse(context.Background(), &info), &acs.Request{Action: "A", Method: http.MethodGet, Path: "/"}, nil)
		require.Error(t, err)
		assert.Equal(t, http.StatusNotFound, info.StatusCode)
		assert.Equal(t, "ERR-ID", info.RequestID)
	})
}

func TestResponseBodyIsClosedAndReadFully(t *testing.T) {
	// A server that streams a body slowly still ends with a complete decode.
	c := newClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		f := w.(http.Flusher)
		for _, part := range []string{`{"requestId":`, `"R-`, `streamed"}`} {
			_, _ = io.WriteString(w, part)
			f.Flush()
		}
	}))
	var out struct{ RequestID string }
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "A", Method: http.MethodGet, Path: "/"}, &out))
	assert.Equal(t, "R-streamed", out.RequestID)
}
