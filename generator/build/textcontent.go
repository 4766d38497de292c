package build

import (
	"mime"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// textContent turns a parameter declared with content text/plain, or a range
// (*/*, text/*), into the parameter of that media type's schema: its value is
// the text of one string, number or boolean (or of a union of them), sent as a
// parameter with that schema and the location's default style would be, which
// for one value is the text as it is. It reports false when the content is of
// another kind (contentParam's to judge); handled with a nil parameter when it
// is refused. The returned path is that of the schema, under content.
func (b *builder) textContent(p *openapi3.Parameter, path []string) (q *openapi3.Parameter, schemaPath []string, handled bool) {
	if len(p.Content) != 1 {
		return nil, nil, false
	}
	ct := sortedKeys(p.Content)[0]
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt != "text/plain" && mt != "*/*" && mt != "text/*" {
		return nil, nil, false
	}
	media := p.Content[ct]
	at := append(slices.Clone(path), "content", ct)
	switch {
	case p.Style != "" || p.Explode != nil:
		b.errorf(path, "parameter %q has content and a style or explode; a parameter has one or the other", p.Name)
		return nil, nil, true
	case media == nil || media.Schema == nil || media.Schema.Value == nil:
		b.errorf(at, "parameter %q has content %s without a schema", p.Name, ct)
		return nil, nil, true
	}
	s := media.Schema.Value
	if s.Type.Is("array") || s.Type.Is("object") || len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil {
		b.errorf(at, "parameter %q has content %s of an array or object; a parameter of a text media type is the text of one string, number or boolean", p.Name, ct)
		return nil, nil, true
	}
	q = new(openapi3.Parameter)
	*q = *p
	q.Content, q.Schema = nil, media.Schema
	if untypedSchema(s) {
		q.Schema = openapi3.NewStringSchema().NewRef() // any text
	}
	q.Example = firstNonNil(p.Example, media.Example)
	b.warnf(path, "parameter %q has content %s, sent as the text of its value; kin-openapi, and so acsgen mock and contract, read content parameters as application/json only and refuse requests that carry it", p.Name, ct)
	return q, append(at, "schema"), true
}

// untypedSchema reports whether s says nothing of a value's type.
func untypedSchema(s *openapi3.Schema) bool {
	return s.Type == nil && len(s.AllOf)+len(s.OneOf)+len(s.AnyOf)+len(s.Enum) == 0 && s.Items == nil && s.Not == nil
}

// cookieJSON warns of a cookie declared with content application/json: its JSON
// text is percent-encoded ("{" is %7B, '"' %22), as quotes and commas are not
// cookie octets (RFC 6265 §4.1.1); kin-openapi reads a cookie as it is, without
// percent-decoding, so it cannot parse the JSON.
func (b *builder) cookieJSON(p *openapi3.Parameter, ct string, path []string) {
	b.warnf(path, "cookie parameter %q has content %s, sent as its JSON text percent-encoded (a cookie value holds no quotes or commas); kin-openapi, and so acsgen mock and contract, read the cookie without percent-decoding and refuse it", p.Name, strings.ToLower(ct))
}
