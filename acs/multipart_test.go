package acs_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

func TestMultipart(t *testing.T) {
	m := acs.NewMultipart()
	m.Field("title", "a \"b\"\r\n")
	m.File("data", []byte{0, 0xff})
	raw := m.Raw()
	mt, params, err := mime.ParseMediaType(raw.ContentType)
	require.NoError(t, err)
	assert.Equal(t, "multipart/form-data", mt)
	r := multipart.NewReader(bytes.NewReader(raw.Data), params["boundary"])
	p, err := r.NextPart()
	require.NoError(t, err)
	assert.Equal(t, "title", p.FormName())
	assert.Empty(t, p.Header.Get("Content-Type"))
	b, _ := io.ReadAll(p)
	assert.Equal(t, "a \"b\"\r\n", string(b))
	p, err = r.NextPart()
	require.NoError(t, err)
	assert.Equal(t, "data", p.FormName())
	assert.Equal(t, "data", p.FileName())
	assert.Equal(t, "application/octet-stream", p.Header.Get("Content-Type"))
	b, _ = io.ReadAll(p)
	assert.Equal(t, []byte{0, 0xff}, b)
	_, err = r.NextPart()
	assert.Equal(t, io.EOF, err)
}
