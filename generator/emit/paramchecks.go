package emit

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

const mathPkg = "math"

// genParamChecksFile emits, for each operation whose parameters all have shapes
// it compiles, a check of the path, query, header and cookie parameters that
// kin-openapi's openapi3filter.ValidateRequest reads, and paramChecks, the map
// CompiledSpec.Params names. An operation with any other parameter (an object, a
// union, content, a label or matrix path, a styled query parameter's neighbour
// left to contract) gets no check, and contract leaves it to kin-openapi.
//
//	func checkGetPluginAttachmentParams(p acs.Params, v *acs.Validator) bool {
//		{
//			_, _, ok := p.PathValue("pluginAttachmentId")
//			if !ok {
//				return false
//			}
//		}
//		return true
//	}
func genParamChecksFile(f *jen.File, api *ir.API) bool {
	if len(api.Specs) == 0 || api.Specs[0].Digest == "" {
		return false
	}
	e := newValidateEmitter(api)
	e.patterns.prefix = "paramPattern"
	e.outside = true
	var entries, funcs []jen.Code
	for _, op := range api.Operations {
		pe := &paramEmitter{e: e}
		var descs []string
		var body []jen.Code
		ok := true
		for _, p := range op.Params {
			if !checkedByKin(p) {
				continue
			}
			desc, code, fine := pe.param(p)
			if !fine {
				ok = false
				break
			}
			descs = append(descs, desc)
			body = append(body, code)
		}
		if !ok {
			continue
		}
		slices.Sort(descs)
		name := "check" + op.GoName + "Params"
		entries = append(entries, jen.Line().Lit(op.ID).Op(":").Values(jen.Dict{
			jen.Id("Params"): jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, d := range descs {
					g.Lit(d)
				}
			}),
			jen.Id("Check"): jen.Id(name),
		}))
		e.vars = 0
		funcs = append(funcs, jen.Commentf("%s reports whether kin-openapi finds the parameters of %s valid.", name, op.ID).Line().
			Func().Id(name).Params(jen.Id("p").Qual(acsPkg, "Params"), jen.Id("v").Op("*").Qual(acsPkg, "Validator")).Bool().
			Block(append(body, jen.Return(jen.True()))...))
	}
	if len(entries) == 0 {
		return false
	}
	f.Comment("init puts the checks of each operation's parameters, by operationId, in")
	f.Comment("CompiledSpec, whose other checks compiled_gen.go declares.")
	f.Func().Id("init").Params().Block(
		jen.Id("CompiledSpec").Dot("Params").Op("=").Map(jen.String()).Qual(acsPkg, "ParamChecks").Values(append(entries, jen.Line())...))
	f.Line()
	e.patterns.declare(f, "Patterns of the parameters, compiled once; build checked that each compiles.")
	for _, fn := range funcs {
		f.Add(fn).Line()
	}
	return true
}

// checkedByKin reports whether openapi3filter.ValidateRequest reads p as a
// parameter: body fields are the body's, and contract reads the query
// parameters of Alibaba's styles itself.
func checkedByKin(p *ir.Param) bool {
	switch {
	case p.In == ir.InForm || p.In == ir.InMultipart:
		return false
	case p.In == ir.InQuery && (p.Style == ir.ParamRepeatList || p.Style == ir.ParamFlat || p.Style == ir.ParamJSON):
		return false
	}
	return true
}

type paramEmitter struct{ e *validateEmitter }

