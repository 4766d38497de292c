package acs_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
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

// readAll reads every part of a multipart body: its headers and bytes.
func readAll(t *testing.T, raw acs.Raw) (string, map[string]string, []*multipart.Part, []string) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(raw.ContentType)
	require.NoError(t, err)
	r := multipart.NewReader(bytes.NewReader(raw.Data), params["boundary"])
	var parts []*multipart.Part
	var bodies []string
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return mt, params, parts, bodies
		}
		require.NoError(t, err)
		b, err := io.ReadAll(p)
		require.NoError(t, err)
		parts, bodies = append(parts, p), append(bodies, string(b))
	}
}

// Parts with an encoding carry its Content-Type and headers; JSON parts hold the
// value's JSON text.
func TestMultipartWithOptions(t *testing.T) {
	m := acs.NewMultipart()
	require.NoError(t, m.FieldWith(`n"q`, "1", acs.PartOptions{ContentType: "text/csv", Header: http.Header{"X-Rate": {"5"}}}))
	require.NoError(t, m.FileWith("img", []byte{1}, acs.PartOptions{ContentType: "image/png"}))
	require.NoError(t, m.FileWith("raw", []byte{2}, acs.PartOptions{}))
	require.NoError(t, m.JSON("meta", map[string]any{"a": "<b>"}, acs.PartOptions{}))
	require.NoError(t, m.JSON("s", "x", acs.PartOptions{ContentType: "application/vnd.x+json"}))
	mt, _, parts, bodies := readAll(t, m.Raw())
	assert.Equal(t, "multipart/form-data", mt)
	require.Len(t, parts, 5)
	assert.Equal(t, []string{`n"q`, "text/csv", "5"}, []string{parts[0].FormName(), parts[0].Header.Get("Content-Type"), parts[0].Header.Get("X-Rate")})
	assert.Equal(t, []string{"img", "img", "image/png"}, []string{parts[1].FormName(), parts[1].FileName(), parts[1].Header.Get("Content-Type")})
	assert.Equal(t, "application/octet-stream", parts[2].Header.Get("Content-Type"))
	assert.Equal(t, []string{"application/json", "application/vnd.x+json"}, []string{parts[3].Header.Get("Content-Type"), parts[4].Header.Get("Content-Type")})
	assert.Equal(t, []string{"1", "\x01", "\x02", `{"a":"<b>"}`, `"x"`}, bodies)
}

// A header value cannot split the part's header, nor take over the headers the
// runtime writes.
func TestMultipartRefusesBadHeaders(t *testing.T) {
	m := acs.NewMultipart()
	assert.ErrorContains(t, m.FieldWith("a", "1", acs.PartOptions{Header: http.Header{"X-A": {"1\r\nX-B: 2"}}}), "line break")
	assert.ErrorContains(t, m.FieldWith("a", "1", acs.PartOptions{Header: http.Header{"content-type": {"x/y"}}}), "set by the runtime")
	assert.ErrorContains(t, m.FieldWith("a", "1", acs.PartOptions{Header: http.Header{"X A": {"1"}}}), "not a token")
	assert.ErrorContains(t, m.JSON("a", func() {}, acs.PartOptions{}), "unsupported type")
	_, _, parts, _ := readAll(t, m.Raw())
	assert.Empty(t, parts)
}

// multipart/related parts are named by Content-ID, and the body's type is its
// first part's media type.
func TestMultipartRelated(t *testing.T) {
	m := acs.NewMultipartRelated()
	require.NoError(t, m.JSON("meta data", map[string]int{"n": 1}, acs.PartOptions{ContentType: "application/json; charset=utf-8"}))
	m.File("file", []byte("x"))
	mt, params, parts, bodies := readAll(t, m.Raw())
	assert.Equal(t, "multipart/related", mt)
	assert.Equal(t, "application/json", params["type"])
	require.Len(t, parts, 2)
	assert.Equal(t, []string{"<meta%20data>", ""}, []string{parts[0].Header.Get("Content-ID"), parts[0].Header.Get("Content-Disposition")})
	assert.Equal(t, []string{"<file>", "application/octet-stream"}, []string{parts[1].Header.Get("Content-ID"), parts[1].Header.Get("Content-Type")})
	assert.Equal(t, []string{`{"n":1}`, "x"}, bodies)

	_, params, _, _ = readAll(t, acs.NewMultipartRelated().Raw())
	assert.Equal(t, "text/plain", params["type"], "an empty body's type")
}
