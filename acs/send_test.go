package acs_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// A signed request is not sent on to where a redirect points: it could not succeed
// there, and the security token would go with it.
func TestRedirectIsReturnedNotFollowed(t *testing.T) {
	for _, status := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(http.StatusText(status), func(t *testing.T) {
			elsewhere := newRecorder(reply(http.StatusOK, okBody))
			target := startServer(t, elsewhere)
			c := newClient(t, reply(status, "", "Location", target.URL+"/moved", "x-acs-request-id", "R-3XX"),
				acs.WithCredentials(acs.StaticCredentials(testKeyID, testSecret, "sts-token-must-stay-home")))
			err := c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet, Path: "/x"}, nil)
			var e *acs.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, status, e.StatusCode)
			assert.Equal(t, "R-3XX", e.RequestID)
			assert.Empty(t, elsewhere.All(), "the redirect was followed")
		})
	}
}

// A caller's client on net/http's default policy does not follow redirects either,
// and is itself left as it was.
func TestWithHTTPClientOnDefaultPolicyReturnsRedirect(t *testing.T) {
	elsewhere := newRecorder(reply(http.StatusOK, okBody))
	target := startServer(t, elsewhere)
	hc := &http.Client{}
	c := newClient(t, reply(http.StatusFound, "", "Location", target.URL+"/moved"), acs.WithHTTPClient(hc),
		acs.WithCredentials(acs.StaticCredentials(testKeyID, testSecret, "sts-token-must-stay-home")))
	err := c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet, Path: "/x"}, nil)
	var e *acs.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusFound, e.StatusCode)
	assert.Empty(t, elsewhere.All(), "the redirect was followed")
	assert.Nil(t, hc.CheckRedirect, "the caller's client was changed")
}

// A caller's own redirect policy is kept.
func TestWithHTTPClientFollowsItsRedirectPolicy(t *testing.T) {
	target := startServer(t, reply(http.StatusOK, okBody))
	followed := 0
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { followed++; return nil }}
	c := newClient(t, reply(http.StatusFound, "", "Location", target.URL+"/moved"), acs.WithHTTPClient(hc))
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet, Path: "/x"}, nil))
	assert.Equal(t, 1, followed)
}

// A failed exchange reads as http.Client.Do words it, whichever way acs sent it.
func TestTransportErrorIsWordedAsHTTPClientDo(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens there now
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodDelete} {
		hreq, err := http.NewRequest(method, url+"/x", nil)
		require.NoError(t, err)
		_, want := http.DefaultClient.Do(hreq)
		require.Error(t, want)
		for name, opts := range map[string][]acs.Option{
			"own client":    nil,
			"caller client": {acs.WithHTTPClient(&http.Client{})},
		} {
			base := []acs.Option{acs.WithEndpoint(url), acs.WithCredentials(acs.StaticCredentials(testKeyID, testSecret, "")),
				acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1})}
			c, err := acs.NewClient(testService, append(base, opts...)...)
			require.NoError(t, err)
			got := c.Do(context.Background(), &acs.Request{Action: "A", Method: method, Path: "/x"}, nil)
			require.Error(t, got)
			assert.Equal(t, "acs: A: "+want.Error(), got.Error(), "%s %s", method, name)
		}
	}
}

// A client prints as its service and endpoint with every verb, and so does a zero one.
func TestClientPrintsServiceAndEndpoint(t *testing.T) {
	c := newClient(t, reply(http.StatusOK, okBody))
	require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "A", Method: http.MethodGet, Path: "/"}, nil))
	want := "acs.Client{Demo 2020-01-01 " + c.Endpoint() + "}"
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d"} {
		assert.Equal(t, want, fmt.Sprintf(verb, c), verb)
		assert.Equal(t, want, fmt.Sprintf(verb, *c), verb)
	}
	assert.Equal(t, "acs.Client{  }", fmt.Sprint(acs.Client{}))
}
