package build

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// styledParam finishes a parameter with x-acs-param-style: repeatList on an array,
// flat on an object, json on anything, sent in the query by acs.Flatten or
// acs.JSONParam. Its request field is nil when unset: slices and maps as they are,
// anything else through a pointer, required or not.
func (b *builder) styledParam(o *ir.Operation, p *openapi3.Parameter, param *ir.Param, path []string) *ir.Param {
	spath := append(slices.Clone(path), "x-acs-param-style")
	raw := p.Extensions["x-acs-param-style"]
	style, _ := raw.(string)
	switch ir.ParamStyle(style) {
	case ir.ParamRepeatList, ir.ParamFlat, ir.ParamJSON:
	default:
		b.errorf(spath, "x-acs-param-style %v of parameter %q is not repeatList, flat or json", raw, p.Name)
		return nil
	}
	param.Style = ir.ParamStyle(style)
	if param.In != ir.InQuery && param.In != ir.InForm {
		// darabonba flattens only the query and form bodies.
		b.errorf(spath, "parameter %q is in %s; x-acs-param-style %s is supported on query parameters only", p.Name, param.In, style)
		return nil
	}
	if p.Style != "" && p.Style != "form" {
		b.errorf(path, "parameter %q has both style %s and x-acs-param-style %s; drop style", p.Name, p.Style, style)
		return nil
	}
	param.Type = b.typeOf(p.Schema, o.GoName+param.GoName, schemaPath(param, path))
	param.Scalar = b.scalar(itemType(param.Type))
	switch shape := b.shapeOf(param.Type); {
	case param.Style == ir.ParamRepeatList && shape != ir.KindArray:
		b.errorf(spath, "x-acs-param-style repeatList flattens arrays, but parameter %q is %s; use flat for an object, json or none for a scalar", p.Name, shapeWord(shape))
		return nil
	case param.Style == ir.ParamFlat && shape != ir.KindObject:
		b.errorf(spath, "x-acs-param-style flat flattens objects, but parameter %q is %s; use repeatList for an array, json or none for a scalar", p.Name, shapeWord(shape))
		return nil
	}
	param.Explode = param.Style == ir.ParamRepeatList // one value per item, Name.1, Name.2, ...
	param.Pointer = !b.nilable(param.Type)
	if p.Schema.Value != nil {
		b.paramExamples[param] = firstNonNil(p.Example, p.Schema.Value.Example)
	}
	return param
}

// itemType is t's item type for an array, else t.
func itemType(t ir.TypeRef) ir.TypeRef {
	if t.Kind == ir.Array {
		return *t.Elem
	}
	return t
}

// shapeOf is the JSON kind a value of type t encodes as, "" when it may be any
// (a free-form value, a union).
func (b *builder) shapeOf(t ir.TypeRef) ir.JSONKind {
	switch t.Kind {
	case ir.Array:
		return ir.KindArray
	case ir.Map:
		return ir.KindObject
	case ir.Primitive:
		switch t.Name {
		case "string":
			return ir.KindString
		case "bool":
			return ir.KindBool
		}
		return ir.KindNumber
	case ir.Named:
		m := b.models[t.Name]
		if m == nil {
			return ""
		}
		switch m.Kind {
		case ir.Struct:
			return ir.KindObject
		case ir.Enum:
			return b.shapeOf(m.Enum.Base)
		case ir.Alias, ir.Defined:
			return b.shapeOf(m.Type)
		}
	case ir.RawJSON:
		// A free-form object (type: object, maybe nullable): null adds nothing.
		if c := t.Constraints; c != nil && slices.Contains(c.JSONTypes, "object") &&
			!slices.ContainsFunc(c.JSONTypes, func(k string) bool { return k != "object" && k != "null" }) {
			return ir.KindObject
		}
	}
	return ""
}

func shapeWord(k ir.JSONKind) string {
	switch k {
	case "":
		return "of any type"
	case ir.KindObject, ir.KindArray:
		return "an " + string(k)
	}
	return "a " + string(k)
}

// nilable reports whether a value of type t can be nil: slices, maps, free-form
// values and named types over them.
func (b *builder) nilable(t ir.TypeRef) bool {
	switch t.Kind {
	case ir.Array, ir.Map, ir.RawJSON:
		return true
	case ir.Named:
		if m := b.models[t.Name]; m != nil && (m.Kind == ir.Alias || m.Kind == ir.Defined) {
			return b.nilable(m.Type)
		}
	}
	return false
}

