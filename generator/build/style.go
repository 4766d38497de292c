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
	if param.In != ir.InQuery {
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
	scalars := false
	switch t := param.Type; t.Kind {
	case ir.Map:
		scalars = b.scalar(*t.Elem) != ""
	case ir.Named:
		if m := b.models[t.Name]; m != nil && m.Kind == ir.Struct {
			scalars = !slices.ContainsFunc(m.Fields, func(f *ir.Field) bool { return b.scalar(f.Type) == "" })
		}
	}
	if !scalars {
		b.errorf(path, "parameter %q is an object in the query, whose members must be strings, numbers or booleans", p.Name)
		return nil
	}
	param.Pointer = !b.nilable(param.Type)
	if p.Schema.Value != nil {
		b.paramExamples[param] = firstNonNil(p.Example, p.Schema.Value.Example)
	}
	return param
}

// cookieParam checks a cookie parameter: of style form (the only style OpenAPI
// 3.0 defines for cookies), named by an RFC 6265 token, and, for an array, with
// explode: false, its items joined with commas in one pair (the default, explode:
// true, would repeat name=value pairs, which a Cookie header cannot tell from two
// cookies). The value's type is checked as any parameter's.
func (b *builder) cookieParam(p *openapi3.Parameter, path []string) bool {
	if p.Style != "" && p.Style != openapi3.SerializationForm {
		b.errorf(path, "cookie parameter %q has style %s; cookies are sent in style form", p.Name, p.Style)
		return false
	}
	if p.Name == "" || strings.ContainsFunc(p.Name, func(r rune) bool { return r > 0x7e || r <= ' ' || strings.ContainsRune("()<>@,;:\\\"/[]?={}", r) }) {
		b.errorf(path, "cookie parameter %q is not a cookie name: a name is a token, without spaces, controls or ()<>@,;:\\\"/[]?={}", p.Name)
		return false
	}
	if s := p.Schema; s != nil && s.Value != nil && s.Value.Type.Is("array") && (p.Explode == nil || *p.Explode) {
		b.errorf(path, "cookie parameter %q is an array with explode: true (the default), which would send one pair per item; set explode: false to join the items with commas", p.Name)
		return false
	}
	return true
}
