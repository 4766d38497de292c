package paramshapes_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/paramshapes"
	"github.com/acsgen/acsgen/internal/loopback"
	"github.com/acsgen/acsgen/internal/wireoracle"
)

func client(t *testing.T, url string) *paramshapes.Client {
	t.Helper()
	c, err := paramshapes.NewClient(acs.WithEndpoint(url), acs.WithCredentials(acs.StaticCredentials("id", "secret", "")))
	require.NoError(t, err)
	return c
}

func ptr[T any](v T) *T { return &v }

// verifies checks the request's ACS3 signature, which covers what the test looks at.
func verifies(t *testing.T, req loopback.Request) {
	t.Helper()
	verifier := acs.Verifier{Secret: func(string) (string, bool) { return "secret", true }}
	assert.NoError(t, verifier.Verify(req.Request, req.Body))
}

// decodesAs is wireoracle.Decodes on this package's spec.
func decodesAs(t *testing.T, r *http.Request, opID string, want map[string]string, opts ...wireoracle.Options) error {
	t.Helper()
	var o wireoracle.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	return wireoracle.Decodes(t, "spec.yaml", r, opID, want, o)
}

// withoutParam leaves the named parameters out of the oracle's route.
func withoutParam(names ...string) wireoracle.Options { return wireoracle.Options{Drop: names} }

// withBody is the request the server received with its body to read again.
func withBody(req loopback.Request) *http.Request {
	r := req.Request.Clone(context.Background())
	r.Body = io.NopCloser(bytes.NewReader(req.Body))
	return r
}
