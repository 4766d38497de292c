package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// setParam emits the statements that put one parameter into query, header or form.
// Optional scalars are sent only when set; arrays only when they have items, as
// Validate counts an empty array as absent ("Name=" would be an empty value).
func setParam(p *ir.Param, target jen.Code, prefix string) jen.Code {
	field := func() *jen.Statement { return jen.Id("req").Dot(p.GoName) }
	switch {
	case (p.In == ir.InQuery || p.In == ir.InForm) && p.Type.Kind != ir.Array:
		return setQueryScalar(p, target, prefix)
	case p.Type.Kind == ir.Array:
		return jen.If(jen.Len(field()).Op(">").Lit(0)).Block(setArray(p, target, field))
	case p.Pointer:
		return jen.If(field().Op("!=").Nil()).Block(
			jen.Add(target).Dot("Set").Call(jen.Lit(p.Name), format(p, jen.Op("*").Add(field()))))
	default:
		return jen.Add(target).Dot("Set").Call(jen.Lit(p.Name), format(p, field()))
	}
}

// setQueryScalar emits the statements that put a scalar query parameter (or form
// field) through acs.Flatten, as darabonba's utils.Query puts it: text as it is but
// invalid UTF-8 as U+FFFD, numbers as encoding/json writes them (1e-7, 1e+21), a NaN refused.
// A named type is converted to its primitive, which Flatten puts without a JSON
// round trip (but floats):
//
//	if req.GroupID != nil {
//		if err := acs.Flatten(query, "GroupId", *req.GroupID); err != nil {
//			return nil, fmt.Errorf("cloudapi: AttachPlugin: parameter GroupId: %w", err)
//		}
//	}
func setQueryScalar(p *ir.Param, target jen.Code, prefix string) jen.Code {
	field := jen.Id("req").Dot(p.GoName)
	if p.Pointer {
		field = jen.Op("*").Add(field)
	}
	var v jen.Code = field
	if p.Type.Kind == ir.Named {
		v = jen.Id(p.Scalar).Call(field)
	}
	flatten := flattenParam(p, target, v, prefix)
	if p.Pointer {
		return jen.If(jen.Id("req").Dot(p.GoName).Op("!=").Nil()).Block(flatten)
	}
	return flatten
}

// flattenParam emits acs.Flatten(target, p.Name, v), returning its error wrapped.
func flattenParam(p *ir.Param, target, v jen.Code, prefix string) jen.Code {
	return jen.If(jen.Err().Op(":=").Qual(acsPkg, "Flatten").Call(target, jen.Lit(p.Name), v), jen.Err().Op("!=").Nil()).Block(
		jen.Return(jen.Nil(), paramError(p, prefix)))
}

// paramError wraps err with the package, operation and parameter.
func paramError(p *ir.Param, prefix string) jen.Code {
	return jen.Qual(fmtPkg, "Errorf").Call(jen.Lit(prefix+"parameter "+escapePercent(p.Name)+": %w"), jen.Err())
}

// setStyledParam emits the statements that flatten a styled parameter into the
// query when it is set (a styled field is nil when unset), returning the runtime's
// error, wrapped, instead of sending:
//
//	if req.Tag != nil {
//		if err := acs.Flatten(query, "Tag", req.Tag); err != nil {
//			return nil, fmt.Errorf("ecs: TagResources: parameter Tag: %w", err)
//		}
//	}
//
// A json parameter is encoded by acs.JSONParam first; Flatten then puts the string
// as darabonba's utils.Query does, invalid UTF-8 as U+FFFD.
func setStyledParam(p *ir.Param, target jen.Code, prefix string) jen.Code {
	field := func() *jen.Statement { return jen.Id("req").Dot(p.GoName) }
	if p.Style != ir.ParamJSON {
		return jen.If(field().Op("!=").Nil()).Block(flattenParam(p, target, field(), prefix))
	}
	return jen.If(field().Op("!=").Nil()).Block(
		jen.List(jen.Id("s"), jen.Err()).Op(":=").Qual(acsPkg, "JSONParam").Call(field()),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix))),
		flattenParam(p, target, jen.Id("s"), prefix),
	)
}

