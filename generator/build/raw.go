package build

import (
	"mime"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// octetStream is the Content-Type of a binary body whose media type is a range
// (*/*, image/*): a range is no media type to send.
const octetStream = "application/octet-stream"

// RawContent picks the media type of a body sent as it is, the first by name
// that is one: text/plain (held as a string), application/octet-stream, a range
// such as */* (sent as application/octet-stream), or any media type whose schema
// is type: string, format: binary or byte (held as []byte). nil if there is none.
func RawContent(c openapi3.Content) *ir.RawBody {
	for _, ct := range sortedKeys(c) {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			continue
		}
		switch {
		case mt == "text/plain":
			return &ir.RawBody{MediaType: ct, Text: true}
		case mt == octetStream:
			return &ir.RawBody{MediaType: ct}
		case strings.HasSuffix(mt, "/*"):
			return &ir.RawBody{MediaType: octetStream}
		case binarySchema(c[ct]):
			return &ir.RawBody{MediaType: ct}
		}
	}
	return nil
}

// binarySchema reports whether mt's schema is a string of bytes: format binary,
// or format byte (base64), whose body is still the bytes the field holds (see
// base64Body).
func binarySchema(mt *openapi3.MediaType) bool {
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return false
	}
	s := mt.Schema.Value
	return s.Type.Is("string") && (s.Format == "binary" || s.Format == "byte")
}

// base64Body warns of a body sent as it is whose schema is type: string, format:
// byte under a media type that is not JSON (image/png): the body is the bytes the
// Body field holds, as they are, so the caller base64-encodes them when the
// service wants the base64 text the format names. kin-openapi decodes bodies of
// format binary only, so acsgen mock and contract refuse it.
func (b *builder) base64Body(c openapi3.Content, raw *ir.RawBody, path []string) {
	for _, ct := range sortedKeys(c) {
		if mt := c[ct]; ct == raw.MediaType && binarySchema(mt) && mt.Schema.Value.Format == "byte" {
			b.warnf(append(slices.Clone(path), "content", ct, "schema"), "request body %s is a string of format byte (base64), sent as the bytes the Body field holds; base64-encode them if the service wants that text. kin-openapi, and so acsgen mock and contract, decode only format binary bodies of this media type and refuse it", ct)
		}
	}
}
