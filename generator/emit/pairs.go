package emit

import (
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// queryPairs reports whether every query parameter of op has one value of a fixed
// name, so that the method can put them into acs.Request.Pairs without a url.Values:
// strings, integers and booleans (Flatten's text for them needs no JSON round trip),
// and string arrays an Alibaba API joins into one value. Spec parameters have
// distinct names, so the pairs do too. An operation with any other query parameter
// keeps the map, where Flatten finds keys set twice.
func queryPairs(op *ir.Operation) (ok bool, n int) {
	for _, p := range op.Params {
		if p.In != ir.InQuery {
			continue
		}
		n++
		if p.Style != ir.ParamPlain || p.Text || p.Binary || p.Name == "" || !utf8.ValidString(p.Name) {
			return false, 0
		}
		switch {
		case p.Type.Kind == ir.Array:
			if p.Sep == "" || !p.JoinEncoded || p.Type.Elem.Kind != ir.Primitive || p.Scalar != "string" {
				return false, 0
			}
		case p.Scalar != "string" && p.Scalar != "int32" && p.Scalar != "int64" && p.Scalar != "bool":
			return false, 0
		}
	}
	return n > 0, n
}

// setPair emits the statements that append query parameter p to query, a
// []acs.Pair, when it is set, with the text Flatten would give it:
//
//	if req.GroupID != nil {
//		query = append(query, acs.Pair{Name: "GroupId", Value: acs.QueryText(*req.GroupID)})
//	}
func setPair(p *ir.Param) jen.Code {
	field := jen.Id("req").Dot(p.GoName)
	value := func(v jen.Code) jen.Code {
		if p.Scalar == "string" {
			return jen.Qual(acsPkg, "QueryText").Call(format(p, v))
		}
		return format(p, v)
	}
	add := func(v jen.Code) jen.Code {
		return jen.Id("query").Op("=").Append(jen.Id("query"), jen.Qual(acsPkg, "Pair").Values(
			jen.Id("Name").Op(":").Lit(p.Name), jen.Id("Value").Op(":").Add(v)))
	}
	switch {
	case p.Type.Kind == ir.Array: // joined whole, as setArray joins it for the map
		return jen.If(jen.Len(field.Clone()).Op(">").Lit(0)).Block(
			add(jen.Qual(stringsPkg, "Join").Call(field.Clone(), jen.Lit(p.Sep))))
	case p.Pointer:
		return jen.If(field.Clone().Op("!=").Nil()).Block(add(value(jen.Op("*").Add(field.Clone()))))
	}
	return add(value(field))
}
