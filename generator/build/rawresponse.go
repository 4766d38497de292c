package build

import (
	"mime"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// rawResponse describes the success response's body when it has content but none
// of it is JSON: text (every media type text/*) is read whole into a string,
// anything else (application/octet-stream, image/png, application/xml, */*) is
// streamed to the caller. nil when the content is empty. A content key that is
// not a media type is left out with a warning; the Accept header lists the rest.
func (b *builder) rawResponse(c openapi3.Content, path []string) *ir.RawBody {
	var types []string
	text := true
	for _, ct := range sortedKeys(c) {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			b.warnf(append(slices.Clone(path), ct), "content key %s is not a media type (%v); left out", strconv.Quote(ct), err)
			continue
		}
		types = append(types, ct)
		text = text && strings.HasPrefix(mt, "text/")
	}
	if len(types) == 0 {
		return nil
	}
	raw := &ir.RawBody{MediaType: strings.Join(types, ", "), Text: text}
	for _, ct := range types {
		if mt := c[ct]; mt != nil && mt.Schema != nil && mt.Schema.Value != nil && raw.Doc == "" {
			raw.Doc = mt.Schema.Value.Description
		}
	}
	return raw
}
