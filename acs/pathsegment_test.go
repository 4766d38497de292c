package acs_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// A path parameter of "." or ".." is a dot segment: clients, proxies and
// servers remove it (RFC 3986 §5.2.4), so a request for ID ".." would go to the
// parent path. PathSegment encodes them; other dots stay as they are.
func TestPathSegmentEncodesDotSegments(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{".", "%2E"},
		{"..", "%2E%2E"},
		{"...", "..."},
		{".a", ".a"},
		{"a..", "a.."},
		{"v1.2", "v1.2"},
	} {
		got := acs.PathSegment(tc.in)
		assert.Equal(t, tc.want, got, "PathSegment(%q)", tc.in)
		back, err := url.PathUnescape(got)
		require.NoError(t, err)
		assert.Equal(t, tc.in, back)
	}
}

func TestDotSegmentIDsReachTheirOwnPath(t *testing.T) {
	rec := newRecorder(verifying(t, testVerifier(), reply(http.StatusOK, `{}`)))
	c := newClient(t, rec)
	for _, id := range []string{".", ".."} {
		require.NoError(t, c.Do(context.Background(), &acs.Request{Action: "GetThing", Method: http.MethodGet,
			Path: "/v1/things/" + acs.PathSegment(id) + "/versions"}, nil), "id %q", id)
	}
	require.Len(t, rec.reqs, 2)
	assert.Equal(t, "/v1/things/%2E/versions", rec.reqs[0].Req.RequestURI, "not /v1/things/versions")
	assert.Equal(t, "/v1/things/%2E%2E/versions", rec.reqs[1].Req.RequestURI, "not /v1/versions")
	assert.Equal(t, "/v1/things/../versions", rec.reqs[1].Req.URL.Path, "the server decodes the segment back to the ID")
}
