package paramshapes_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generator/internal/cases/paramshapes"
	"github.com/acsgen/acsgen/internal/loopback"
)

// part is one part of a multipart body as a server reads it.
type part struct {
	name, file, ctype, id, body string
	header                      map[string]string // the headers beyond those
}

func readParts(t *testing.T, ctype string, body []byte) (string, map[string]string, []part) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(ctype)
	require.NoError(t, err)
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var parts []part
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return mt, params, parts
		}
		require.NoError(t, err)
		b, err := io.ReadAll(p)
		require.NoError(t, err)
		pt := part{name: p.FormName(), file: p.FileName(), ctype: p.Header.Get("Content-Type"), id: p.Header.Get("Content-Id"), body: string(b)}
		for k := range p.Header {
			if k != "Content-Type" && k != "Content-Disposition" && k != "Content-Id" {
				if pt.header == nil {
					pt.header = map[string]string{}
				}
				pt.header[k] = p.Header.Get(k)
			}
		}
		parts = append(parts, pt)
	}
}

// Every kind of part: a text part per scalar (and per item of an array), a file
// part per binary (and per item), JSON for objects, free-form values and what
// the encoding says is JSON, the encoding's Content-Type (the first it lists
// that is not a range) and headers. kin-openapi decodes the body, checking each
// part's Content-Type against the encoding, to the very values sent.
func TestMultipartPartsOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	in := &paramshapes.UploadRequest{
		Title:       "t",
		Tags:        []string{"a", "b c"},
		Counts:      []int32{1, -2},
		File:        [][]byte{[]byte("one"), []byte("two")},
		Avatar:      []byte("png"),
		AvatarXNote: "n", AvatarXRate: ptr[int64](5),
		Meta:   &paramshapes.UploadMeta{A: ptr("x"), N: ptr[int64](3)},
		Choice: &paramshapes.Key{String: ptr("k")},
		Extra:  json.RawMessage(`[1,{"z":null}]`),
		Note:   ptr("n\u00e9"),
		Quoted: ptr(`q "x"`),
		Deep:   &paramshapes.Shade{On: ptr(true)},
	}
	_, err := c.Upload(context.Background(), in)
	require.NoError(t, err)
	req := srv.Last(t)
	mt, _, parts := readParts(t, req.Header.Get("Content-Type"), req.Body)
	assert.Equal(t, "multipart/form-data", mt)
	assert.Equal(t, []part{
		{name: "title", body: "t"},
		{name: "tags", body: "a"}, {name: "tags", body: "b c"},
		{name: "counts", body: "1"}, {name: "counts", body: "-2"},
		{name: "file[]", file: "file[]", ctype: "application/octet-stream", body: "one"},
		{name: "file[]", file: "file[]", ctype: "application/octet-stream", body: "two"},
		{name: "avatar", file: "avatar", ctype: "image/png", body: "png", header: map[string]string{"X-Note": "n", "X-Rate": "5"}},
		{name: "meta", ctype: "application/json", body: `{"a":"x","n":3}`},
		{name: "choice", body: "k"},
		{name: "extra", ctype: "application/json", body: `[1,{"z":null}]`},
		{name: "note", ctype: "text/plain; charset=utf-8", body: "n\u00e9"},
		{name: "quoted", ctype: "application/json", body: `"q \"x\""`},
		{name: "deep", ctype: "application/json", body: `{"on":true}`},
	}, parts)
	verifies(t, req)
	// kin-openapi parses a text part by its schema's type, which a union has not:
	// it reads choice as null, so the oracle gets the body without it.
	in.Choice = nil
	_, err = c.Upload(context.Background(), in)
	require.NoError(t, err)
	require.NoError(t, decodesAs(t, withBody(srv.Last(t)), "Upload", map[string]string{"body": `{
		"title": "t", "tags": ["a", "b c"], "counts": [1, -2], "file[]": ["one", "two"], "avatar": "png",
		"meta": {"a": "x", "n": 3}, "extra": [1, {"z": null}], "note": "n\u00e9",
		"quoted": "q \"x\"", "deep": {"on": true}}`}))
}

