package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// setText emits the statements that put a parameter whose value (or array item)
// is a union of scalars (Param.Text) where it goes (a multipart part is
// setPart's), when it is set: its text is
// rendered by acs.ScalarText (acs.ScalarTexts for an array), then put as a string
// parameter's would be:
//
//	if req.Filter != nil {
//		s, err := acs.ScalarText(req.Filter)
//		if err != nil {
//			return nil, fmt.Errorf("paramshapes: Search: parameter filter: %w", err)
//		}
//		if err := acs.Flatten(query, "filter", s); err != nil {
//			return nil, fmt.Errorf("paramshapes: Search: parameter filter: %w", err)
//		}
//	}
func setText(p *ir.Param, prefix string) jen.Code {
	field := jen.Id("req").Dot(p.GoName)
	array := p.Type.Kind == ir.Array
	name := jen.Lit(p.Name)
	var put []jen.Code
	switch {
	case array && p.In == ir.InCookie && p.Sep == "":
		put = []jen.Code{jen.Qual(acsPkg, "AddCookiePairs").Call(jen.Id("header"), name, jen.Id("items").Op("..."))}
	case array && p.In == ir.InCookie:
		put = []jen.Code{jen.Qual(acsPkg, "AddCookie").Call(jen.Id("header"), name, jen.Id("items").Op("..."))}
	case p.In == ir.InCookie:
		put = []jen.Code{jen.Qual(acsPkg, "AddCookie").Call(jen.Id("header"), name, jen.Id("s"))}
	case array && p.In == ir.InHeader:
		put = []jen.Code{jen.Id("header").Dot("Set").Call(name, jen.Qual(stringsPkg, "Join").Call(jen.Id("items"), jen.Lit(",")))}
	case p.In == ir.InHeader:
		put = []jen.Code{jen.Id("header").Dot("Set").Call(name, jen.Id("s"))}
	case array && p.Sep == "":
		put = []jen.Code{jen.For(jen.List(jen.Id("_"), jen.Id("s")).Op(":=").Range().Id("items")).Block(
			jen.Id("query").Dot("Add").Call(name, jen.Id("s")))}
	case array && p.JoinEncoded:
		put = []jen.Code{jen.Id("query").Dot("Set").Call(name, jen.Qual(stringsPkg, "Join").Call(jen.Id("items"), jen.Lit(p.Sep)))}
	case array:
		put = []jen.Code{jen.Qual(acsPkg, "SetJoined").Call(jen.Id("encoded"), name, querySep(p.Sep), jen.Id("items").Op("..."))}
	default: // the query or a form body: a string as acs.Flatten puts it
		target := jen.Id("query")
		if p.In == ir.InForm {
			target = jen.Id("form")
		}
		put = []jen.Code{flattenParam(p, target, jen.Id("s"), prefix)}
	}
	render, v := jen.Qual(acsPkg, "ScalarText").Call(field), "s"
	if array {
		render, v = jen.Qual(acsPkg, "ScalarTexts").Call(jen.Id("req").Dot(p.GoName)), "items"
	}
	block := append([]jen.Code{
		jen.List(jen.Id(v), jen.Err()).Op(":=").Add(render),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), paramError(p, prefix))),
	}, put...)
	switch {
	case array:
		return jen.If(jen.Len(jen.Id("req").Dot(p.GoName)).Op(">").Lit(0)).Block(block...)
	case p.Pointer:
		return jen.If(jen.Id("req").Dot(p.GoName).Op("!=").Nil()).Block(block...)
	}
	return jen.Block(block...)
}

// textSegment returns the statements that render path parameter p, a union of
// scalars (or an array of them), and the expression of its escaped segment, as
// pathSegment does for a string.
func textSegment(p *ir.Param, seg, errID string, fail func() jen.Code) ([]jen.Code, jen.Code) {
	field := jen.Id("req").Dot(p.GoName)
	if p.Type.Kind == ir.Array {
		return []jen.Code{jen.List(jen.Id(seg), jen.Id(errID)).Op(":=").Qual(acsPkg, "ScalarTexts").Call(field), fail()},
			jen.Qual(acsPkg, "PathParam").Call(pathStyle(p), jen.Lit(p.Name), jen.Lit(p.Explode), jen.Id(seg).Op("..."))
	}
	stmts := []jen.Code{jen.List(jen.Id(seg), jen.Id(errID)).Op(":=").Qual(acsPkg, "ScalarText").Call(field), fail()}
	if p.PathStyle != "" {
		return stmts, jen.Qual(acsPkg, "PathParam").Call(pathStyle(p), jen.Lit(p.Name), jen.Lit(p.Explode), jen.Id(seg))
	}
	return stmts, jen.Qual(acsPkg, "PathSegment").Call(jen.Id(seg))
}
