package emit

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

func genUnionsFile(f *jen.File, api *ir.API) bool {
	e := &decodeEmitter{api: api, models: map[string]*ir.Model{}}
	for _, m := range api.Models {
		e.models[m.GoName] = m
	}
	n := 0
	for _, m := range api.Models {
		if m.Kind != ir.Union {
			continue
		}
		f.Add(e.genUnion(m)).Line()
		n++
	}
	return n > 0
}

// genUnion emits a struct with one pointer per alternative, plus JSON methods that
// pick the alternative by the JSON type of the value (and, where several take
// that type, as its Picks say):
//
//	type Port struct {
//		String *string
//		Int32  *int32
//	}
//	func (u Port) MarshalJSON() ([]byte, error)
//	func (u *Port) UnmarshalJSON(data []byte) error
//	func (u *Port) DecodeJSON(d *jsondec.Decoder)
func (e *decodeEmitter) genUnion(m *ir.Model) jen.Code {
	code := jen.Add(doc(m.Doc+"\n\nExactly one field is set; which one follows the JSON type of the value"+objectsNote(m)+triedNote(m)+".")).
		Type().Id(m.GoName).StructFunc(func(g *jen.Group) {
		for _, v := range m.Variants {
			g.Id(v.GoName).Op("*").Add(typeRef(v.Type)).Comment("set when the value is a JSON " + kindList(v.Kinds, "or") + variantNote(m, v))
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
		Func().Params(jen.Id("u").Op("*").Id(m.GoName)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Qual(jsondecPkg, "Unmarshal").Call(jen.Id("data"), jen.Id("u")))).Line().Line().
		Add(doc(unionDecodeDoc)).Func().Params(jen.Id("u").Op("*").Id(m.GoName)).Id("DecodeJSON").
		Params(jen.Id("d").Op("*").Qual(jsondecPkg, "Decoder")).BlockFunc(func(g *jen.Group) {
		g.Op("*").Id("u").Op("=").Id(m.GoName).Values()
		g.Switch(jen.Id("kind").Op(":=").Id("d").Dot("Kind").Call(), jen.Id("kind")).BlockFunc(func(s *jen.Group) {
			for i := 0; i < len(m.Picks); i++ {
				p, labels := m.Picks[i], []jen.Code{jen.Lit(string(m.Picks[i].Kind))}
				// JSON types one alternative alone takes share a case.
				for ; p.Rule == ir.PickOnly && i+1 < len(m.Picks) && m.Picks[i+1].Rule == ir.PickOnly &&
					m.Picks[i+1].Variants[0] == p.Variants[0]; i++ {
					labels = append(labels, jen.Lit(string(m.Picks[i+1].Kind)))
				}
				s.Case(labels...).Block(e.pickCode(m, p)...)
			}
			s.Default().Block(fail(jen.Lit(m.GoName+": a JSON %s is not one of: "+kinds(m)), jen.Id("kind")))
		})
	})
	for _, p := range m.Picks {
		if tried(m, p) {
			code.Line().Line().Add(e.genTry(m, p))
		}
	}
	return code
}

// unionDecodeDoc heads every union's DecodeJSON method.
const unionDecodeDoc = "DecodeJSON decodes the JSON value at d's cursor into the alternative it picks, as\n" +
	"UnmarshalJSON does, in the one pass of its enclosing value's DecodeJSON."

// kinds lists the JSON types a union takes, in order: "string, number".
func kinds(m *ir.Model) string {
	var out []string
	for _, p := range m.Picks {
		out = append(out, string(p.Kind))
	}
	return strings.Join(out, ", ")
}

// kindList joins JSON types for a sentence: "string", "string or number".
func kindList(ks []ir.JSONKind, conj string) string {
	words := make([]string, len(ks))
	for i, k := range ks {
		words[i] = string(k)
	}
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}

// fail is d.Fail(fmt.Errorf(format, args...)).
func fail(format jen.Code, args ...jen.Code) jen.Code {
	return jen.Id("d").Dot("Fail").Call(jen.Qual(fmtPkg, "Errorf").Call(append([]jen.Code{format}, args...)...))
}

// decodeVariant decodes the value at the cursor into the union's field for v.
func (e *decodeEmitter) decodeVariant(v *ir.Variant) jen.Code {
	return jen.Qual(jsondecPkg, "Ptr").Call(jen.Op("&").Id("u").Dot(v.GoName), jen.Id("d"), e.decoderOf(v.Type))
}

// pickCode decodes a value of the pick's JSON type as its rule says.
func (e *decodeEmitter) pickCode(m *ir.Model, p *ir.Pick) []jen.Code {
	switch p.Rule {
	case ir.PickOnly:
		return []jen.Code{e.decodeVariant(p.Variants[0])}
	case ir.PickDiscriminator:
		return e.byDiscriminator(m, p)
	case ir.PickKey:
		return e.byKey(m, p)
	case ir.PickKeyKind:
		return e.byKeyKind(m, p)
	}
	return []jen.Code{e.tryEach(m, p)}
}

// tryEach tries the pick's alternatives in turn (acs.OneOf, acs.AnyOf), each
// decoded by the union's try method for the pick's JSON type (genTry).
func (e *decodeEmitter) tryEach(m *ir.Model, p *ir.Pick) jen.Code {
	names := make([]jen.Code, len(p.Variants))
	for i, v := range p.Variants {
		names[i] = jen.Lit(v.GoName)
	}
	pick := "OneOf"
	if m.AnyOf {
		pick = "AnyOf"
	}
	return jen.Qual(acsPkg, pick).Call(jen.Id("d"), jen.Id("u"), jen.Lit(m.GoName), jen.Lit(string(p.Kind)),
		jen.Index().String().Values(names...), jen.Parens(jen.Op("*").Id(m.GoName)).Dot(tryName(p)))
}

// tried reports whether decoding may try the pick's alternatives: it has no
// static rule, or it goes by keys in an anyOf, whose object may have several.
func tried(m *ir.Model, p *ir.Pick) bool {
	return p.Rule == ir.PickTrial || p.Rule == ir.PickKey && m.AnyOf
}

func tryName(p *ir.Pick) string { return "try" + kindWord(p.Kind) }

func kindWord(k ir.JSONKind) string {
	return map[ir.JSONKind]string{ir.KindString: "String", ir.KindNumber: "Number", ir.KindBool: "Bool",
		ir.KindArray: "Array", ir.KindObject: "Object"}[k]
}

// genTry emits the method OneOf and AnyOf call to decode each alternative:
//
//	// tryObject decodes the value at d's cursor into alternative i of those
//	// Item takes a JSON object for.
//	func (u *Item) tryObject(i int, d *jsondec.Decoder) {
//		switch i {
//		case 0:
//			jsondec.Ptr(&u.Product, d, (*Product).DecodeJSON)
//		}
//	}
func (e *decodeEmitter) genTry(m *ir.Model, p *ir.Pick) jen.Code {
	return jen.Comment(tryName(p)+" decodes the value at d's cursor into alternative i of those "+m.GoName).Line().
		Comment("takes a JSON "+string(p.Kind)+" for, as OneOf or AnyOf tries them.").Line().
		Func().Params(jen.Id("u").Op("*").Id(m.GoName)).Id(tryName(p)).
		Params(jen.Id("i").Int(), jen.Id("d").Op("*").Qual(jsondecPkg, "Decoder")).Block(
		jen.Switch(jen.Id("i")).BlockFunc(func(g *jen.Group) {
			for i, v := range p.Variants {
				g.Case(jen.Lit(i)).Add(e.decodeVariant(v))
			}
		}))
}

// byDiscriminator decodes a JSON object into the alternative its discriminator
// value names:
//
//	tag, err := acs.UnionTag(d.Span(), "petType")
//	if err != nil {
//		d.Fail(fmt.Errorf("Pet: %w", err))
//		return
//	}
//	switch tag {
//	case "dog", "hound":
//		jsondec.Ptr(&u.Dog, d, (*Dog).DecodeJSON)
//	default:
//		d.Fail(fmt.Errorf("Pet: petType %q is not one of: cat, dog, hound", tag))
//	}
func (e *decodeEmitter) byDiscriminator(m *ir.Model, p *ir.Pick) []jen.Code {
	var all []string
	for _, v := range p.Variants {
		all = append(all, v.Values...)
	}
	slices.Sort(all)
	return []jen.Code{
		jen.List(jen.Id("tag"), jen.Err()).Op(":=").Qual(acsPkg, "UnionTag").Call(span(), jen.Lit(m.Discriminator)),
		failOnErr(m),
		jen.Switch(jen.Id("tag")).BlockFunc(func(s *jen.Group) {
			for _, v := range p.Variants {
				vals := make([]jen.Code, len(v.Values))
				for i, val := range v.Values {
					vals[i] = jen.Lit(val)
				}
				s.Case(vals...).Add(e.decodeVariant(v))
			}
			s.Default().Add(fail(jen.Lit(m.GoName+": "+escapePercent(m.Discriminator)+" %q is not one of: "+escapePercent(strings.Join(all, ", "))), jen.Id("tag")))
		}),
	}
}

// byKey decodes a JSON object into the alternative whose key it has; an
// anyOf's object with several keys goes to the first alternative it is valid
// for, which trying them in turn finds:
//
//	present, err := acs.UnionKeys(d.Span(), "radius", "side")
//	if err != nil { ... }
//	if len(present) != 1 {
//		d.Fail(fmt.Errorf("Shape: the object has %q of the properties that tell its alternative (radius, side); it needs exactly one", present))
//		return
//	}
//	switch present[0] {
//	case "radius":
//		jsondec.Ptr(&u.Circle, d, (*Circle).DecodeJSON)
//	}
func (e *decodeEmitter) byKey(m *ir.Model, p *ir.Pick) []jen.Code {
	keys := make([]jen.Code, len(p.Variants))
	names := make([]string, len(p.Variants))
	for i, v := range p.Variants {
		keys[i], names[i] = jen.Lit(v.Key), v.Key
	}
	count := jen.Len(jen.Id("present")).Op("!=").Lit(1)
	want := "exactly one"
	if m.AnyOf {
		count, want = jen.Len(jen.Id("present")).Op("==").Lit(0), "one"
	}
	code := []jen.Code{
		jen.List(jen.Id("present"), jen.Err()).Op(":=").Qual(acsPkg, "UnionKeys").Call(append([]jen.Code{span()}, keys...)...),
		failOnErr(m),
		jen.If(count).Block(
			fail(jen.Lit(m.GoName+": the object has %q of the properties that tell its alternative ("+escapePercent(strings.Join(names, ", "))+"); it needs "+want), jen.Id("present")),
			jen.Return()),
	}
	if m.AnyOf {
		// Several keys: the first alternative the object is valid for, which
		// need not be the first whose key it has.
		code = append(code, jen.If(jen.Len(jen.Id("present")).Op(">").Lit(1)).Block(e.tryEach(m, p), jen.Return()))
	}
	return append(code, jen.Switch(jen.Id("present").Index(jen.Lit(0))).BlockFunc(func(s *jen.Group) {
		for _, v := range p.Variants {
			s.Case(jen.Lit(v.Key)).Add(e.decodeVariant(v))
		}
	}))
}

// byKeyKind decodes a JSON object into the alternative that types the
// property all of them require as the object's member is typed:
//
//	member, err := acs.UnionKeyKind(d.Span(), "id")
//	if err != nil { ... }
//	switch member {
//	case "string":
//		jsondec.Ptr(&u.StringItem, d, (*StringItem).DecodeJSON)
//	default:
//		d.Fail(fmt.Errorf("Item: property \"id\" is a JSON %s, not one of: string or number", member))
//	}
func (e *decodeEmitter) byKeyKind(m *ir.Model, p *ir.Pick) []jen.Code {
	key := p.Variants[0].Key
	var ks []ir.JSONKind
	for _, v := range p.Variants {
		ks = append(ks, v.KeyKind)
	}
	return []jen.Code{
		jen.List(jen.Id("member"), jen.Err()).Op(":=").Qual(acsPkg, "UnionKeyKind").Call(span(), jen.Lit(key)),
		failOnErr(m),
		jen.Switch(jen.Id("member")).BlockFunc(func(s *jen.Group) {
			for _, v := range p.Variants {
				s.Case(jen.Lit(string(v.KeyKind))).Add(e.decodeVariant(v))
			}
			s.Default().Add(fail(jen.Lit(m.GoName+": property "+escapePercent(strconv.Quote(key))+" is a JSON %s, not one of: "+kindList(ks, "or")), jen.Id("member")))
		}),
	}
}

func span() jen.Code { return jen.Id("d").Dot("Span").Call() }

// failOnErr is: if err != nil { d.Fail(fmt.Errorf("Union: %w", err)); return }
func failOnErr(m *ir.Model) jen.Code {
	return jen.If(jen.Err().Op("!=").Nil()).Block(fail(jen.Lit(m.GoName+": %w"), jen.Err()), jen.Return())
}

// keyedObjects returns the pick of a union's object alternatives told apart by
// a discriminator or keys, nil if there is none.
func keyedObjects(m *ir.Model) *ir.Pick {
	for _, p := range m.Picks {
		if p.Kind == ir.KindObject && (p.Rule == ir.PickDiscriminator || p.Rule == ir.PickKey || p.Rule == ir.PickKeyKind) {
			return p
		}
	}
	return nil
}

func objectsNote(m *ir.Model) string {
	p := keyedObjects(m)
	switch {
	case p == nil:
		return ""
	case p.Rule == ir.PickDiscriminator:
		return ", and for an object the value of its " + strconv.Quote(m.Discriminator) + " property"
	case p.Rule == ir.PickKeyKind:
		return ", and for an object the JSON type of its " + strconv.Quote(p.Variants[0].Key) + " property"
	}
	return ", and for an object the property only that alternative requires"
}

// triedNote says how a union whose alternatives nothing tells apart decodes.
func triedNote(m *ir.Model) string {
	if !slices.ContainsFunc(m.Picks, func(p *ir.Pick) bool { return p.Rule == ir.PickTrial }) {
		return ""
	}
	if m.AnyOf {
		return "; where several alternatives take that type, the first the value is valid for"
	}
	return "; where several alternatives take that type, the one the value is valid for, which must be exactly one"
}

func variantNote(m *ir.Model, v *ir.Variant) string {
	switch {
	case len(v.Values) > 0:
		quoted := make([]string, len(v.Values))
		for i, val := range v.Values {
			quoted[i] = strconv.Quote(val)
		}
		return " whose " + strconv.Quote(m.Discriminator) + " is " + strings.Join(quoted, " or ")
	case v.KeyKind != "":
		return " whose " + strconv.Quote(v.Key) + " is a JSON " + string(v.KeyKind)
	case v.Key != "":
		return " with " + strconv.Quote(v.Key)
	}
	for _, p := range m.Picks {
		if p.Rule == ir.PickTrial && slices.Contains(p.Variants, v) {
			return " it is valid for"
		}
	}
	return ""
}
