package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// styledChecks validate a styled parameter (whose field is nil when unset) through
// its type's checks, a struct through its model's validate method. A required one
// is missing when it puts nothing on the wire, or only empty values (acs.Missing):
// nil, a repeatList without items, a flat map without members; a json value is
// present once set, as "[]" or "{}" are values.
//
//	if r.Tag == nil {
//		v.Enter("Tag")
//		v.Fail("required parameter is missing")
//		v.Leave()
//	} else {
//		v.Enter("Tag")
//		r.Tag.validate(v)
//		v.Leave()
//	}
func (e *validateEmitter) styledChecks(p *ir.Param) []jen.Code {
	field := func() *jen.Statement { return jen.Id("r").Dot(p.GoName) }
	value := field()
	if p.Pointer && p.Type.Kind == ir.Primitive {
		value = jen.Op("*").Add(field())
	}
	present, missing := field().Op("!=").Nil(), field().Op("==").Nil()
	switch {
	case p.Style == ir.ParamRepeatList && p.Scalar == "string":
		present, missing = jen.Len(field()).Op(">").Lit(0), jen.Qual(acsPkg, "Missing").Call(field().Op("..."))
	case p.Style == ir.ParamRepeatList, p.Style == ir.ParamFlat && !p.Pointer,
		(p.Style == ir.ParamFormObject || p.Style == ir.ParamDeepObject || p.Style == ir.ParamObject) && !p.Pointer:
		present, missing = jen.Len(field()).Op(">").Lit(0), jen.Len(field()).Op("==").Lit(0)
	case p.Style == ir.ParamJSON && p.Pointer && p.Scalar == "string" && p.Type.Kind != ir.Array:
		missing = missing.Op("||").Qual(acsPkg, "Missing").Call(jen.Op("*").Add(field()))
	}
	needs := e.typeNeeds(p.Type)
	checks := enter(p.Name, e.checks(value, p.Type))
	switch {
	case p.Required && needs:
		return []jen.Code{jen.If(missing).Block(requiredParam(p.Name)...).Else().Block(checks...)}
	case p.Required:
		return []jen.Code{jen.If(missing).Block(requiredParam(p.Name)...)}
	case needs:
		return []jen.Code{jen.If(present).Block(checks...)}
	}
	return nil
}
