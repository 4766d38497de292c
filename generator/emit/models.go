package emit

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

func genModelsFile(f *jen.File, api *ir.API) bool {
	n := 0
	for _, m := range api.Models {
		switch m.Kind {
		case ir.Struct:
			f.Add(genStruct(m)).Line()
			if m.OwnJSON {
				f.Add(genOwnJSON(m)).Line()
			}
		case ir.Alias:
			f.Add(doc(m.Doc)).Type().Id(m.GoName).Op("=").Add(typeRef(m.Type)).Line()
		case ir.Defined:
			f.Add(doc(m.Doc)).Type().Id(m.GoName).Add(typeRef(m.Type)).Line()
			if m.Type.Kind == ir.RawJSON {
				f.Add(genRawJSONMethods(m)).Line()
			}
		default:
			continue
		}
		n++
	}
	return n > 0
}

// genStruct emits:
//
//	// Pet is a pet.
//	type Pet struct {
//		// The name.
//		Name *string `json:"name,omitzero"`
//	}
func genStruct(m *ir.Model) jen.Code {
	return jen.Add(doc(m.Doc)).Type().Id(m.GoName).StructFunc(func(g *jen.Group) {
		for i, fld := range m.Fields {
			if i > 0 && fld.Doc != "" {
				g.Line()
			}
			tag := fld.Name
			if tag == "-" {
				tag = "-," // a bare "-" tells encoding/json to skip the field
			}
			if fld.OmitZero {
				tag += ",omitzero"
			}
			fdoc := doc(fld.Doc)
			if fld.Untagged {
				tag = "-"
				fdoc = doc(fld.Doc + "\n\nIts name on the wire, " + strconv.Quote(fld.Name) + ", cannot be a struct tag key:\n" +
					m.GoName + "'s MarshalJSON and UnmarshalJSON carry it.")
			}
			g.Add(fdoc).Id(fld.GoName).Add(fieldType(fld)).Tag(map[string]string{"json": tag})
		}
	})
}
