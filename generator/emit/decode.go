package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

const jsondecPkg = "github.com/acsgen/acsgen/acs/jsondec"

// decodeDoc heads every DecodeJSON method.
const decodeDoc = "DecodeJSON decodes the JSON value at d's cursor into m, as encoding/json would\n" +
	"but without reflection."

// genDecodeFile emits the JSON decoding of every struct and defined model: a
// DecodeJSON method that walks the document with package jsondec, which the client
// runs (jsondec.Unmarshal) on response bodies. Enums and aliases need none: enums
// decode as their base type, aliases are their target. Unions get theirs with
// their other methods (genUnion).
//
// The models get no UnmarshalJSON: encoding/json would then hand them the value
// whole, and a caller's Decoder.DisallowUnknownFields would no longer reach their
// fields. encoding/json keeps decoding them by reflection, to the same result.
func genDecodeFile(f *jen.File, api *ir.API) bool {
	e := &decodeEmitter{api: api, models: map[string]*ir.Model{}}
	for _, m := range api.Models {
		e.models[m.GoName] = m
	}
	n := 0
	for _, m := range api.Models {
		switch m.Kind {
		case ir.Struct:
			f.Add(e.genStructDecode(m)).Line()
		case ir.Defined:
			f.Add(e.genDefinedDecode(m)).Line()
		default:
			continue
		}
		n++
	}
	return n > 0
}

type decodeEmitter struct {
	api    *ir.API
	models map[string]*ir.Model
}

// genStructDecode emits, for a Pet with an optional name and required tags:
//
//	var jsonPet = jsondec.NewStruct("pets.Pet", "name", "tags").Required(1).Mandatory(1)
//
//	// DecodeJSON decodes ...
//	func (m *Pet) DecodeJSON(d *jsondec.Decoder) {
//		for o := d.Object(jsonPet); o.Next(); {
//			switch o.Field() {
//			case 0:
//				jsondec.StringPtr(&m.Name, d)
//			case 1:
//				jsondec.Slice(&m.Tags, d, jsondec.String[string])
//			}
//		}
//	}
func (e *decodeEmitter) genStructDecode(m *ir.Model) jen.Code {
	table := keyTableName(m)
	loop := jen.For(jen.Id("o").Op(":=").Id("d").Dot("Object").Call(jen.Id(table)), jen.Id("o").Dot("Next").Call(), jen.Empty())
	if len(m.Fields) == 0 {
		loop = loop.Block()
	} else {
		loop = loop.Block(jen.Switch(jen.Id("o").Dot("Field").Call()).BlockFunc(func(g *jen.Group) {
			for i, fld := range m.Fields {
				g.Case(jen.Lit(i)).Add(e.fieldDecode(fld))
			}
		}))
	}
	return jen.Comment("Field names of " + m.GoName + ", in field order, and its required fields, for DecodeJSON.").Line().
		Add(keyTable(e.api, m)).Line().Line().
		Add(doc(decodeDoc)).Func().Params(jen.Id("m").Op("*").Id(m.GoName)).Id("DecodeJSON").
		Params(jen.Id("d").Op("*").Qual(jsondecPkg, "Decoder")).Block(loop)
}

// strictFacts are what strict decoding (a union trying its alternatives) checks
// beyond the field names: the fields the schema requires, those that may be
// null though Go holds them without acs.Nullable, and whether other members are
// refused.
//
//	.Mandatory(0, 2).AllowNull(2).Closed()
func strictFacts(m *ir.Model) jen.Code {
	var required, nullable []jen.Code
	for i, f := range m.Fields {
		if f.Required {
			required = append(required, jen.Lit(i))
		}
		if f.Nullable && f.Wrap != ir.Nullable && f.Wrap != ir.NullablePointer {
			nullable = append(nullable, jen.Lit(i))
		}
	}
	code := jen.Null()
	if len(required) > 0 {
		code.Dot("Mandatory").Call(required...)
	}
	if len(nullable) > 0 {
		code.Dot("AllowNull").Call(nullable...)
	}
	if m.Closed {
		code.Dot("Closed").Call()
	}
	return code
}

// genDefinedDecode emits, for type Tags []string:
//
//	func (m *Tags) DecodeJSON(d *jsondec.Decoder) {
//		jsondec.Slice((*[]string)(m), d, jsondec.String[string])
//	}
func (e *decodeEmitter) genDefinedDecode(m *ir.Model) jen.Code {
	into := jen.Parens(jen.Op("*").Add(typeRef(m.Type))).Call(jen.Id("m"))
	return jen.Add(doc(decodeDoc)).Func().Params(jen.Id("m").Op("*").Id(m.GoName)).Id("DecodeJSON").
		Params(jen.Id("d").Op("*").Qual(jsondecPkg, "Decoder")).Block(e.decodeInto(into, m.Type))
}

