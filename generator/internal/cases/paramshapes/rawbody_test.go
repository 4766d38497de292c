package paramshapes_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/internal/cases/paramshapes"
	"github.com/acsgen/acsgen/internal/loopback"
)

// A body of type: string, format: byte under image/png is the Body field's
// bytes as they are, with the media type; kin-openapi, as the warning on it
// says, decodes no such body.
func TestBase64SchemaBodyOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	data := []byte{0x89, 'P', 'N', 'G', 0}
	_, err := client(t, srv.URL).PutImage(context.Background(), &paramshapes.PutImageRequest{Body: data})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, "image/png", req.Header.Get("Content-Type"))
	assert.Equal(t, data, req.Body)
	verifies(t, req)
	assert.ErrorContains(t, decodesAs(t, withBody(req), "PutImage", nil), "unsupported content type")

	_, err = client(t, srv.URL).PutImage(context.Background(), &paramshapes.PutImageRequest{})
	assert.ErrorContains(t, err, "/body: required property is missing")
}
