package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// genCheckFile emits the validate-only walkers of the bodies CompiledSpec checks:
// per model such a body holds, a walkX(w *jsondec.Walk) bool that reads the JSON
// value at the cursor and reports whether it keeps the schema's rules, which
// contract runs over whole bodies with jsondec.Judge. A
// walker keeps nothing and decodes nothing, so acsgen contract judges a recorded
// body for a fraction of what decoding it into Go types costs.
//
// A walker says yes only to what the decoding check (decode exactly, Validate)
// says yes to, and refuses more: a member the schema does not name, a key given
// twice, a null the schema does not allow, an integer written with a fraction or
// an exponent. On a no the contract check asks kin-openapi. What it cannot judge
// cheaply, uniqueItems arrays of two or more items and union values that need
// trying or a discriminator to pick their alternative, it leaves to the decoding
// check (jsondec.Unsure).
func genCheckFile(f *jen.File, api *ir.API) bool {
	roots := checkedBodies(api)
	if len(roots) == 0 || len(api.Specs) == 0 || api.Specs[0].Digest == "" {
		return false
	}
	e := &checkEmitter{api: api, models: map[string]*ir.Model{}, patterns: patternVars{prefix: "walkPattern"}, reach: map[string]bool{}}
	for _, m := range api.Models {
		e.models[m.GoName] = m
	}
	for _, r := range roots {
		e.reachModel(r)
	}
	var decls []jen.Code
	var walked []*ir.Model
	for _, m := range api.Models {
		if e.reach[m.GoName] {
			decls = append(decls, e.genWalk(m))
			walked = append(walked, m)
		}
	}
	isRoot := map[string]bool{}
	for _, r := range roots {
		isRoot[r] = true
	}
	e.patterns.declare(f, "Patterns of the checked bodies, for their walkers.")
	declareKeyTables(f, api, e.reach)
	if len(e.inits) > 0 {
		f.Comment("The checks of the structs' fields, set in init: those of two structs may refer to each other.")
		f.Func().Id("init").Params().Block(e.inits...).Line()
	}
	for i, d := range decls {
		if walked[i].Kind == ir.Struct && !isRoot[walked[i].GoName] {
			continue // walked by Members(jsonX) alone: only CompiledSpec names a struct's walker
		}
		f.Add(d).Line()
	}
	return true
}

