package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// genRawJSONMethods emits, for a defined type over json.RawMessage (a schema
// of any value, an enum of objects), the JSON methods the type does not get
// from json.RawMessage: without them encoding/json sees a []byte, which it
// writes and reads as a base64 string.
//
//	func (m Free) MarshalJSON() ([]byte, error) { return json.RawMessage(m).MarshalJSON() }
//	func (m *Free) UnmarshalJSON(data []byte) error { return (*json.RawMessage)(m).UnmarshalJSON(data) }
func genRawJSONMethods(m *ir.Model) jen.Code {
	raw := jen.Qual(jsonPkg, "RawMessage")
	return jen.Comment("MarshalJSON writes the value as it is, as json.RawMessage does.").Line().
		Func().Params(jen.Id("m").Id(m.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Add(raw).Call(jen.Id("m")).Dot("MarshalJSON").Call()),
	).Line().Line().
		Comment("UnmarshalJSON keeps a copy of data, as json.RawMessage does.").Line().
		Func().Params(jen.Id("m").Op("*").Id(m.GoName)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Parens(jen.Op("*").Qual(jsonPkg, "RawMessage")).Call(jen.Id("m")).Dot("UnmarshalJSON").Call(jen.Id("data"))),
	)
}