// setObjectParam emits the statements that put an object of style form or
// deepObject into the query when it is set:
//
//	if req.Color != nil {
//		if err := acs.ObjectParam(query, "color", acs.StyleDeepObject, true, req.Color); err != nil {
//			return nil, fmt.Errorf("oasstyles: ListItems: parameter color: %w", err)
//		}
//	}
//
// An object of style form without explode goes into encoded, its commas literal
// (range=from,1,to,9), by acs.SetJoinedObject.
func setObjectParam(p *ir.Param, target jen.Code, prefix string) jen.Code {
	field := func() *jen.Statement { return jen.Id("req").Dot(p.GoName) }
	if p.Style == ir.ParamFormObject && !p.Explode && p.In == ir.InQuery {
		return jen.If(field().Op("!=").Nil()).Block(
			jen.If(jen.Err().Op(":=").Qual(acsPkg, "SetJoinedObject").Call(jen.Id("encoded"), jen.Lit(p.Name), field()),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix))))
	}
	return jen.If(field().Op("!=").Nil()).Block(
		jen.If(jen.Err().Op(":=").Qual(acsPkg, "ObjectParam").Call(target, jen.Lit(p.Name), objectStyle(p), jen.Lit(p.Explode), field()),
			jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix))))
}

func objectStyle(p *ir.Param) jen.Code {
	if p.Style == ir.ParamDeepObject {
		return jen.Qual(acsPkg, "StyleDeepObject")
	}
	return jen.Qual(acsPkg, "StyleForm")
}

// setCookie emits the statements that add a cookie parameter to the Cookie
// header when it is set, an array as its items, joined with commas in one pair
// (explode: false, acs.AddCookie) or one pair each (acs.AddCookiePairs):
//
//	if len(req.Prefs) > 0 {
//		items := make([]string, len(req.Prefs))
//		for i, v := range req.Prefs {
//			items[i] = strconv.FormatInt(v, 10)
//		}
//		acs.AddCookie(header, "prefs", items...)
//	}
//
// An object goes through acs.CookieObject, a content parameter through
// acs.ContentParam, their errors returned wrapped.
func setCookie(p *ir.Param, header jen.Code, prefix string) jen.Code {
	field := func() *jen.Statement { return jen.Id("req").Dot(p.GoName) }
	add := func(v ...jen.Code) jen.Code {
		fn := "AddCookie"
		if p.Type.Kind == ir.Array && p.Sep == "" {
			fn = "AddCookiePairs"
		}
		return jen.Qual(acsPkg, fn).Call(append([]jen.Code{header, jen.Lit(p.Name)}, v...)...)
	}
	switch {
	case p.Style == ir.ParamContent: // its JSON text, percent-encoded by AddCookie
		return jen.If(field().Op("!=").Nil()).Block(
			jen.List(jen.Id("s"), jen.Err()).Op(":=").Qual(acsPkg, "ContentParam").Call(field()),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix))),
			add(jen.Id("s")))
	case p.Style == ir.ParamObject:
		return jen.If(field().Op("!=").Nil()).Block(
			jen.If(jen.Err().Op(":=").Qual(acsPkg, "CookieObject").Call(header, jen.Lit(p.Name), jen.Lit(p.Explode), field()),
				jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix))))
	case p.Type.Kind == ir.Array && p.Type.Elem.Kind == ir.Primitive && p.Scalar == "string":
		return jen.If(jen.Len(field()).Op(">").Lit(0)).Block(add(field().Op("...")))
	case p.Type.Kind == ir.Array:
		return jen.If(jen.Len(field()).Op(">").Lit(0)).Block(
			jen.Id("items").Op(":=").Make(jen.Index().String(), jen.Len(field())),
			jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Add(field())).Block(
				jen.Id("items").Index(jen.Id("i")).Op("=").Add(format(p, jen.Id("v")))),
			add(jen.Id("items").Op("...")))
	case p.Pointer:
		return jen.If(field().Op("!=").Nil()).Block(add(format(p, jen.Op("*").Add(field()))))
	}
	return add(format(p, field()))
}

