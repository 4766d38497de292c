package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// genOwnJSON emits the JSON methods of a struct with a property name no struct tag
// can hold (ir.Model.OwnJSON): MarshalJSON writes every member by its exact name,
// UnmarshalJSON reads them with the generated DecodeJSON, which knows them too.
//
//	// MarshalJSON writes each member of m under its exact name, as encoding/json
//	// cannot for "a,b": no struct tag can hold it.
//	func (m Thing) MarshalJSON() ([]byte, error) {
//		return acs.MarshalObject([]acs.Member{
//			{Key: "a,b", Value: m.AB, Omit: m.AB == nil},
//			{Key: "id", Value: m.ID},
//		})
//	}
//
//	// UnmarshalJSON decodes data into m with DecodeJSON, which reads each member by
//	// its exact name, as encoding/json cannot for "a,b".
//	func (m *Thing) UnmarshalJSON(data []byte) error {
//		return jsondec.Unmarshal(data, m)
//	}
func genOwnJSON(m *ir.Model) jen.Code {
	keys := ""
	for _, f := range m.Fields {
		if f.Untagged {
			if keys != "" {
				keys += ", "
			}
			keys += strconv.Quote(f.Name)
		}
	}
	return jen.Add(doc("MarshalJSON writes each member of m under its exact name, as encoding/json\ncannot for "+keys+": no struct tag can hold it.")).
		Func().Params(jen.Id("m").Id(m.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Qual(acsPkg, "MarshalObject").Call(jen.Index().Qual(acsPkg, "Member").ValuesFunc(func(g *jen.Group) {
			for _, f := range m.Fields {
				g.Line().Add(member(f))
			}
			g.Line()
		}))),
	).Line().Line().
		Add(doc("UnmarshalJSON decodes data into m with DecodeJSON, which reads each member by\nits exact name, as encoding/json cannot for " + keys + ".")).
		Func().Params(jen.Id("m").Op("*").Id(m.GoName)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Qual(jsondecPkg, "Unmarshal").Call(jen.Id("data"), jen.Id("m"))),
	)
}

// member is the acs.Member of field f, left out as its omitzero tag would leave it.
func member(f *ir.Field) jen.Code {
	value := func() *jen.Statement { return jen.Id("m").Dot(f.GoName) }
	items := []jen.Code{jen.Id("Key").Op(":").Lit(f.Name), jen.Id("Value").Op(":").Add(value())}
	switch {
	case !f.OmitZero:
	case f.Wrap == ir.Nullable || f.Wrap == ir.NullablePointer:
		items = append(items, jen.Id("Omit").Op(":").Add(value()).Dot("IsZero").Call())
	default: // pointers, slices, maps and raw JSON: their zero is nil
		items = append(items, jen.Id("Omit").Op(":").Add(value()).Op("==").Nil())
	}
	return jen.Values(items...)
}