// param returns the description of p (acs.ParamChecks.Params) and the block that
// checks it, or false when p has a shape this does not compile.
func (pe *paramEmitter) param(p *ir.Param) (string, jen.Code, bool) {
	if p.Style != ir.ParamPlain || p.Text || p.Binary || p.Part != nil || p.PartHeader != "" || p.PathStyle != "" {
		return "", nil, false
	}
	array := p.Type.Kind == ir.Array
	item := p.Type
	if array {
		item = *p.Type.Elem
	}
	typ, fine := pe.scalarType(item, p.Scalar)
	if !fine {
		return "", nil, false
	}
	var style string
	var read jen.Code
	name := jen.Lit(p.Name)
	req := jen.Lit(p.Required)
	switch {
	case p.In == ir.InPath:
		style, read = "simple", jen.Id("p").Dot("PathValue").Call(name)
		if array {
			read = jen.Id("p").Dot("PathItems").Call(name)
		}
	case p.In == ir.InHeader:
		style, read = "simple", jen.Id("p").Dot("HeaderValue").Call(name, req)
		if array {
			read = jen.Id("p").Dot("HeaderItems").Call(name, req)
		}
	case p.In == ir.InCookie && !array:
		style, read = "form", jen.Id("p").Dot("CookieValue").Call(name, req)
	case p.In == ir.InCookie && !p.Explode && p.Sep == ",":
		style, read = "form", jen.Id("p").Dot("CookieItems").Call(name, req)
	case p.In == ir.InQuery && !array:
		style, read = "form", jen.Id("p").Dot("QueryValue").Call(name, req)
	case p.In == ir.InQuery && (p.Explode || p.Sep != ""):
		style = map[string]string{"": "form", ",": "form", " ": "spaceDelimited", "|": "pipeDelimited"}[p.Sep]
		if style == "" {
			return "", nil, false
		}
		read = jen.Id("p").Dot("QueryItems").Call(name, jen.Lit(p.Sep), jen.Lit(p.Explode), req)
	default:
		return "", nil, false
	}
	if p.Explode {
		style += "*"
	}
	if pe.enum(item) {
		typ += "+enum"
	}
	if array {
		typ = "[" + typ + "]"
	}
	desc := string(p.In) + "/" + p.Name + " " + style + " " + typ
	return desc, pe.block(p, array, item, read), true
}

// scalarType is how kin-openapi parses a value of type t (or an array item),
// held as the Go primitive scalar: the type part of a description; false when t
// is not a string, number or boolean this compiles.
func (pe *paramEmitter) scalarType(t ir.TypeRef, scalar string) (string, bool) {
	switch t.Kind {
	case ir.Primitive:
	case ir.Named:
		m := pe.model(t)
		if m == nil || (m.Kind != ir.Enum && m.Kind != ir.Defined && m.Kind != ir.Alias) ||
			(m.Kind != ir.Enum && m.Type.Kind != ir.Primitive) || scalar == "float32" {
			return "", false // a float32 type would round the value before the check
		}
	default:
		return "", false
	}
	switch scalar {
	case "string":
		return "string", true
	case "bool":
		return "boolean", true
	case "int32":
		return "integer:int32", true
	case "int64":
		return "integer", true
	case "float32", "float64":
		return "number", true
	}
	return "", false
}

// block reads p and checks it.
func (pe *paramEmitter) block(p *ir.Param, array bool, item ir.TypeRef, read jen.Code) jen.Code {
	x := jen.Id("x")
	var checks []jen.Code
	if array {
		checks = pe.valueChecks(x, p.Type)
	} else {
		checks = pe.valueChecks(x, item)
	}
	parses := p.Scalar != "string"
	if !parses && len(checks) == 0 {
		return jen.Block(jen.List(jen.Id("_"), jen.Id("_"), jen.Id("ok")).Op(":=").Add(read),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())))
	}
	raw := "raw"
	if array {
		raw = "items"
	}
	var use []jen.Code
	goType := typeRef(item)
	if item.Kind == ir.Named {
		goType = model(pe.e.api, item.Name)
	}
	if item.Kind == ir.Primitive && item.Name == "float32" {
		goType = jen.Float64() // the bounds are float64, as kin-openapi's
	}
	if array {
		i := jen.Id("i")
		convert := len(checks) > 0 && !(item.Kind == ir.Primitive && item.Name == "string")
		var loop []jen.Code
		value := parse(p.Scalar, jen.Id("s"), convert, &loop)
		if convert {
			use = append(use, jen.Id("x").Op(":=").Make(jen.Index().Add(goType), jen.Len(jen.Id("items"))))
			loop = append(loop, jen.Id("x").Index(i).Op("=").Add(goType).Call(value))
		} else if len(checks) > 0 {
			use = append(use, jen.Id("x").Op(":=").Id("items"))
		}
		if parses || convert {
			idx := jen.Id("_")
			if convert {
				idx = i
			}
			use = append(use, jen.For(jen.List(idx, jen.Id("s")).Op(":=").Range().Id("items")).Block(loop...))
		}
	} else {
		value := parse(p.Scalar, jen.Id("raw"), len(checks) > 0, &use)
		if len(checks) > 0 {
			use = append(use, jen.Id("x").Op(":=").Add(goType).Call(value))
		}
	}
	if len(checks) > 0 {
		use = append(use, enter(p.Name, checks)...)
	}
	present := jen.Id("found")
	if p.AllowEmpty && !array {
		// kin-openapi skips the schema of an allowed empty value.
		present = present.Op("&&").Id("raw").Op("!=").Lit("")
	}
	return jen.Block(
		jen.List(jen.Id(raw), jen.Id("found"), jen.Id("ok")).Op(":=").Add(read),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return(jen.False())),
		jen.If(present).Block(use...),
	)
}

