package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

func genEnumsFile(f *jen.File, api *ir.API) bool {
	n := 0
	for _, m := range api.Models {
		if m.Kind != ir.Enum {
			continue
		}
		f.Add(genEnum(m)).Line()
		n++
	}
	return n > 0
}

// genEnum emits:
//
//	// StageName is ...
//	type StageName string
//
//	// Known values of StageName.
//	const (
//		StageNameRelease StageName = "RELEASE"
//	)
//
//	// IsKnown reports whether v is one of the values the spec lists. ...
//	func (v StageName) IsKnown() bool { switch v { case StageNameRelease: return true }; return false }
func genEnum(m *ir.Model) jen.Code {
	values := m.Enum.Values
	return jen.Add(doc(m.Doc)).
		Type().Id(m.GoName).Add(typeRef(m.Enum.Base)).Line().Line().
		Comment("Known values of " + m.GoName + ".").Line().
		Const().DefsFunc(func(g *jen.Group) {
		for _, v := range values {
			g.Comment(v.GoName + " is the value " + v.Value + ".").Line().Id(v.GoName).Id(m.GoName).Op("=").Op(v.Value)
		}
	}).Line().Line().
		Add(isKnownDoc(m.Enum.Open)).
		Func().Params(jen.Id("v").Id(m.GoName)).Id("IsKnown").Params().Bool().BlockFunc(func(g *jen.Group) {
		if len(values) == 0 {
			g.Return(jen.False())
			return
		}
		g.Switch(jen.Id("v")).Block(
			jen.CaseFunc(func(c *jen.Group) {
				for _, v := range values {
					c.Id(v.GoName)
				}
			}).Block(jen.Return(jen.True())),
		)
		g.Return(jen.False())
	})
}

// isKnownDoc says what a value outside the list does: it always decodes; Validate
// reports it unless the enum is open (x-acs-open-enum).
func isKnownDoc(open bool) jen.Code {
	if open {
		return doc("IsKnown reports whether v is one of the values the spec lists. The enum is\n" +
			"open: the service may send values added since, and Validate accepts them.")
	}
	return doc("IsKnown reports whether v is one of the values the spec lists. Values\n" +
		"outside the list still decode, and Validate reports them.")
}
