package acs

import (
	"bytes"
	"mime/multipart"
)

// Multipart is a multipart/form-data request body (RFC 7578) being written: the
// fields of an operation whose request body is multipart/form-data, one part
// each, in the order they are added. Raw gives the body to send: its
// Content-Type carries the boundary, which mime/multipart picks at random, and
// the signature covers its bytes as it covers any Raw body.
type Multipart struct {
	buf bytes.Buffer
	w   *multipart.Writer
}

// NewMultipart starts an empty multipart/form-data body.
func NewMultipart() *Multipart {
	m := &Multipart{}
	m.w = multipart.NewWriter(&m.buf)
	return m
}

// Field adds a text part named name holding value, with no Content-Type of its own
// (RFC 7578's default, text/plain).
func (m *Multipart) Field(name, value string) {
	_ = m.w.WriteField(name, value) // writes to a bytes.Buffer cannot fail
}

// File adds a binary part named name holding data, with filename name and
// Content-Type application/octet-stream, the media type OpenAPI 3.0 gives a
// binary property of a multipart body.
func (m *Multipart) File(name string, data []byte) {
	w, _ := m.w.CreateFormFile(name, name) // writes to a bytes.Buffer cannot fail
	_, _ = w.Write(data)
}

// Raw closes the body and returns it, with Content-Type multipart/form-data and
// its boundary. Nothing may be added after.
func (m *Multipart) Raw() Raw {
	_ = m.w.Close()
	return Raw{ContentType: m.w.FormDataContentType(), Data: m.buf.Bytes()}
}