// fieldDecode decodes the value at the cursor into the field of m.
func (e *decodeEmitter) fieldDecode(f *ir.Field) jen.Code {
	field := jen.Op("&").Id("m").Dot(f.GoName)
	switch f.Wrap {
	case ir.Pointer:
		if e.isString(f.Type) {
			return jen.Qual(jsondecPkg, "StringPtr").Call(field, jen.Id("d")) // the variable from a slab
		}
		return jen.Qual(jsondecPkg, "Ptr").Call(field, jen.Id("d"), e.decoderOf(f.Type))
	case ir.Nullable:
		return jen.Id("m").Dot(f.GoName).Dot("DecodeJSONWith").Call(jen.Id("d"), e.decoderOf(f.Type))
	case ir.NullablePointer:
		return jen.Id("m").Dot(f.GoName).Dot("DecodeJSONWith").Call(jen.Id("d"),
			jen.Func().Params(jen.Id("v").Op("**").Add(typeRef(f.Type)), jen.Id("d").Op("*").Qual(jsondecPkg, "Decoder")).
				Block(jen.Qual(jsondecPkg, "Ptr").Call(jen.Id("v"), jen.Id("d"), e.decoderOf(f.Type))))
	}
	if e.hasDecodeJSON(f.Type) {
		return jen.Id("m").Dot(f.GoName).Dot("DecodeJSON").Call(jen.Id("d"))
	}
	return e.decodeInto(field, f.Type)
}

// decodeInto decodes the value at the cursor into ptr, a *T for t.
func (e *decodeEmitter) decodeInto(ptr *jen.Statement, t ir.TypeRef) jen.Code {
	switch t.Kind {
	case ir.Array:
		return jen.Qual(jsondecPkg, "Slice").Call(ptr, jen.Id("d"), e.decoderOf(*t.Elem))
	case ir.Map:
		return jen.Qual(jsondecPkg, "Map").Call(ptr, jen.Id("d"), e.decoderOf(*t.Elem))
	case ir.Primitive:
		return jen.Qual(jsondecPkg, primitiveFunc(t.Name)).Call(ptr, jen.Id("d"))
	case ir.RawJSON:
		return jen.Qual(jsondecPkg, "Unmarshaler").Call(ptr, jen.Id("d"))
	}
	switch m := e.model(t.Name); m.Kind {
	case ir.Struct, ir.Defined, ir.Union:
		return ptr.Dot("DecodeJSON").Call(jen.Id("d"))
	case ir.Enum:
		return jen.Qual(jsondecPkg, primitiveFunc(m.Enum.Base.Name)).Call(ptr, jen.Id("d"))
	}
	return e.decodeInto(ptr, e.model(t.Name).Type) // an alias
}

// isString reports whether t is a string underneath: the string primitive, a
// string enum, or an alias of one.
func (e *decodeEmitter) isString(t ir.TypeRef) bool {
	switch t.Kind {
	case ir.Primitive:
		return t.Name == "string"
	case ir.Named:
		switch m := e.model(t.Name); m.Kind {
		case ir.Enum:
			return m.Enum.Base.Name == "string"
		case ir.Alias:
			return e.isString(m.Type)
		}
	}
	return false
}

// hasDecodeJSON reports whether t is a model with a DecodeJSON method, or an
// alias of one.
func (e *decodeEmitter) hasDecodeJSON(t ir.TypeRef) bool {
	if t.Kind != ir.Named {
		return false
	}
	m := e.model(t.Name)
	if m.Kind == ir.Alias { // an alias has its target's methods
		return e.hasDecodeJSON(m.Type)
	}
	return m.Kind == ir.Struct || m.Kind == ir.Defined || m.Kind == ir.Union
}

func (e *decodeEmitter) model(name string) *ir.Model {
	m := e.models[name]
	if m == nil {
		panic(fmt.Sprintf("unreachable: type %s has no model", name))
	}
	return m
}

// decoderOf is a func(*T, *jsondec.Decoder) for t.
func (e *decodeEmitter) decoderOf(t ir.TypeRef) jen.Code {
	switch t.Kind {
	case ir.Primitive:
		return jen.Qual(jsondecPkg, primitiveFunc(t.Name)).Types(jen.Id(t.Name))
	case ir.RawJSON:
		return jen.Qual(jsondecPkg, "Unmarshaler").Types(jen.Qual(jsonPkg, "RawMessage"))
	case ir.Array, ir.Map:
		return jen.Func().Params(jen.Id("v").Op("*").Add(typeRef(t)), jen.Id("d").Op("*").Qual(jsondecPkg, "Decoder")).
			Block(e.decodeInto(jen.Id("v"), t))
	}
	switch m := e.model(t.Name); m.Kind {
	case ir.Struct, ir.Defined, ir.Union:
		return jen.Parens(jen.Op("*").Id(m.GoName)).Dot("DecodeJSON")
	case ir.Enum:
		return jen.Qual(jsondecPkg, primitiveFunc(m.Enum.Base.Name)).Types(jen.Id(m.GoName))
	case ir.Alias:
		return e.decoderOf(m.Type)
	default:
		panic(fmt.Sprintf("unreachable: model kind %d", m.Kind))
	}
}

// primitiveFunc is the jsondec function for a Go type whose underlying type is
// the predeclared base.
func primitiveFunc(base string) string {
	switch base {
	case "string":
		return "String"
	case "bool":
		return "Bool"
	case "float32", "float64":
		return "Float"
	case "int8", "int16", "int32", "int64", "int":
		return "Int"
	}
	panic(fmt.Sprintf("unreachable: primitive %s", base))
}
