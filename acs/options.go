package acs

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Option configures a Client.
type Option func(*config) error

type config struct {
	endpoint    string
	region      string
	httpClient  *http.Client
	credentials CredentialsProvider
	signer      Signer
	retry       RetryPolicy
	maxBody     int64
	userAgent   string
	timeout     time.Duration
	timeoutSet  bool // WithTimeout was given
}

// DefaultMaxResponseBytes bounds how much of a response body a client reads.
const DefaultMaxResponseBytes = 16 << 20

// WithEndpoint sends every request to url (scheme, host and an optional base path),
// overriding region resolution. Tests point it at a loopback server.
func WithEndpoint(url string) Option {
	return func(c *config) error {
		if url == "" {
			return errors.New("acs.WithEndpoint: empty URL")
		}
		c.endpoint = url
		return nil
	}
}

// WithRegion picks the regional endpoint from the spec's servers, e.g. "cn-shanghai".
func WithRegion(region string) Option {
	return func(c *config) error {
		if region == "" {
			return errors.New("acs.WithRegion: empty region")
		}
		c.region = region
		return nil
	}
}

// DefaultTimeout bounds each attempt of a call (see WithTimeout) of a client that
// makes its own http.Client: Alibaba Cloud's SDKs connect within 5 s and read
// within 10 s, and this is their sum. Its transport also connects within
// DefaultConnectTimeout.
const DefaultTimeout = 15 * time.Second

// DefaultConnectTimeout bounds connecting (TCP) in the transport a client makes
// when WithHTTPClient is not given, as Alibaba Cloud's SDKs do by default.
const DefaultConnectTimeout = 5 * time.Second

// WithTimeout bounds each attempt of a call: connecting, sending the request and
// reading the whole response must take at most d, else the attempt fails with an
// error wrapping context.DeadlineExceeded, which is not retried (the server may
// have acted on it). Resolving credentials is not included, and the ctx of the
// call still bounds the call as a whole, retries and their waits included.
//
// Without WithTimeout a client that makes its own http.Client uses DefaultTimeout
// (and connects within DefaultConnectTimeout); one given WithHTTPClient has no
// timeout but that client's own (http.Client.Timeout, its transport's). d = 0
// means no timeout.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return fmt.Errorf("acs.WithTimeout: %v is negative", d)
		}
		c.timeout, c.timeoutSet = d, true
		return nil
	}
}

// WithHTTPClient sends requests through hc, for example one with a proxy, custom
// TLS or a recording transport. No default timeout applies then (see WithTimeout).
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return errors.New("acs.WithHTTPClient: nil client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithCredentials signs requests with p instead of the default credential chain.
func WithCredentials(p CredentialsProvider) Option {
	return func(c *config) error {
		if p == nil {
			return errors.New("acs.WithCredentials: nil provider")
		}
		c.credentials = p
		return nil
	}
}

// WithSigner replaces the signer, for a fixed clock or nonce in tests.
func WithSigner(s Signer) Option {
	return func(c *config) error {
		c.signer = s
		return nil
	}
}

// WithRetry sets the retry policy; RetryPolicy{MaxAttempts: 1} disables retries.
func WithRetry(p RetryPolicy) Option {
	return func(c *config) error {
		if p.MaxAttempts < 1 {
			return fmt.Errorf("acs.WithRetry: MaxAttempts %d is less than 1", p.MaxAttempts)
		}
		if p.BaseDelay < 0 || p.MaxDelay < 0 || p.MaxServerWait < 0 {
			return errors.New("acs.WithRetry: negative delay")
		}
		c.retry = p
		return nil
	}
}

// WithMaxResponseBytes bounds the size of a response body the client reads
// (default DefaultMaxResponseBytes); a larger body is an *Error.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("acs.WithMaxResponseBytes: %d is not positive", n)
		}
		c.maxBody = n
		return nil
	}
}

// WithUserAgent appends text to the User-Agent header.
func WithUserAgent(text string) Option {
	return func(c *config) error {
		c.userAgent = text
		return nil
	}
}