// setArray joins the items with p.Sep or repeats the name (an exploded query
// array). A joined query array goes into encoded, each item percent-encoded by
// acs.SetJoined and the delimiter sent as OpenAPI's style table shows it (a literal
// "," or "|", a space as %20); a header array is one header line, items joined with
// commas, as style simple sends it with or without explode. An Alibaba API's
// joined array goes into the query whole (Param.JoinEncoded).
func setArray(p *ir.Param, target jen.Code, field func() *jen.Statement) jen.Code {
	joined := p.Sep != ""
	strs := p.Type.Elem.Kind == ir.Primitive && p.Scalar == "string"
	join := func(items jen.Code) jen.Code {
		if p.In == ir.InQuery && !p.JoinEncoded {
			return jen.Qual(acsPkg, "SetJoined").Call(jen.Id("encoded"), jen.Lit(p.Name), querySep(p.Sep), jen.Add(items).Op("..."))
		}
		return jen.Add(target).Dot("Set").Call(jen.Lit(p.Name), jen.Qual(stringsPkg, "Join").Call(items, jen.Lit(p.Sep)))
	}
	if joined && strs {
		return join(field())
	}
	if !joined {
		return jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Add(field())).Block(
			jen.Add(target).Dot("Add").Call(jen.Lit(p.Name), format(p, jen.Id("v"))))
	}
	return jen.Add(formatItems(p, "items", field())).Line().Add(join(jen.Id("items")))
}

// formatItems declares items, the items of the array x formatted as strings:
//
//	items := make([]string, len(req.IDs))
//	for i, v := range req.IDs {
//		items[i] = strconv.FormatInt(v, 10)
//	}
func formatItems(p *ir.Param, items string, x jen.Code) *jen.Statement {
	return jen.Id(items).Op(":=").Make(jen.Index().String(), jen.Len(x)).Line().
		For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Add(x)).Block(
		jen.Id(items).Index(jen.Id("i")).Op("=").Add(format(p, jen.Id("v"))))
}

// querySep is the acs constant of a query array's delimiter.
func querySep(sep string) jen.Code {
	switch sep {
	case " ":
		return jen.Qual(acsPkg, "SepSpaceDelimited")
	case "|":
		return jen.Qual(acsPkg, "SepPipeDelimited")
	}
	return jen.Qual(acsPkg, "SepForm")
}

// pathStyle is the acs constant of a path parameter's style.
func pathStyle(p *ir.Param) jen.Code {
	switch p.PathStyle {
	case ir.PathLabel:
		return jen.Qual(acsPkg, "StyleLabel")
	case ir.PathMatrix:
		return jen.Qual(acsPkg, "StyleMatrix")
	}
	return jen.Qual(acsPkg, "StyleSimple")
}

