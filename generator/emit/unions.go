package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

func genUnionsFile(f *jen.File, api *ir.API) bool {
	n := 0
	for _, m := range api.Models {
		if m.Kind != ir.Union {
			continue
		}
		f.Add(genUnion(m)).Line()
		n++
	}
	return n > 0
}

// genUnion emits a struct with one pointer per alternative, plus JSON methods that
// pick the alternative by the JSON type of the value:
//
//	type Port struct {
//		String *string
//		Int32  *int32
//	}
//	func (u Port) MarshalJSON() ([]byte, error)
//	func (u *Port) UnmarshalJSON(data []byte) error
func genUnion(m *ir.Model) jen.Code {
	kinds := make([]string, len(m.Variants))
	for i, v := range m.Variants {
		kinds[i] = string(v.Kind)
	}
	return jen.Add(doc(m.Doc+"\n\nExactly one field is set; which one follows the JSON type of the value.")).
		Type().Id(m.GoName).StructFunc(func(g *jen.Group) {
		for _, v := range m.Variants {
			g.Id(v.GoName).Op("*").Add(typeRef(v.Type)).Comment("set when the value is a JSON " + string(v.Kind))
		}
	}).Line().Line().
		Comment("MarshalJSON encodes the alternative that is set.").Line().
		Func().Params(jen.Id("u").Id(m.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).BlockFunc(func(g *jen.Group) {
		g.Switch().BlockFunc(func(s *jen.Group) {
			for _, v := range m.Variants {
				s.Case(jen.Id("u").Dot(v.GoName).Op("!=").Nil()).Block(
					jen.Return(jen.Qual(jsonPkg, "Marshal").Call(jen.Id("u").Dot(v.GoName))))
			}
		})
		g.Return(jen.Nil(), jen.Qual(errorsPkg, "New").Call(jen.Lit(m.GoName+": no alternative is set")))
	}).Line().Line().
		Comment("UnmarshalJSON decodes data into the alternative of its JSON type.").Line().
		Func().Params(jen.Id("u").Op("*").Id(m.GoName)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().BlockFunc(func(g *jen.Group) {
		g.Op("*").Id("u").Op("=").Id(m.GoName).Values()
		g.Id("kind").Op(":=").Qual(acsPkg, "JSONKind").Call(jen.Id("data"))
		g.Switch(jen.Id("kind")).BlockFunc(func(s *jen.Group) {
			for _, v := range m.Variants {
				s.Case(jen.Lit(string(v.Kind))).Block(
					jen.Return(jen.Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("u").Dot(v.GoName))))
			}
		})
		g.Return(jen.Qual(fmtPkg, "Errorf").Call(
			jen.Lit(m.GoName+": a JSON %s is not one of: "+strings.Join(kinds, ", ")), jen.Id("kind")))
	})
}
