package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// keyTableName names a struct model's table of field names (jsondec.Struct).
func keyTableName(m *ir.Model) string { return "json" + m.GoName }

// keyTable declares a struct model's table of field names, which the decoder
// (decode_gen.go) and the walkers (check_gen.go) look keys up in:
//
//	var jsonPet = jsondec.NewStruct("pets.Pet", "name", "tags").Required(1).Mandatory(1)
func keyTable(api *ir.API, m *ir.Model) *jen.Statement {
	names := []jen.Code{jen.Lit(api.Package + "." + m.GoName)}
	var required []jen.Code // the fields encoding/json writes even when zero
	for i, fld := range m.Fields {
		names = append(names, jen.Lit(fld.Name))
		if !fld.OmitZero {
			required = append(required, jen.Lit(i))
		}
	}
	return jen.Var().Id(keyTableName(m)).Op("=").Qual(jsondecPkg, "NewStruct").Call(names...).Dot("Required").Call(required...).Add(strictFacts(m))
}

// declareKeyTables declares in the check package the tables of the struct
// models the walkers reach that have fields: the same as the client's, which
// keeps its own unexported.
func declareKeyTables(f *jen.File, api *ir.API, reach map[string]bool) {
	var decls []jen.Code
	for _, m := range api.Models {
		if reach[m.GoName] && m.Kind == ir.Struct && len(m.Fields) > 0 {
			decls = append(decls, keyTable(api, m))
		}
	}
	if len(decls) == 0 {
		return
	}
	f.Comment("Field names of the structs the walkers read, as the client's decoder has them.")
	for _, d := range decls {
		f.Add(d)
	}
	f.Line()
}
