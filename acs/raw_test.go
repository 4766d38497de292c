package acs_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

// A Raw body goes out as its bytes, with its own Content-Type, signed over those
// bytes; an empty one is no body at all.
func TestClientSendsRawBody(t *testing.T) {
	rec := newRecorder(reply(http.StatusOK, okBody))
	c := newClient(t, verifying(t, testVerifier(), rec))
	data := []byte{0, 1, 2, 0xff, '\n'}
	require.NoError(t, c.Do(t.Context(), &acs.Request{Action: "Put", Method: "PUT", Path: "/objects/a",
		Body: acs.Raw{ContentType: "application/octet-stream", Data: data}}, nil))
	got := rec.Last(t)
	assert.Equal(t, data, got.Body)
	assert.Equal(t, "application/octet-stream", got.Req.Header.Get("Content-Type"))
	sum := sha256.Sum256(data)
	assert.Equal(t, hex.EncodeToString(sum[:]), got.Req.Header.Get("X-Acs-Content-Sha256"))

	require.NoError(t, c.Do(t.Context(), &acs.Request{Action: "Put", Method: "PUT", Path: "/objects/a",
		Body: acs.Raw{ContentType: "text/plain"}}, nil))
	got = rec.Last(t)
	assert.Empty(t, got.Body)
	assert.Empty(t, got.Req.Header.Get("Content-Type"))
	assert.Equal(t, acs.EmptyBodySHA256, got.Req.Header.Get("X-Acs-Content-Sha256"))
}
