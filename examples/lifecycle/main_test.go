package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/mock"
)

var update = flag.Bool("update", false, "rewrite testdata/transcript.txt")

// startMock serves what `acsgen mock --recordings contracttests/testdata/apig
// --access-key-id … --access-key-secret-file …` serves, on a loopback port.
func startMock(t *testing.T) *httptest.Server {
	t.Helper()
	set, err := contract.Load([]string{"../../spec/apig-2024-03-27.yaml", "../../spec/cloudapi-2016-07-14.yaml"})
	require.NoError(t, err)
	h, err := mock.New(set, mock.Options{Recordings: "../../contracttests/testdata/apig",
		AccessKeyID: DemoAccessKeyID, AccessKeySecret: DemoAccessKeySecret})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func options(endpoint, secret string) []acs.Option {
	return []acs.Option{acs.WithEndpoint(endpoint),
		acs.WithCredentials(acs.StaticCredentials(DemoAccessKeyID, secret, "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1})}
}

// The walk succeeds against the mock, signatures checked, and says what it did:
// testdata/transcript.txt holds every line.
func TestLifecycleAgainstTheMock(t *testing.T) {
	srv := startMock(t)
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), &out, options(srv.URL, DemoAccessKeySecret)...))

	const golden = "testdata/transcript.txt"
	if *update {
		require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./examples/lifecycle -update")
	assert.Equal(t, string(want), out.String(), "rerun: go test ./examples/lifecycle -update")

	text := out.String()
	assert.Contains(t, text, "created attachment pa-d1lifecycle0000000001")
	assert.Contains(t, text, "page 1 of 2: pa-d1lifecycle0000000001")
	assert.Contains(t, text, "page 2 of 2: pa-d1lifecycle0000000002")
	assert.Contains(t, text, "reading it again fails: the service answered HTTP 404 NotFound.PluginAttachment")
	assert.Contains(t, text, `unbinding in PROD is refused: the request breaks the spec, nothing was sent: /StageName: value "PROD" is not one of RELEASE, PRE, TEST`)
}

// A step that fails ends the walk with the typed error: the service's answer when
// the signature is wrong, a transport error when nothing listens.
func TestLifecycleStopsAtTheFirstFailure(t *testing.T) {
	srv := startMock(t)
	var out bytes.Buffer
	err := run(context.Background(), &out, options(srv.URL, "not-the-secret")...)
	var apiErr *acs.Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "SignatureDoesNotMatch", apiErr.Code)
	assert.Empty(t, out.String(), "the first step failed")
	assert.Regexp(t, `(?s)^the service answered HTTP 400 SignatureDoesNotMatch: .+ \(request [0-9A-F-]+\)$`, describe(err))

	srv.Close()
	err = run(context.Background(), &out, options(srv.URL, DemoAccessKeySecret)...)
	require.Error(t, err)
	assert.False(t, errors.As(err, &apiErr), "no answer, no *acs.Error")
	assert.Contains(t, describe(err), "the call did not get an answer: ")
}
