package emit

import (
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
	for _, m := range api.Models {
		if e.reach[m.GoName] {
			decls = append(decls, e.genWalk(m))
		}
	}
	e.patterns.declare(f, "Patterns of the checked bodies, for their walkers.")
	declareKeyTables(f, api, e.reach)
	for _, d := range decls {
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
	return jen.Commentf("%s consumes the value at w's cursor and reports whether it is a valid %s.", walkName(m.GoName), m.GoName).Line().
		Func().Id(walkName(m.GoName)).Params(jen.Id("w").Op("*").Qual(jsondecPkg, "Walk")).Bool().Block(body...)
}

// structWalk walks an object member by member, each key looked up in the
// table of field names (jsonX, the decoder's, declared again in the check
// package by declareKeyTables) and switched to its
// field's check, the fields met recorded in a bit set that the required ones
// are then looked up in:
//
//	var seen [1]uint64
//	at := -1
//	for more := w.Open(); more; more = w.Next('{') {
//		ok := false
//		at = w.Field(jsonPet, at)
//		switch at {
//		case 0:
//			ok = jsondec.Once(&seen[0], 1<<0) && w.Str()
//		}
//		if !ok {
//			return false
//		}
//	}
//	return !w.Failed() && seen[0]&0x1 == 0x1
func (e *checkEmitter) structWalk(m *ir.Model) []jen.Code {
	words := max((len(m.Fields)+63)/64, 1)
	var cases []jen.Code
	named := map[string]bool{}
	for i, f := range m.Fields {
		if named[f.Name] {
			continue // decoding, too, takes the first field of a name
		}
		named[f.Name] = true
		once := jen.Qual(jsondecPkg, "Once").Call(jen.Op("&").Id("seen").Index(jen.Lit(i/64)), jen.Lit(1).Op("<<").Lit(i%64))
		cases = append(cases, jen.Case(jen.Lit(i)).Id("ok").Op("=").Add(once).Op("&&").Add(e.value(f.Type, f.Nullable)))
	}
	done := jen.Op("!").Id("w").Dot("Failed").Call()
	masks := make([]uint64, words)
	for i, f := range m.Fields {
		if f.Required {
			masks[i/64] |= uint64(1) << (i % 64)
		}
	}
	for w, mask := range masks {
		if mask != 0 {
			done = done.Op("&&").Id("seen").Index(jen.Lit(w)).Op("&").Lit(mask).Op("==").Lit(mask)
		}
	}
	loop := []jen.Code{jen.Id("ok").Op(":=").False(),
		jen.Id("at").Op("=").Id("w").Dot("Field").Call(jen.Id("json"+m.GoName), jen.Id("at")),
		jen.Switch(jen.Id("at")).Block(cases...),
		jen.If(jen.Op("!").Id("ok")).Block(refuse())}
	if len(cases) == 0 {
		loop = []jen.Code{refuse()} // no member is one of its properties
	}
	var g []jen.Code
	if len(cases) > 0 {
		g = append(g, jen.Var().Id("seen").Index(jen.Lit(words)).Uint64(), jen.Id("at").Op(":=").Lit(-1))
	}
	return append(g,
		jen.For(jen.Id("more").Op(":=").Id("w").Dot("Open").Call(), jen.Id("more"),
			jen.Id("more").Op("=").Id("w").Dot("Next").Call(jen.LitRune('{'))).Block(loop...),
		jen.Return(done))
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
		return jen.Id("w").Dot("Array").Call(jen.Lit(lo), jen.Lit(hi), jen.Lit(unique), e.walkFunc(*t.Elem))
	case ir.Map:
		lo, hi := 0, -1
		if c != nil {
			lo = int(c.MinProperties)
			if c.MaxProperties != nil {
				hi = int(*c.MaxProperties)
			}
		}
		return jen.Id("w").Dot("Map").Call(jen.Lit(lo), jen.Lit(hi), e.walkFunc(*t.Elem))
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

// walkFunc is a func(*jsondec.Walk) bool for a value of type t: a model's
// walker, or a literal that captures nothing.
func (e *checkEmitter) walkFunc(t ir.TypeRef) jen.Code {
	if t.Kind == ir.Named {
		return jen.Id(walkName(t.Name))
	}
	return jen.Func().Params(jen.Id("w").Op("*").Qual(jsondecPkg, "Walk")).Bool().Block(jen.Return(e.value(t, false)))
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