// parse appends to g the statements that parse text as kin-openapi parses a
// value of the primitive scalar (strconv, returning false on an error), and
// returns the parsed value, which keep says is used.
func parse(scalar string, text jen.Code, keep bool, g *[]jen.Code) jen.Code {
	fail := jen.Return(jen.False())
	id := func(name string) *jen.Statement {
		if keep {
			return jen.Id(name)
		}
		return jen.Id("_")
	}
	switch scalar {
	case "bool":
		*g = append(*g, jen.List(id("b"), jen.Err()).Op(":=").Qual(strconvPkg, "ParseBool").Call(text),
			jen.If(jen.Err().Op("!=").Nil()).Block(fail))
		return jen.Id("b")
	case "int32", "int64":
		bits := 64
		if scalar == "int32" {
			bits = 32
		}
		*g = append(*g, jen.List(id("n"), jen.Err()).Op(":=").Qual(strconvPkg, "ParseInt").Call(text, jen.Lit(10), jen.Lit(bits)),
			jen.If(jen.Err().Op("!=").Nil()).Block(fail))
		return jen.Id("n")
	case "float32", "float64":
		// The check compares bounds as float64, as kin-openapi does; NaN and
		// infinities are left to it.
		*g = append(*g, jen.List(jen.Id("f"), jen.Err()).Op(":=").Qual(strconvPkg, "ParseFloat").Call(text, jen.Lit(64)),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Qual(mathPkg, "IsNaN").Call(jen.Id("f")).Op("||").
				Qual(mathPkg, "IsInf").Call(jen.Id("f"), jen.Lit(0))).Block(fail))
		return jen.Id("f")
	}
	return text
}

// valueChecks are the checks of a parsed value x of type t: the Validate
// method's, except that an open enum's value must be one it lists, as
// kin-openapi's enum keyword (which contract drops outside strict mode) holds it
// to. Saying no then leaves the value to kin-openapi and contract.
func (pe *paramEmitter) valueChecks(x *jen.Statement, t ir.TypeRef) []jen.Code {
	e := pe.e
	switch {
	case pe.openEnum(t):
		return []jen.Code{jen.If(jen.Op("!").Add(x).Dot("IsKnown").Call()).Block(
			jen.Id("v").Dot("Fail").Call(jen.Lit("value is not one the enum lists")))}
	case t.Kind == ir.Array && pe.openEnum(*t.Elem):
		plain := ir.TypeRef{Kind: ir.Array, Elem: &ir.TypeRef{Kind: ir.Primitive, Name: "string"}, Constraints: t.Constraints}
		i := e.local("i")
		g := e.checks(x, plain)
		return append(g, jen.For(jen.Id(i).Op(":=").Range().Add(x)).Block(
			enterIndex(jen.Id(i), pe.valueChecks(jen.Add(x).Index(jen.Id(i)), *t.Elem))...))
	}
	return e.checks(x, t)
}

// openEnum reports whether t is an open enum (through aliases).
func (pe *paramEmitter) openEnum(t ir.TypeRef) bool {
	m := pe.model(t)
	return m != nil && m.Kind == ir.Enum && m.Enum.Open
}

// enum reports whether t is an enum (through aliases).
func (pe *paramEmitter) enum(t ir.TypeRef) bool {
	m := pe.model(t)
	return m != nil && m.Kind == ir.Enum
}

// model is the model a named type is, through aliases; nil for other types.
func (pe *paramEmitter) model(t ir.TypeRef) *ir.Model {
	if t.Kind != ir.Named {
		return nil
	}
	m := pe.e.models[t.Name]
	for m != nil && m.Kind == ir.Alias && m.Type.Kind == ir.Named {
		m = pe.e.models[m.Type.Name]
	}
	return m
}