// checkedBodies are the models of the bodies CompiledSpec checks, in its order.
func checkedBodies(api *ir.API) []string {
	var out []string
	for _, op := range api.Operations {
		if op.ResponseStatus != "" {
			out = append(out, op.Response)
		}
		for _, st := range op.Errors {
			if st.Model != "" {
				out = append(out, st.Model)
			}
		}
		if name := checkedRequestBody(api, op); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// checkedRequestBody is the struct model of op's JSON request body, "" when
// CompiledSpec does not check it.
func checkedRequestBody(api *ir.API, op *ir.Operation) string {
	if op.Body == nil || op.Body.Type.Kind != ir.Named {
		return ""
	}
	for _, m := range api.Models {
		if m.GoName == op.Body.Type.Name && m.Kind == ir.Struct {
			return m.GoName
		}
	}
	return ""
}

// walkName names a model's walker.
func walkName(model string) string { return "walk" + model }

type checkEmitter struct {
	api      *ir.API
	models   map[string]*ir.Model
	reach    map[string]bool // the models a checked body holds
	patterns patternVars
	inits    []jen.Code // the structs' Checks, for init
}

func (e *checkEmitter) reachModel(name string) {
	m := e.models[name]
	if m == nil || e.reach[name] {
		return
	}
	e.reach[name] = true
	for _, f := range m.Fields {
		e.reachType(f.Type)
	}
	for _, v := range m.Variants {
		e.reachType(v.Type)
	}
	e.reachType(m.Type)
}

func (e *checkEmitter) reachType(t ir.TypeRef) {
	switch t.Kind {
	case ir.Named:
		e.reachModel(t.Name)
	case ir.Array, ir.Map:
		e.reachType(*t.Elem)
	}
}

// genWalk emits walkX for a model: it consumes the JSON value at w's cursor and
// reports whether it keeps the model's rules.
func (e *checkEmitter) genWalk(m *ir.Model) jen.Code {
	var body []jen.Code
	switch m.Kind {
	case ir.Struct:
		body = e.structWalk(m)
	case ir.Enum:
		body = e.enumWalk(m)
	case ir.Union:
		body = e.unionWalk(m)
	case ir.Alias, ir.Defined:
		body = []jen.Code{jen.Return(e.value(m.Type, false))}
	}
	return jen.Commentf("%s consumes a valid %s at w's cursor, else reports false.", walkName(m.GoName), m.GoName).Line().
		Func().Id(walkName(m.GoName)).Params(jen.Id("w").Op("*").Qual(jsondecPkg, "Walk")).Bool().Block(body...)
}

// structWalk walks an object by its fields' checks, which the table of field
// names (jsonX, the decoder's, declared again in the check package by
// declareKeyTables) is given in init: the key looked up
// there, a key given twice refused, the field's check run, and the fields the
// schema requires (jsonX's Mandatory ones) looked for at the end. Init, since
// the checks of two structs may refer to each other:
//
//	func init() {
//		jsonPet.Checks(
//			jsondec.CheckStr,
//			jsondec.CheckObject(jsonOwner),
//			jsondec.CheckBy(walkTags),
//		)
//	}
//
//	func walkPet(w *jsondec.Walk) bool {
//		return w.Members(jsonPet)
//	}
func (e *checkEmitter) structWalk(m *ir.Model) []jen.Code {
	table := jen.Id("json" + m.GoName)
	var checks []jen.Code
	for _, f := range m.Fields {
		checks = append(checks, e.check(f.Type, f.Nullable))
	}
	e.inits = append(e.inits, jen.Add(table).Dot("Checks").
		Custom(jen.Options{Open: "(", Close: ")", Separator: ",", Multi: len(checks) > 0}, checks...))
	return []jen.Code{jen.Return(jen.Id("w").Dot("Members").Call(table))}
}

// check is the jsondec.Check of a value of type t (or null, when nullable):
// one of jsondec's for a primitive without rules beyond its type and for a
// struct, which the walk runs without a call through a func value, else
// CheckBy a model's walker or a literal that captures nothing.
func (e *checkEmitter) check(t ir.TypeRef, nullable bool) jen.Code {
	if !nullable {
		if c := plainCheck(t, e.stringConds); c != "" {
			return jen.Qual(jsondecPkg, c)
		}
		if e.isStruct(t) {
			return jen.Qual(jsondecPkg, "CheckObject").Call(jen.Id("json" + t.Name))
		}
		if t.Kind == ir.Named {
			return jen.Qual(jsondecPkg, "CheckBy").Call(jen.Id(walkName(t.Name)))
		}
	}
	return jen.Qual(jsondecPkg, "CheckBy").Call(jen.Func().Params(jen.Id("w").Op("*").Qual(jsondecPkg, "Walk")).Bool().
		Block(jen.Return(e.value(t, nullable))))
}

func refuse() jen.Code { return jen.Return(jen.False()) }

// enumWalk holds the value to the listed ones, through the enum's IsKnown; an
// open enum's only in strict mode.
func (e *checkEmitter) enumWalk(m *ir.Model) []jen.Code {
	var known jen.Code
	if m.Enum.Base.Name == "string" {
		known = jen.Id("w").Dot("Text").Call(jen.Func().Params(jen.Id("s").Index().Byte()).Bool().Block(
			jen.Return(model(e.api, m.GoName).Call(jen.Qual(jsondecPkg, "View").Call(jen.Id("s"))).Dot("IsKnown").Call())))
	} else {
		known = jen.Id("w").Dot("IntIn").Call(jen.Lit(intBits(m.Enum.Base.Name)), jen.Func().Params(jen.Id("x").Float64()).Bool().Block(
			jen.Return(model(e.api, m.GoName).Call(jen.Id("x")).Dot("IsKnown").Call())))
	}
	if !m.Enum.Open {
		return []jen.Code{jen.Return(known)}
	}
	return []jen.Code{
		jen.If(jen.Op("!").Id("w").Dot("Strict").Call()).Block(jen.Return(e.primitive(m.Enum.Base.Name, nil))),
		jen.Return(known),
	}
}

// unionWalk walks the alternative the value's JSON type picks, for the types
// only one alternative takes; a value of a type several take is left to
// decoding (Unsure), and one of any other type is refused.
func (e *checkEmitter) unionWalk(m *ir.Model) []jen.Code {
	var cases []jen.Code
	for _, p := range m.Picks {
		if p.Rule != ir.PickOnly || len(p.Variants) != 1 {
			cases = append(cases, jen.Case(kindTest(p.Kind)).Return(jen.Id("w").Dot("Unsure").Call()))
			continue
		}
		cases = append(cases, jen.Case(kindTest(p.Kind)).Return(e.value(p.Variants[0].Type, false)))
	}
	if len(cases) == 0 {
		return []jen.Code{refuse()}
	}
	return []jen.Code{jen.Switch().Block(cases...), refuse()}
}

// kindTest is whether the value at w's cursor is of JSON type k.
func kindTest(k ir.JSONKind) jen.Code {
	switch k {
	case ir.KindString:
		return jen.Id("w").Dot("Is").Call(jen.LitRune('"'))
	case ir.KindNumber:
		return jen.Id("w").Dot("IsNumber").Call()
	case ir.KindBool:
		return jen.Id("w").Dot("IsBool").Call()
	case ir.KindArray:
		return jen.Id("w").Dot("Is").Call(jen.LitRune('['))
	}
	return jen.Id("w").Dot("Is").Call(jen.LitRune('{'))
}

func intBits(goType string) int {
	switch goType {
	case "int8":
		return 8
	case "int16":
		return 16
	case "int32":
		return 32
	}
	return 64
}

// value is the expression that consumes the value at w's cursor and says
// whether it is of type t (or null, when nullable) and keeps t's rules.
func (e *checkEmitter) value(t ir.TypeRef, nullable bool) *jen.Statement {
	if nullable {
		return jen.Parens(jen.Id("w").Dot("Null").Call().Op("||").Add(e.value(t, false)))
	}
	c := t.Constraints
	switch t.Kind {
	case ir.Named:
		if e.isStruct(t) {
			return jen.Id("w").Dot("Members").Call(jen.Id("json" + t.Name))
		}
		return jen.Id(walkName(t.Name)).Call(jen.Id("w"))
	case ir.Primitive:
		return e.primitive(t.Name, c)
	case ir.Array:
		lo, hi := 0, -1
		if c != nil {
			lo = int(c.MinItems)
			if c.MaxItems != nil {
				hi = int(*c.MaxItems)
			}
		}
		unique := c != nil && c.UniqueItems
		return jen.Id("w").Dot("Array").Call(jen.Lit(lo), jen.Lit(hi), jen.Lit(unique), e.check(*t.Elem, false))
	case ir.Map:
		lo, hi := 0, -1
		if c != nil {
			lo = int(c.MinProperties)
			if c.MaxProperties != nil {
				hi = int(*c.MaxProperties)
			}
		}
		return jen.Id("w").Dot("Map").Call(jen.Lit(lo), jen.Lit(hi), e.check(*t.Elem, false))
	case ir.RawJSON:
		args := []jen.Code{jen.False()}
		if c != nil {
			for _, k := range c.JSONTypes {
				if k == "null" {
					args[0] = jen.True()
				} else {
					args = append(args, jen.Lit(k))
				}
			}
		}
		return jen.Id("w").Dot("Any").Call(args...)
	}
	return jen.False()
}

// isStruct reports whether t names a struct model, whose walk is Members.
func (e *checkEmitter) isStruct(t ir.TypeRef) bool {
	m := e.models[t.Name]
	return t.Kind == ir.Named && m != nil && m.Kind == ir.Struct
}

// plainCheck names jsondec's Check of t when t is a primitive whose value has
// no rule beyond its type (conds gives a string's rules), "" otherwise.
func plainCheck(t ir.TypeRef, conds func(*ir.Constraints) []jen.Code) string {
	if t.Kind != ir.Primitive {
		return ""
	}
	c := t.Constraints
	switch t.Name {
	case "bool":
		return "CheckBool"
	case "string":
		if len(conds(c)) > 0 {
			return ""
		}
		return "CheckStr"
	}
	if len(numberConds(c)) > 0 {
		return ""
	}
	if t.Name == "float32" || t.Name == "float64" {
		return "CheckFloat"
	}
	return fmt.Sprintf("CheckInt%d", intBits(t.Name))
}

func (e *checkEmitter) primitive(name string, c *ir.Constraints) *jen.Statement {
	switch name {
	case "bool":
		return jen.Id("w").Dot("Bool").Call()
	case "string":
		conds := e.stringConds(c)
		if len(conds) == 0 {
			return jen.Id("w").Dot("Str").Call()
		}
		return jen.Id("w").Dot("Text").Call(jen.Func().Params(jen.Id("s").Index().Byte()).Bool().Block(jen.Return(andAll(conds))))
	case "float32", "float64":
		conds := numberConds(c)
		if len(conds) == 0 {
			return jen.Id("w").Dot("Float").Call()
		}
		return jen.Id("w").Dot("FloatIn").Call(jen.Func().Params(jen.Id("x").Float64()).Bool().Block(jen.Return(andAll(conds))))
	}
	conds := numberConds(c)
	if len(conds) == 0 {
		return jen.Id("w").Dot("Int").Call(jen.Lit(intBits(name)))
	}
	return jen.Id("w").Dot("IntIn").Call(jen.Lit(intBits(name)),
		jen.Func().Params(jen.Id("x").Float64()).Bool().Block(jen.Return(andAll(conds))))
}

func andAll(conds []jen.Code) jen.Code {
	out := jen.Add(conds[0])
	for _, c := range conds[1:] {
		out = out.Op("&&").Add(c)
	}
	return out
}

// stringConds are the conditions on s, a string's decoded bytes, under which it
// keeps its rules.
func (e *checkEmitter) stringConds(c *ir.Constraints) []jen.Code {
	if c == nil {
		return nil
	}
	var out []jen.Code
	if c.MinLength > 0 || c.MaxLength != nil {
		hi := int64(-1)
		if c.MaxLength != nil {
			hi = *c.MaxLength
		}
		out = append(out, jen.Qual(jsondecPkg, "Runes").Call(jen.Id("s"), jen.Lit(int(c.MinLength)), jen.Lit(int(hi))))
	}
	if c.Pattern != "" {
		name := e.patterns.name(c.Pattern)
		out = append(out, jen.Id(name).Dot("Match").Call(jen.Id("s")))
	}
	if check, ok := formatChecks[c.Format]; ok {
		out = append(out, jen.Qual(acsPkg, check.fn).Call(jen.Qual(jsondecPkg, "View").Call(jen.Id("s"))))
	}
	return out
}

// numberConds are the conditions on x, a number as a float64 (as JSON Schema
// and kin-openapi see numbers), under which it keeps its rules.
func numberConds(c *ir.Constraints) []jen.Code {
	if c == nil {
		return nil
	}
	var out []jen.Code
	if c.Minimum != nil {
		op := ">="
		if c.ExclusiveMinimum {
			op = ">"
		}
		out = append(out, jen.Id("x").Op(op).Lit(*c.Minimum))
	}
	if c.Maximum != nil {
		op := "<="
		if c.ExclusiveMaximum {
			op = "<"
		}
		out = append(out, jen.Id("x").Op(op).Lit(*c.Maximum))
	}
	if c.MultipleOf != nil {
		out = append(out, jen.Qual(acsPkg, "MultipleOf").Call(jen.Id("x"), jen.Lit(*c.MultipleOf)))
	}
	return out
}
