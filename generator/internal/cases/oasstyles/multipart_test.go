package oasstyles_test

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generator/internal/cases/oasstyles"
	"github.com/acsgen/acsgen/internal/loopback"
	"github.com/acsgen/acsgen/mock"
)

type part struct{ name, file, ctype, body string }

func readParts(t *testing.T, ctype string, body []byte) []part {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	require.NoError(t, err)
	require.Equal(t, "multipart/form-data", mt)
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var parts []part
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return parts
		}
		require.NoError(t, err)
		b, err := io.ReadAll(p)
		require.NoError(t, err)
		parts = append(parts, part{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(b)})
	}
}

// A multipart/form-data body has a part per set field, in the schema's order:
// text parts for scalars, file parts (application/octet-stream) for binary
// fields, and the signature covers the bytes.
func TestMultipartOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	data := []byte{0, 0xff, '\r', '\n', '-', '-'}
	_, err := c.Upload(context.Background(), &oasstyles.UploadRequest{
		Title: ptr("a \"b\""), Size: ptr[int64](6), Public: ptr(false), File: data,
	})
	require.NoError(t, err)
	req := srv.Last(t)
	assert.Equal(t, []part{
		{"title", "", "", `a "b"`},
		{"size", "", "", "6"},
		{"public", "", "", "false"},
		{"file", "file", "application/octet-stream", string(data)},
	}, readParts(t, req.Header.Get("Content-Type"), req.Body))
	verifier := acs.Verifier{Secret: func(string) (string, bool) { return "secret", true }}
	assert.NoError(t, verifier.Verify(req.Request, req.Body))

	_, err = c.Upload(context.Background(), &oasstyles.UploadRequest{Title: ptr("x")})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/file: required parameter is missing")
	_, err = c.Upload(context.Background(), &oasstyles.UploadRequest{File: data, Title: ptr("0123456789012345678901")})
	require.ErrorAs(t, err, &verr)
	assert.ErrorContains(t, err, "/title")
	assert.Len(t, srv.Requests(), 1)
}

// kin-openapi, which acsgen mock checks requests with, decodes the multipart
// body against the schema: it takes the client's.
func TestMultipartAgainstTheMock(t *testing.T) {
	set, err := contract.Load([]string{"spec.yaml"})
	require.NoError(t, err)
	m, err := mock.New(set, mock.Options{AccessKeyID: "id", AccessKeySecret: "secret"})
	require.NoError(t, err)
	srv := httptest.NewServer(m)
	t.Cleanup(srv.Close)
	_, err = client(t, srv.URL).Upload(context.Background(), &oasstyles.UploadRequest{
		Title: ptr("t"), Size: ptr[int64](3), Public: ptr(true), File: []byte("abc"), Thumb: []byte{1},
	})
	require.NoError(t, err)
}
