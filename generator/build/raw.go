package build

import (
	"mime"
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
// is type: string, format: binary (held as []byte). nil if there is none.
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

func binarySchema(mt *openapi3.MediaType) bool {
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return false
	}
	s := mt.Schema.Value
	return s.Type.Is("string") && s.Format == "binary"
}