// pathSegment returns the statements that render path parameter p (the n-th of
// the path) before the request is made, and the expression of its escaped
// segment. A simple scalar is acs.PathSegment of its text; label and matrix
// scalars and every array go through acs.PathParam, objects through
// acs.PathObject, content parameters through acs.ContentParam:
//
//	seg1, err1 := acs.PathObject(acs.StyleMatrix, "color", true, req.Color)
//	if err1 != nil {
//		return nil, fmt.Errorf("oasstyles: GetColor: parameter color: %w", err1)
//	}
func pathSegment(p *ir.Param, n int, prefix string) ([]jen.Code, jen.Code) {
	field := func() *jen.Statement { return jen.Id("req").Dot(p.GoName) }
	seg, errID := fmt.Sprintf("seg%d", n), fmt.Sprintf("err%d", n)
	fail := func() jen.Code {
		return jen.If(jen.Id(errID).Op("!=").Nil()).Block(jen.Return(jen.Nil(),
			jen.Qual(fmtPkg, "Errorf").Call(jen.Lit(prefix+"parameter "+escapePercent(p.Name)+": %w"), jen.Id(errID))))
	}
	param := func(items ...jen.Code) jen.Code {
		return jen.Qual(acsPkg, "PathParam").Call(append([]jen.Code{pathStyle(p), jen.Lit(p.Name), jen.Lit(p.Explode)}, items...)...)
	}
	switch {
	case p.Text:
		return textSegment(p, seg, errID, fail)
	case p.Style == ir.ParamContent:
		return []jen.Code{
			jen.List(jen.Id(seg), jen.Id(errID)).Op(":=").Qual(acsPkg, "ContentParam").Call(field()), fail(),
		}, jen.Qual(acsPkg, "PathSegment").Call(jen.Id(seg))
	case p.Style == ir.ParamObject:
		return []jen.Code{
			jen.List(jen.Id(seg), jen.Id(errID)).Op(":=").Qual(acsPkg, "PathObject").Call(pathStyle(p), jen.Lit(p.Name), jen.Lit(p.Explode), field()), fail(),
		}, jen.Id(seg)
	case p.Type.Kind == ir.Array && p.Type.Elem.Kind == ir.Primitive && p.Scalar == "string":
		return nil, param(field().Op("..."))
	case p.Type.Kind == ir.Array:
		items := fmt.Sprintf("items%d", n)
		return []jen.Code{formatItems(p, items, field())}, param(jen.Id(items).Op("..."))
	case p.PathStyle != "":
		return nil, param(format(p, field()))
	}
	return nil, jen.Qual(acsPkg, "PathSegment").Call(format(p, field()))
}

// setRendered emits the statements that put an object header (acs.HeaderObject)
// or a content header (acs.ContentParam, the JSON text as it is), or a content
// query parameter (percent-encoded when the query is), when it is set:
//
//	if req.Filter != nil {
//		s, err := acs.ContentParam(req.Filter)
//		if err != nil {
//			return nil, fmt.Errorf("oasstyles: GetThing: parameter filter: %w", err)
//		}
//		query.Set("filter", s)
//	}
func setRendered(p *ir.Param, prefix string) jen.Code {
	field := func() *jen.Statement { return jen.Id("req").Dot(p.GoName) }
	render := jen.Qual(acsPkg, "ContentParam").Call(field())
	if p.Style == ir.ParamObject {
		render = jen.Qual(acsPkg, "HeaderObject").Call(jen.Lit(p.Explode), field())
	}
	var set jen.Code
	switch p.In {
	case ir.InQuery:
		set = jen.Id("query").Dot("Set").Call(jen.Lit(p.Name), jen.Id("s"))
	default:
		set = jen.Id("header").Dot("Set").Call(jen.Lit(p.Name), jen.Id("s"))
	}
	return jen.If(field().Op("!=").Nil()).Block(
		jen.List(jen.Id("s"), jen.Err()).Op(":=").Add(render),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix))),
		set,
	)
}

// format renders a parameter value (or array item) as its wire string.
func format(p *ir.Param, v jen.Code) jen.Code {
	item := p.Type
	if item.Kind == ir.Array {
		item = *item.Elem
	}
	isNamed := item.Kind == ir.Named
	conv := func(to string) jen.Code { // convert a named type to its primitive
		if isNamed || (to != p.Scalar) {
			return jen.Id(to).Call(v)
		}
		return v
	}
	switch p.Scalar {
	case "string":
		return conv("string")
	case "bool":
		return jen.Qual(strconvPkg, "FormatBool").Call(conv("bool"))
	case "int32", "int64":
		return jen.Qual(strconvPkg, "FormatInt").Call(conv("int64"), jen.Lit(10))
	case "float32":
		return jen.Qual(strconvPkg, "FormatFloat").Call(conv("float64"), jen.LitRune('f'), jen.Lit(-1), jen.Lit(32))
	default:
		return jen.Qual(strconvPkg, "FormatFloat").Call(conv("float64"), jen.LitRune('f'), jen.Lit(-1), jen.Lit(64))
	}
}
