package build

import (
	"fmt"
	"mime"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// formMediaType is the media type of a form body, the metadata's formData parameters.
const formMediaType = "application/x-www-form-urlencoded"

// FormContent picks the application/x-www-form-urlencoded media type of content
// (in any case, with any parameters; the first by name), nil if there is none.
func FormContent(c openapi3.Content) (*openapi3.MediaType, string) {
	for _, ct := range sortedKeys(c) {
		if mt, _, err := mime.ParseMediaType(ct); err == nil && mt == formMediaType {
			return c[ct], ct
		}
	}
	return nil, ""
}

// formBody turns the object schema of a form body into form fields: one parameter
// In ir.InForm per property, in the file's order, required when the schema's
// required list names it. A property is built as a query parameter with its schema
// (x-acs-param-style and x-go-name of an inline schema apply). In an Alibaba API
// (API.Signed) one without a style is flattened as darabonba's utils.Query
// flattens every body value, an array as repeatList, an object as flat; in a
// plain OpenAPI spec it is serialized as the media type's encoding says (see
// formEncoding). The fields share the request struct with the parameters, so a
// field name that a parameter already has is a diagnostic.
func (b *builder) formBody(o *ir.Operation, mt *openapi3.MediaType, spath []string) {
	mpath := slices.Clone(spath[:len(spath)-1]) // the media type's, spath being its schema's
	if mt.Schema == nil || mt.Schema.Value == nil {
		b.errorf(spath, "form request body has no schema; declare an object whose properties are the form fields")
		return
	}
	if name, ok := strings.CutPrefix(mt.Schema.Ref, componentPrefix); ok {
		spath = []string{"components", "schemas", name}
	}
	s := mt.Schema.Value
	if len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) > 0 || !(s.Type == nil || s.Type.Is("object")) ||
		s.AdditionalProperties.Schema != nil || hasAdditional(s) {
		b.errorf(spath, "form request body must be an object schema whose properties are the form fields, without allOf, oneOf, anyOf or additionalProperties")
		return
	}
	o.Form = true
	seen := map[string]string{}
	for _, p := range o.Params {
		seen[p.GoName] = fmt.Sprintf("parameter %q", p.Name)
	}
	for _, name := range b.orderedKeys(s.Properties, spath, "properties") {
		prop := s.Properties[name]
		ppath := append(slices.Clone(spath), "properties", name)
		if prop == nil || prop.Value == nil {
			continue
		}
		p := &openapi3.Parameter{
			Name: name, In: string(ir.InForm), Required: slices.Contains(s.Required, name),
			Deprecated: prop.Value.Deprecated, Schema: prop, Extensions: map[string]any{},
		}
		if prop.Ref == "" {
			if n, ok := prop.Value.Extensions["x-go-name"]; ok {
				p.Extensions["x-go-name"] = n
			}
		}
		if st, ok := prop.Value.Extensions["x-acs-param-style"]; ok {
			p.Extensions["x-acs-param-style"] = st
		} else if !b.api.Signed {
			// A plain OpenAPI form: each field as a query parameter of the
			// encoding's style and explode (OpenAPI's defaults: form, exploded).
			b.formEncoding(p, mt.Encoding[name], append(slices.Clone(mpath), "encoding", name))
		} else if v := prop.Value; v.Type.Is("array") {
			p.Extensions["x-acs-param-style"] = string(ir.ParamRepeatList)
		} else if v.Type.Is("object") || len(v.Properties)+len(v.AllOf) > 0 || v.AdditionalProperties.Schema != nil {
			p.Extensions["x-acs-param-style"] = string(ir.ParamFlat)
		}
		param := b.param(o, p, ppath)
		if param != nil && !b.api.Signed && param.Style == ir.ParamFormObject && param.Explode {
			b.warnf(ppath, "form field %q is an object of style form, exploded: its members are sent as fields of their own, as OpenAPI 3.0 serializes it, which kin-openapi (and so acsgen mock and contract) cannot read back; give it the encoding style deepObject, or explode: false", name)
		}
		b.addParam(o, param, ppath, seen)
	}
}

// schemaPath is the spec path of param's schema: under "schema" of a parameter,
// the property itself for a form field.
func schemaPath(param *ir.Param, path []string) []string {
	if param.In == ir.InForm || param.In == ir.InMultipart {
		return slices.Clone(path)
	}
	return append(slices.Clone(path), "schema")
}

// formEncoding gives the form field p of a plain OpenAPI spec the style and
// explode of its encoding object, as OpenAPI 3.0 serializes a form body's
// properties: style form by default (arrays repeat the name per item, or join
// their items with commas without explode; objects spread their members, or
// join them, name=k1,v1,k2,v2), and deepObject (name[k]=v), spaceDelimited and
// pipeDelimited as in the query. What the encoding says of a part's
// Content-Type, headers and allowReserved applies to multipart bodies and is
// ignored with a warning.
func (b *builder) formEncoding(p *openapi3.Parameter, enc *openapi3.Encoding, path []string) {
	if enc == nil {
		return
	}
	p.Style, p.Explode = enc.Style, enc.Explode
	var ignored []string
	if enc.ContentType != "" {
		ignored = append(ignored, "contentType")
	}
	if len(enc.Headers) > 0 {
		ignored = append(ignored, "headers")
	}
	if enc.AllowReserved {
		ignored = append(ignored, "allowReserved")
	}
	if len(ignored) > 0 {
		b.warnf(path, "the encoding of form field %q sets %s, which acsgen ignores in a form body: the field is sent percent-encoded as its style says", p.Name, strings.Join(ignored, " and "))
	}
}