// flattenClash reports a query parameter (or form field) whose name a styled one
// flattens into (Tag.1 beside a repeatList Tag): both would set one key, which
// acs.Flatten refuses at run time and darabonba resolves in random order. The
// query and the form body are apart.
func (b *builder) flattenClash(o *ir.Operation, param *ir.Param, path []string) {
	if param.In != ir.InQuery && param.In != ir.InForm {
		return
	}
	for _, q := range o.Params[:len(o.Params)-1] {
		if q.In != param.In {
			continue
		}
		for _, pair := range [][2]*ir.Param{{q, param}, {param, q}} {
			styled, other := pair[0], pair[1]
			if (styled.Style == ir.ParamRepeatList || styled.Style == ir.ParamFlat) && strings.HasPrefix(other.Name, styled.Name+".") {
				b.errorf(path, "parameter %q is a key that parameter %q (x-acs-param-style %s) flattens into; rename one", other.Name, styled.Name, styled.Style)
			}
		}
	}
}

// delimitedParam checks a parameter of style spaceDelimited or pipeDelimited,
// which OpenAPI 3.0 defines for query arrays sent as one value whose items are
// joined with a space or "|" (explode: false, the default of every style but
// form). It sets param.Explode and reports whether the parameter can be built.
func (b *builder) delimitedParam(p *openapi3.Parameter, param *ir.Param, path []string) bool {
	if param.In != ir.InQuery && param.In != ir.InForm { // a form body's field follows the query's styles
		b.errorf(path, "parameter %q is in %s; style %s is defined for query parameters only", p.Name, param.In, p.Style)
		return false
	}
	if p.Explode != nil && *p.Explode {
		b.errorf(path, "parameter %q has style %s with explode: true, which repeats the name per item as style form does; use style form, or explode: false", p.Name, p.Style)
		return false
	}
	param.Explode = false
	return true
}

// objectParam finishes a query parameter whose schema is an object, of style form
// (explode: R=100&G=200, or not: color=R,100,G,200) or deepObject (color[R]=100),
// sent by acs.ObjectParam. Its members must be strings, numbers or booleans: a
// struct's fields or a map's values. The request field is nil when unset, as a
// styled parameter's: a pointer to the struct, or the map.
func (b *builder) objectParam(p *openapi3.Parameter, param *ir.Param, path []string) *ir.Param {
	param.Style = ir.ParamFormObject
	if p.Style == openapi3.SerializationDeepObject {
		param.Style = ir.ParamDeepObject
	}
	if !b.scalarMembers(param.Type) {
		b.errorf(path, "parameter %q is an object in the query, whose members must be strings, numbers or booleans", p.Name)
		return nil
	}
	b.objectUnion(param, path)
	param.Pointer = !b.nilable(param.Type)
	if p.Schema.Value != nil {
		b.paramExamples[param] = firstNonNil(p.Example, p.Schema.Value.Example)
	}
	return param
}

// scalarMembers reports whether t is an object whose members are strings, numbers
// or booleans: a struct's fields or a map's values, or a union's objects all so.
func (b *builder) scalarMembers(t ir.TypeRef) bool {
	switch t.Kind {
	case ir.Map:
		return b.scalar(*t.Elem) != ""
	case ir.Named:
		if m := b.models[t.Name]; m != nil && m.Kind == ir.Struct {
			return !slices.ContainsFunc(m.Fields, func(f *ir.Field) bool { return b.scalar(f.Type) == "" })
		}
		if m := b.unionOf(t); m != nil && b.paramShape(t) == ir.KindObject {
			return !slices.ContainsFunc(m.Variants, func(v *ir.Variant) bool { return !b.scalarMembers(v.Type) })
		}
	}
	return false
}

// pathObjectParam finishes a path or header parameter whose schema is an object,
// sent by acs.PathObject (path: style simple, label or matrix) or acs.HeaderObject
// (style simple): R=100,G=200 with explode, R,100,G,200 without. Its members must
// be strings, numbers or booleans. The request field is nil-able, as a query
// object's: a pointer to the struct, or the map.
func (b *builder) pathObjectParam(p *openapi3.Parameter, param *ir.Param, path []string) *ir.Param {
	param.Style = ir.ParamObject
	if !b.scalarMembers(param.Type) {
		b.errorf(path, "parameter %q is an object in the %s, whose members must be strings, numbers or booleans", p.Name, param.In)
		return nil
	}
	b.objectUnion(param, path)
	param.Pointer = !b.nilable(param.Type)
	if p.Schema.Value != nil {
		b.paramExamples[param] = firstNonNil(p.Example, p.Schema.Value.Example)
	}
	return param
}