// Unset fields send no part; required ones, and the required header of a
// required part, are refused when missing.
func TestMultipartPartsRequired(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	_, err := c.Upload(context.Background(), &paramshapes.UploadRequest{Title: "t", Avatar: []byte{1}, AvatarXNote: "n"})
	require.NoError(t, err)
	req := srv.Last(t)
	_, _, parts := readParts(t, req.Header.Get("Content-Type"), req.Body)
	assert.Equal(t, []part{
		{name: "title", body: "t"},
		{name: "avatar", file: "avatar", ctype: "image/png", body: "\x01", header: map[string]string{"X-Note": "n"}},
	}, parts)

	_, err = c.Upload(context.Background(), &paramshapes.UploadRequest{Tags: []string{""}, AvatarXRate: ptr[int64](-1)})
	var verr *acs.ValidationError
	require.ErrorAs(t, err, &verr)
	for _, want := range []string{"/title: required", "/avatar: required", "/avatar.X-Note: required", "/avatar.X-Rate: ", "/tags/0: "} {
		assert.ErrorContains(t, err, want)
	}
	assert.Len(t, srv.Requests(), 1)
}

// A multipart/related body has its parts in the schema's order, each named by
// its Content-ID, the first (the root) giving the body's type.
func TestMultipartRelatedOnTheWire(t *testing.T) {
	srv := loopback.New(t, http.StatusNoContent, ``)
	c := client(t, srv.URL)
	_, err := c.UploadRelated(context.Background(), &paramshapes.UploadRelatedRequest{
		Meta: &paramshapes.Shade{Name: ptr("m")}, Data: []byte{0, 1}, Label: "l",
	})
	require.NoError(t, err)
	req := srv.Last(t)
	mt, params, parts := readParts(t, req.Header.Get("Content-Type"), req.Body)
	assert.Equal(t, "multipart/related", mt)
	assert.Equal(t, "application/json", params["type"])
	assert.Equal(t, []part{
		{id: "<meta>", ctype: "application/json", body: `{"name":"m"}`},
		{id: "<data>", ctype: "application/octet-stream", body: "\x00\x01"},
		{id: "<label>", ctype: "application/json", body: `"l"`},
	}, parts)
	verifies(t, req)
	// openapi3filter has no decoder of multipart/related, as acsgen's warning
	// says: readRelated reads the parts by Content-ID, kin-openapi checks the
	// object they make.
	assert.ErrorContains(t, decodesAs(t, withBody(req), "UploadRelated", nil), "unsupported content type")
	openapi3filter.RegisterBodyDecoder("multipart/related", readRelated)
	t.Cleanup(func() { openapi3filter.UnregisterBodyDecoder("multipart/related") })
	require.NoError(t, decodesAs(t, withBody(req), "UploadRelated", map[string]string{"body": `{"meta":{"name":"m"},"data":"\u0000\u0001","label":"l"}`}))

	_, err = c.UploadRelated(context.Background(), &paramshapes.UploadRelatedRequest{Data: []byte{1}})
	assert.ErrorContains(t, err, "/meta: required parameter is missing")
	assert.ErrorContains(t, err, "/label: required parameter is missing")
}

// readRelated decodes a multipart/related body into an object of its parts,
// each named by its Content-ID, a JSON part by its JSON text.
func readRelated(body io.Reader, header http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
	_, params, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	obj := map[string]any{}
	r := multipart.NewReader(body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return obj, nil
		}
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		name, err := url.PathUnescape(strings.Trim(p.Header.Get("Content-Id"), "<>"))
		if err != nil {
			return nil, err
		}
		var v any = string(b)
		if p.Header.Get("Content-Type") == "application/json" {
			if err := json.Unmarshal(b, &v); err != nil {
				return nil, err
			}
		}
		obj[name] = v
	}
}
