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
// (x-acs-param-style and x-go-name of an inline schema apply); one without a style
// is flattened as darabonba's utils.Query flattens every body value, an array as
// repeatList, an object as flat. The fields share the request struct with the
// parameters, so a field name that a parameter already has is a diagnostic.
func (b *builder) formBody(o *ir.Operation, mt *openapi3.MediaType, spath []string) {
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
		} else if v := prop.Value; v.Type.Is("array") {
			p.Extensions["x-acs-param-style"] = string(ir.ParamRepeatList)
		} else if v.Type.Is("object") || len(v.Properties)+len(v.AllOf) > 0 || v.AdditionalProperties.Schema != nil {
			p.Extensions["x-acs-param-style"] = string(ir.ParamFlat)
		}
		b.addParam(o, b.param(o, p, ppath), ppath, seen)
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

// multipartMediaType is the media type of a multipart body (RFC 7578).
const multipartMediaType = "multipart/form-data"

// MultipartContent picks the multipart/form-data media type of content (in any
// case, with any parameters; the first by name), nil if there is none.
func MultipartContent(c openapi3.Content) (*openapi3.MediaType, string) {
	for _, ct := range sortedKeys(c) {
		if mt, _, err := mime.ParseMediaType(ct); err == nil && mt == multipartMediaType {
			return c[ct], ct
		}
	}
	return nil, ""
}

// multipartBody turns the object schema of a multipart/form-data body into
// fields, one parameter In ir.InMultipart per property in the file's order: a
// string, number or boolean is a text part, a type: string, format: binary
// property a file part held as []byte. Arrays, objects and encoding overrides
// are diagnostics; so is a field name a parameter already has.
func (b *builder) multipartBody(o *ir.Operation, mt *openapi3.MediaType, spath []string) {
	if mt.Schema == nil || mt.Schema.Value == nil {
		b.errorf(spath, "multipart request body has no schema; declare an object whose properties are the parts")
		return
	}
	if len(mt.Encoding) > 0 {
		b.errorf(spath[:len(spath)-1], "multipart request body has an encoding; acsgen sends text parts as they are and binary parts as application/octet-stream")
		return
	}
	if name, ok := strings.CutPrefix(mt.Schema.Ref, componentPrefix); ok {
		spath = []string{"components", "schemas", name}
	}
	s := mt.Schema.Value
	if len(s.AllOf)+len(s.OneOf)+len(s.AnyOf) > 0 || !(s.Type == nil || s.Type.Is("object")) ||
		s.AdditionalProperties.Schema != nil || hasAdditional(s) {
		b.errorf(spath, "multipart request body must be an object schema whose properties are the parts, without allOf, oneOf, anyOf or additionalProperties")
		return
	}
	o.Multipart = true
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
			Name: name, In: string(ir.InMultipart), Required: slices.Contains(s.Required, name),
			Deprecated: prop.Value.Deprecated, Schema: prop, Extensions: map[string]any{},
		}
		if prop.Ref == "" {
			if n, ok := prop.Value.Extensions["x-go-name"]; ok {
				p.Extensions["x-go-name"] = n
			}
		}
		if v := prop.Value; v.Type.Is("string") && v.Format == "binary" {
			b.addParam(o, b.binaryField(p, ppath), ppath, seen)
			continue
		}
		if v := prop.Value; v.Type.Is("array") || v.Type.Is("object") || len(v.Properties)+len(v.AllOf) > 0 || v.AdditionalProperties.Schema != nil {
			b.errorf(ppath, "multipart field %q is an array or an object; acsgen sends a string, number, boolean or binary (type: string, format: binary) per part", name)
			continue
		}
		b.addParam(o, b.param(o, p, ppath), ppath, seen)
	}
}

// binaryField is the file part of a multipart body: a []byte field, sent when
// it has bytes, missing when required and empty.
func (b *builder) binaryField(p *openapi3.Parameter, path []string) *ir.Param {
	goName := b.goName(p.Extensions, p.Name, path)
	if goName == "" {
		return nil
	}
	return &ir.Param{
		Name: p.Name, GoName: goName, In: ir.InMultipart, Required: p.Required, Binary: true,
		Type: ir.TypeRef{Kind: ir.Primitive, Name: "string"}, Doc: withDeprecated(strings.TrimSpace(p.Schema.Value.Description), p.Deprecated),
		Deprecated: p.Deprecated, Pos: b.loc.Pos(path...),
	}
}