// contentParam finishes a parameter declared with content instead of a schema:
// one JSON media type, whose schema is the value's type, sent as the value's JSON
// text by acs.ContentParam (percent-encoded in a cookie, see cookieJSON). Its
// field is nil-able, nil when unset, as a styled parameter's. Text media types
// are textContent's.
func (b *builder) contentParam(o *ir.Operation, p *openapi3.Parameter, param *ir.Param, path []string) *ir.Param {
	if param.In == ir.InForm || param.In == ir.InMultipart {
		return nil // never: fields are made with a schema
	}
	mt, ct := JSONContent(p.Content)
	if len(p.Content) != 1 || mt == nil {
		b.errorf(path, "parameter %q has content %q; acsgen sends a parameter with content of one JSON media type (application/json) as its JSON text, or of text/plain (or */*) as its text", p.Name, sortedKeys(p.Content))
		return nil
	}
	if p.Style != "" || p.Explode != nil {
		b.errorf(path, "parameter %q has content and a style or explode; a parameter has one or the other", p.Name)
		return nil
	}
	if mt.Schema == nil {
		b.errorf(append(slices.Clone(path), "content", ct), "parameter %q has content %s without a schema", p.Name, ct)
		return nil
	}
	if param.In == ir.InCookie {
		b.cookieJSON(p, ct, path)
	}
	param.Style = ir.ParamContent
	param.Explode = false
	param.Type = b.typeOf(mt.Schema, o.GoName+param.GoName, append(slices.Clone(path), "content", ct, "schema"))
	param.Scalar = b.scalar(itemType(param.Type))
	param.Pointer = !b.nilable(param.Type)
	if s := mt.Schema.Value; s != nil {
		param.Doc = firstNonEmpty(param.Doc, s.Description)
		ex := firstNonNil(p.Example, mt.Example, s.Example)
		if text := exampleText(ex); text != "" {
			param.Doc = strings.TrimSpace(param.Doc + "\n\nExample: " + text)
		}
		b.paramExamples[param] = ex
	}
	param.Doc = withDeprecated(param.Doc, p.Deprecated)
	return param
}

// memberClash reports a query parameter (or cookie) whose name is a member of an
// object that another one sends exploded (R=100&G=200 beside a parameter R, or the
// cookies R=100; G=200 beside a cookie R): both would set one key, and the server
// could not tell them apart. Two such objects sharing a member clash too. A map's
// members are only known at run time, so only structs are checked; a deepObject,
// a flattened (x-acs-param-style) or an exploded object does not send its own name.
func (b *builder) memberClash(o *ir.Operation, param *ir.Param, path []string) {
	one, many := "query parameter", "query parameters"
	switch param.In {
	case ir.InQuery:
	case ir.InCookie:
		one, many = "cookie", "cookies"
	default:
		return
	}
	members, own := b.formMembers(param), sendsName(param)
	for _, q := range o.Params[:len(o.Params)-1] {
		if q.In != param.In {
			continue
		}
		theirs := b.formMembers(q)
		if own && slices.Contains(theirs, param.Name) {
			b.errorf(path, "parameter %q is the name of a member of parameter %q at %s, whose members are sent as their own %s (style form, explode: true); rename one", param.Name, q.Name, q.Pos, many)
		}
		if sendsName(q) && slices.Contains(members, q.Name) {
			b.errorf(path, "parameter %q (style form, explode: true) has a member %q, which sends a %s of the name of parameter %q at %s; rename one", param.Name, q.Name, one, q.Name, q.Pos)
		}
		for _, m := range members {
			if slices.Contains(theirs, m) {
				b.errorf(path, "parameters %q and %q at %s (style form, explode: true) both have a member %q, sent as a %s of that name; rename one", param.Name, q.Name, q.Pos, m, one)
			}
		}
	}
}

// sendsName reports whether query parameter (or cookie) p is sent under its own name.
func sendsName(p *ir.Param) bool {
	switch p.Style {
	case ir.ParamDeepObject, ir.ParamRepeatList, ir.ParamFlat:
		return false
	case ir.ParamFormObject, ir.ParamObject:
		return !p.Explode
	}
	return true
}

// formMembers is the wire names of the members of p, a struct sent in style form
// with explode, each as its own query parameter (or cookie); nil for any other
// parameter.
func (b *builder) formMembers(p *ir.Param) []string {
	exploded := p.Style == ir.ParamFormObject || p.Style == ir.ParamObject && p.In == ir.InCookie
	if !exploded || !p.Explode || p.Type.Kind != ir.Named {
		return nil
	}
	m := b.models[p.Type.Name]
	if m == nil || m.Kind != ir.Struct {
		return nil
	}
	names := make([]string, len(m.Fields))
	for i, f := range m.Fields {
		names[i] = f.Name
	}
	return names
}
