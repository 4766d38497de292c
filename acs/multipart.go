package acs

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
)

// Multipart is a multipart request body being written: multipart/form-data
// (RFC 7578), the fields of an operation whose request body is multipart, one
// part each (or one per item of an array), in the order they are added; or
// multipart/related (RFC 2387, NewMultipartRelated). Raw gives the body to send:
// its Content-Type carries the boundary, which mime/multipart picks at random,
// and the signature covers its bytes as it covers any Raw body.
type Multipart struct {
	buf     bytes.Buffer
	w       *multipart.Writer
	related bool
	root    string // the media type of the first part, multipart/related's type
}

// NewMultipart starts an empty multipart/form-data body.
func NewMultipart() *Multipart {
	m := &Multipart{}
	m.w = multipart.NewWriter(&m.buf)
	return m
}

// NewMultipartRelated starts an empty multipart/related body: its parts are
// named by their Content-ID (<name>, percent-encoded as PercentEncode does)
// rather than a Content-Disposition, and the first one added is the root, whose
// media type the body's Content-Type gives as its type parameter.
func NewMultipartRelated() *Multipart {
	m := NewMultipart()
	m.related = true
	return m
}

// PartOptions are what an encoding object of the spec sets for a part: its
// Content-Type ("" for the kind's default) and more headers.
type PartOptions struct {
	ContentType string
	Header      http.Header
}

// Field adds a text part named name holding value, with no Content-Type of its own
// (RFC 7578's default, text/plain).
func (m *Multipart) Field(name, value string) {
	_ = m.part(name, "", "", nil, []byte(value)) // no header to refuse
}

// File adds a binary part named name holding data, with filename name and
// Content-Type application/octet-stream, the media type OpenAPI 3.0 gives a
// binary property of a multipart body.
func (m *Multipart) File(name string, data []byte) {
	_ = m.part(name, name, "application/octet-stream", nil, data)
}

// FieldWith adds a text part as Field does, with o's Content-Type and headers.
func (m *Multipart) FieldWith(name, value string, o PartOptions) error {
	return m.part(name, "", o.ContentType, o.Header, []byte(value))
}

// FileWith adds a binary part as File does, with o's Content-Type (else
// application/octet-stream) and headers.
func (m *Multipart) FileWith(name string, data []byte, o PartOptions) error {
	return m.part(name, name, cmp.Or(o.ContentType, "application/octet-stream"), o.Header, data)
}

// JSON adds a part named name holding v's JSON text (encoding/json's, without
// HTML escaping or a trailing newline), with o's Content-Type (else
// application/json, OpenAPI 3.0's default for an object property) and headers.
func (m *Multipart) JSON(name string, v any, o PartOptions) error {
	text, err := ContentParam(v)
	if err != nil {
		return err
	}
	return m.part(name, "", cmp.Or(o.ContentType, "application/json"), o.Header, []byte(text))
}

// part writes one part. Header names must be tokens and values free of line
// breaks and NUL, or the part's header could be split apart; Content-Type and
// Content-Disposition are the runtime's to write.
func (m *Multipart) part(name, filename, contentType string, header http.Header, data []byte) error {
	h := textproto.MIMEHeader{}
	for k, vs := range header {
		key := textproto.CanonicalMIMEHeaderKey(k)
		if key == "Content-Type" || key == "Content-Disposition" || key == "Content-Id" {
			return fmt.Errorf("acs: part %s: header %s is set by the runtime", name, key)
		}
		for _, v := range vs {
			if strings.ContainsAny(v, "\r\n\x00") {
				return fmt.Errorf("acs: part %s: header %s: a value holds a line break or NUL", name, key)
			}
		}
		if k == "" || strings.ContainsFunc(k, func(r rune) bool { return r <= ' ' || r >= 0x7f || r == ':' }) {
			return errors.New("acs: part " + name + ": a header name is not a token")
		}
		h[key] = vs
	}
	switch {
	case m.related:
		h.Set("Content-ID", "<"+PercentEncode(name)+">")
	case filename != "":
		h.Set("Content-Disposition", multipart.FileContentDisposition(name, filename))
	default:
		h.Set("Content-Disposition", `form-data; name="`+quoteEscaper.Replace(name)+`"`)
	}
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	if m.root == "" {
		m.root = cmp.Or(contentType, "text/plain")
	}
	w, _ := m.w.CreatePart(h) // writes to a bytes.Buffer cannot fail
	_, _ = w.Write(data)
	return nil
}

// quoteEscaper escapes a quoted Content-Disposition parameter as mime/multipart
// escapes the ones it writes.
var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"")

// Raw closes the body and returns it, with Content-Type multipart/form-data (or
// multipart/related with its type) and its boundary. Nothing may be added after.
func (m *Multipart) Raw() Raw {
	_ = m.w.Close()
	ct := m.w.FormDataContentType()
	if m.related {
		mt, _, err := mime.ParseMediaType(cmp.Or(m.root, "text/plain")) // the type parameter takes no parameters of its own
		if err != nil {
			mt = "application/octet-stream"
		}
		ct = mime.FormatMediaType("multipart/related", map[string]string{"boundary": m.w.Boundary(), "type": mt})
	}
	return Raw{ContentType: ct, Data: m.buf.Bytes()}
}
