package build

import (
	"fmt"
	"mime"
	"net/textproto"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// multipartTypes are the multipart media types of request bodies acsgen sends,
// in the order MultipartContent prefers them.
var multipartTypes = []string{"multipart/form-data", "multipart/related"}

// MultipartContent picks the multipart/form-data media type of content, else its
// multipart/related one (in any case, with any parameters; the first by name),
// nil if there is neither.
func MultipartContent(c openapi3.Content) (*openapi3.MediaType, string) {
	for _, want := range multipartTypes {
		for _, ct := range sortedKeys(c) {
			if mt, _, err := mime.ParseMediaType(ct); err == nil && mt == want {
				return c[ct], ct
			}
		}
	}
	return nil, ""
}

// multipartBody turns the object schema of a multipart body into fields, one
// parameter In ir.InMultipart per property in the file's order, each a part (a
// part per item of an array, as kin-openapi reads arrays back): a string, number
// or boolean is a text part, a type: string, format: binary property a file part
// held as []byte, anything else (an object, a map, a union of objects) its JSON
// text, as OpenAPI 3.0 gives parts their media type by default. The encoding
// object sets a part's Content-Type and headers (multipartEncoding). A field name
// a parameter already has is a diagnostic. multipart/related names its parts by
// Content-ID instead, in the same order, the first the root.
func (b *builder) multipartBody(o *ir.Operation, mt *openapi3.MediaType, ct string, spath []string) {
	mpath := spath[:len(spath)-1]
	if mt.Schema == nil || mt.Schema.Value == nil {
		b.errorf(spath, "multipart request body has no schema; declare an object whose properties are the parts")
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
	media, _, _ := mime.ParseMediaType(ct)
	if o.Related = media == "multipart/related"; o.Related {
		b.warnf(mpath, "request body is multipart/related, sent with its parts in the schema's order, each named by its Content-ID, the first the root; kin-openapi, and so acsgen mock and contract, decode no multipart/related body and refuse it")
	}
	for _, name := range sortedKeys(mt.Encoding) {
		if _, ok := s.Properties[name]; !ok {
			b.warnf(append(slices.Clone(mpath), "encoding", name), "encoding %q names no property of the multipart body; it is ignored", name)
		}
	}
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
		param := b.partField(o, p, ppath)
		if param == nil {
			continue
		}
		if enc := mt.Encoding[name]; enc != nil && !b.multipartEncoding(o, param, enc, append(slices.Clone(mpath), "encoding", name)) {
			continue
		}
		before := len(o.Params)
		b.addParam(o, param, ppath, seen)
		if len(o.Params) > before && param.Part != nil { // its headers' fields follow it
			for _, h := range param.Part.Headers {
				b.addParam(o, h, append(slices.Clone(mpath), "encoding", name, "headers", h.PartHeader), seen)
			}
		}
	}
}

// partField is the field of multipart property p: a file part ([]byte, or
// [][]byte for an array of them), a text part built as a parameter is, or a
// JSON part of the property's type.
func (b *builder) partField(o *ir.Operation, p *openapi3.Parameter, path []string) *ir.Param {
	goName := b.goName(p.Extensions, p.Name, path)
	if goName == "" {
		return nil
	}
	v := p.Schema.Value
	item, array := v, v.Type.Is("array")
	if array {
		if v.Items == nil || v.Items.Value == nil {
			b.errorf(path, "multipart field %q is an array without items", p.Name)
			return nil
		}
		item = v.Items.Value
	}
	doc := withDeprecated(strings.TrimSpace(v.Description), p.Deprecated)
	if item.Type.Is("string") && item.Format == "binary" {
		param := &ir.Param{
			Name: p.Name, GoName: goName, In: ir.InMultipart, Required: p.Required, Binary: true,
			Type: ir.TypeRef{Kind: ir.Primitive, Name: "string"}, Doc: doc, Deprecated: p.Deprecated, Pos: b.loc.Pos(path...),
		}
		if array {
			param.Type = ir.TypeRef{Kind: ir.Array, Elem: &ir.TypeRef{Kind: ir.Primitive, Name: "string"}}
		}
		return param
	}
	t := b.typeOf(p.Schema, o.GoName+goName, path)
	switch it := itemType(t); {
	case it.Kind == ir.Array:
		b.errorf(path, "multipart field %q is an array of arrays; a part holds one value, so an array field is a part per item", p.Name)
		return nil
	case b.scalar(it) != "" || b.scalarUnion(it):
		return b.namedParam(o, p, goName, path)
	}
	return &ir.Param{
		Name: p.Name, GoName: goName, In: ir.InMultipart, Required: p.Required, Type: t,
		Pointer: t.Kind != ir.Array && !b.nilable(t), Part: &ir.Part{JSON: true},
		Doc: doc, Deprecated: p.Deprecated, Pos: b.loc.Pos(path...),
	}
}

// multipartEncoding applies the encoding object of param's part: its
// contentType (the first media type it lists that is not a range: any it lists
// is allowed) and its headers, each a field of the request (scalars, sent when
// set, required when the header and the part are). style, explode and
// allowReserved apply to form bodies only (OpenAPI 3.0): a warning. It reports
// false when the part is refused.
func (b *builder) multipartEncoding(o *ir.Operation, param *ir.Param, enc *openapi3.Encoding, path []string) bool {
	if enc.Style != "" || enc.Explode != nil || enc.AllowReserved {
		b.warnf(path, "encoding of part %q has style, explode or allowReserved, which OpenAPI 3.0 applies to application/x-www-form-urlencoded bodies only; they are ignored", param.Name)
	}
	part := param.Part
	if part == nil {
		part = &ir.Part{}
	}
	if enc.ContentType != "" {
		ct := ""
		for _, c := range strings.Split(enc.ContentType, ",") {
			if c = strings.TrimSpace(c); c != "" && !strings.HasSuffix(strings.SplitN(c, ";", 2)[0], "/*") {
				ct = c
				break
			}
		}
		switch {
		case ct == "":
			b.errorf(append(slices.Clone(path), "contentType"), "encoding contentType %q of part %q lists only media ranges; acsgen sends one media type, so list the one to send first", enc.ContentType, param.Name)
			return false
		case part.JSON && !param.Binary && !IsJSONMediaType(ct):
			b.errorf(append(slices.Clone(path), "contentType"), "part %q is an object, sent as its JSON text, but its encoding contentType %s is not a JSON media type", param.Name, ct)
			return false
		}
		part.ContentType = ct
		part.JSON = part.JSON || !param.Binary && IsJSONMediaType(ct)
	}
	for _, name := range sortedKeys(enc.Headers) {
		h := enc.Headers[name]
		hpath := append(slices.Clone(path), "headers", name)
		switch canon := textproto.CanonicalMIMEHeaderKey(name); {
		case canon == "Content-Type":
			b.warnf(hpath, "encoding header Content-Type of part %q is ignored, as OpenAPI says; contentType sets it", param.Name)
			continue
		case canon == "Content-Disposition" || canon == "Content-Id":
			b.errorf(hpath, "encoding header %s of part %q is one acsgen writes itself", name, param.Name)
			return false
		case h == nil || h.Value == nil:
			continue
		}
		hp := b.partHeader(o, param, name, h.Value, hpath)
		if hp == nil {
			return false
		}
		part.Headers = append(part.Headers, hp)
	}
	if part.ContentType != "" || part.JSON || len(part.Headers) > 0 {
		param.Part = part
	}
	return true
}

// partHeader is the field of header name of param's part: a scalar parameter
// named <part>.<header>, its Go name the part's and the header's.
func (b *builder) partHeader(o *ir.Operation, param *ir.Param, name string, h *openapi3.Header, path []string) *ir.Param {
	if h.Schema == nil || h.Schema.Value == nil {
		b.errorf(path, "encoding header %s of part %q has no schema; a part header is a string, number or boolean", name, param.Name)
		return nil
	}
	goName := b.goName(nil, name, path)
	if goName == "" {
		return nil
	}
	q := &openapi3.Parameter{
		Name: param.Name + "." + name, In: string(ir.InMultipart), Required: h.Required && param.Required,
		Description: h.Description, Deprecated: h.Deprecated, Schema: h.Schema, Example: h.Example,
	}
	hp := b.namedParam(o, q, param.GoName+goName, path)
	if hp == nil {
		return nil
	}
	if hp.Type.Kind == ir.Array || hp.Scalar == "" {
		b.errorf(path, "encoding header %s of part %q must be a string, number or boolean", name, param.Name)
		return nil
	}
	hp.PartHeader = name
	return hp
}
