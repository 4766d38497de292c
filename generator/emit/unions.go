package emit

import (
	"slices"
	"strconv"
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
	var kinds []string
	for _, v := range m.Variants {
		if !slices.Contains(kinds, string(v.Kind)) {
			kinds = append(kinds, string(v.Kind))
		}
	}
	return jen.Add(doc(m.Doc+"\n\nExactly one field is set; which one follows the JSON type of the value"+objectsNote(m)+".")).
		Type().Id(m.GoName).StructFunc(func(g *jen.Group) {
		for _, v := range m.Variants {
			g.Id(v.GoName).Op("*").Add(typeRef(v.Type)).Comment("set when the value is a JSON " + string(v.Kind) + variantNote(m, v))
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
			objects := false
			for _, v := range m.Variants {
				if v.Kind == ir.KindObject && (len(v.Values) > 0 || v.Key != "") {
					if !objects {
						s.Case(jen.Lit(string(ir.KindObject))).Block(unmarshalObject(m)...)
					}
					objects = true
					continue
				}
				s.Case(jen.Lit(string(v.Kind))).Block(
					jen.Return(jen.Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("u").Dot(v.GoName))))
			}
		})
		g.Return(jen.Qual(fmtPkg, "Errorf").Call(
			jen.Lit(m.GoName+": a JSON %s is not one of: "+strings.Join(kinds, ", ")), jen.Id("kind")))
	})
}

// objectVariants are the object alternatives that a discriminator or a key picks.
func objectVariants(m *ir.Model) []*ir.Variant {
	var out []*ir.Variant
	for _, v := range m.Variants {
		if v.Kind == ir.KindObject && (len(v.Values) > 0 || v.Key != "") {
			out = append(out, v)
		}
	}
	return out
}

func objectsNote(m *ir.Model) string {
	switch {
	case len(objectVariants(m)) == 0:
		return ""
	case m.Discriminator != "":
		return ", and for an object the value of its " + strconv.Quote(m.Discriminator) + " property"
	}
	return ", and for an object the property only that alternative requires"
}

func variantNote(m *ir.Model, v *ir.Variant) string {
	switch {
	case len(v.Values) > 0:
		quoted := make([]string, len(v.Values))
		for i, val := range v.Values {
			quoted[i] = strconv.Quote(val)
		}
		return " whose " + strconv.Quote(m.Discriminator) + " is " + strings.Join(quoted, " or ")
	case v.Key != "":
		return " with " + strconv.Quote(v.Key)
	}
	return ""
}

// unmarshalObject decodes a JSON object into the alternative its discriminator
// value names, or the one whose key it has:
//
//	tag, err := acs.UnionTag(data, "petType")
//	if err != nil {
//		return fmt.Errorf("Pet: %w", err)
//	}
//	switch tag {
//	case "dog", "hound":
//		return json.Unmarshal(data, &u.Dog)
//	}
//	return fmt.Errorf("Pet: petType %q is not one of: cat, dog, hound", tag)
func unmarshalObject(m *ir.Model) []jen.Code {
	vs := objectVariants(m)
	if m.Discriminator != "" {
		var all []string
		for _, v := range vs {
			all = append(all, v.Values...)
		}
		slices.Sort(all)
		return []jen.Code{
			jen.List(jen.Id("tag"), jen.Err()).Op(":=").Qual(acsPkg, "UnionTag").Call(jen.Id("data"), jen.Lit(m.Discriminator)),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(fmtPkg, "Errorf").Call(jen.Lit(m.GoName+": %w"), jen.Err()))),
			jen.Switch(jen.Id("tag")).BlockFunc(func(s *jen.Group) {
				for _, v := range vs {
					vals := make([]jen.Code, len(v.Values))
					for i, val := range v.Values {
						vals[i] = jen.Lit(val)
					}
					s.Case(vals...).Block(jen.Return(jen.Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("u").Dot(v.GoName))))
				}
			}),
			jen.Return(jen.Qual(fmtPkg, "Errorf").Call(jen.Lit(m.GoName+": "+escapePercent(m.Discriminator)+" %q is not one of: "+escapePercent(strings.Join(all, ", "))), jen.Id("tag"))),
		}
	}
	keys := make([]jen.Code, len(vs))
	names := make([]string, len(vs))
	for i, v := range vs {
		keys[i], names[i] = jen.Lit(v.Key), v.Key
	}
	count := jen.Len(jen.Id("present")).Op("!=").Lit(1)
	want := "exactly one"
	if m.AnyOf {
		count, want = jen.Len(jen.Id("present")).Op("==").Lit(0), "one"
	}
	return []jen.Code{
		jen.List(jen.Id("present"), jen.Err()).Op(":=").Qual(acsPkg, "UnionKeys").Call(append([]jen.Code{jen.Id("data")}, keys...)...),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Qual(fmtPkg, "Errorf").Call(jen.Lit(m.GoName+": %w"), jen.Err()))),
		jen.If(count).Block(jen.Return(jen.Qual(fmtPkg, "Errorf").Call(
			jen.Lit(m.GoName+": the object has %q of the properties that tell its alternative ("+escapePercent(strings.Join(names, ", "))+"); it needs "+want), jen.Id("present")))),
		jen.Switch(jen.Id("present").Index(jen.Lit(0))).BlockFunc(func(s *jen.Group) {
			for _, v := range vs {
				s.Case(jen.Lit(v.Key)).Block(jen.Return(jen.Qual(jsonPkg, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("u").Dot(v.GoName))))
			}
		}),
		jen.Return(jen.Nil()), // unreachable: present holds only these keys
	}
}
