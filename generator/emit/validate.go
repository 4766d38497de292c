package emit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

const (
	regexpPkg = "regexp"
	slicesPkg = "slices"
	mapsPkg   = "maps"
	utf8Pkg   = "unicode/utf8"
)

// genValidateFile emits Validate() error for every model (but aliases, which share
// their target's) and request type, plus an unexported validate(*acs.Validator)
// that nested values call so that one Validator collects every violation.
func genValidateFile(f *jen.File, api *ir.API) bool {
	e := newValidateEmitter(api)
	var decls []jen.Code
	for _, m := range api.Models {
		if m.Kind == ir.Alias {
			continue
		}
		decls = append(decls, e.genModelValidate(m))
	}
	for _, op := range api.Operations {
		decls = append(decls, e.genRequestValidate(op))
	}
	if len(decls) == 0 {
		return false
	}
	e.declareJSONEnums(f)
	e.patterns.declare(f, "Patterns of the spec, compiled once; build checked that each compiles.")
	for _, d := range decls {
		f.Add(d).Line()
	}
	return true
}

type validateEmitter struct {
	api    *ir.API
	models map[string]*ir.Model
	needs  map[string]bool // memo of modelNeeds
	// patterns are the file's compiled patterns; each generated file that
	// compiles patterns names them with a prefix of its own.
	patterns  patternVars
	jsonEnums []jsonEnumVar // the enums of objects or arrays, in the order checks use them
	vars      int           // counter for unique local names within one function
	// outside says the checks are emitted outside the models' package (the
	// check package), which reaches a model's checks through its Validate.
	outside bool
}

func newValidateEmitter(api *ir.API) *validateEmitter {
	e := &validateEmitter{api: api, models: map[string]*ir.Model{}, needs: map[string]bool{}, patterns: patternVars{prefix: "pattern"}}
	for _, m := range api.Models {
		e.models[m.GoName] = m
	}
	e.computeNeeds()
	return e
}

// validateDoc heads every Validate method.
const validateDoc = "Validate reports every way the value breaks its schema as an *acs.ValidationError\n" +
	"whose violations carry JSON pointers; nil when there are none."

// genModelValidate emits:
//
//	// Validate reports ...
//	func (m *Item) Validate() error {
//		var v acs.Validator
//		m.validate(&v)
//		return v.Err()
//	}
//
//	func (m *Item) validate(v *acs.Validator) { ... }
func (e *validateEmitter) genModelValidate(m *ir.Model) jen.Code {
	e.vars = 0
	recv := func() *jen.Statement { return jen.Id("m").Op("*").Id(m.GoName) }
	if m.Kind == ir.Enum || m.Kind == ir.Defined {
		recv = func() *jen.Statement { return jen.Id("m").Id(m.GoName) }
	}
	var body []jen.Code
	switch m.Kind {
	case ir.Struct:
		body = e.structChecks(m)
	case ir.Enum:
		body = e.enumCheck(m)
	case ir.Union:
		body = e.unionChecks(m)
	case ir.Defined:
		x := jen.Id("m")
		if m.Type.Kind == ir.Primitive && m.Type.Name == "string" {
			x = jen.String().Call(jen.Id("m")) // utf8 and regexp take a plain string
		}
		body = e.checks(x, m.Type)
		if m.Type.Kind == ir.Named && e.modelNeeds(m.Type.Name) {
			// The underlying type's method is not inherited; convert to reach it.
			body = []jen.Code{jen.Parens(jen.Op("*").Id(m.Type.Name)).Call(jen.Op("&").Id("m")).Dot("validate").Call(jen.Id("v"))}
		}
	}
	var top []jen.Code
	if m.Kind == ir.Struct || m.Kind == ir.Union {
		top = append(top, jen.If(jen.Id("m").Op("==").Nil()).Block(jen.Return(jen.Nil())))
	}
	top = append(top, jen.Var().Id("v").Qual(acsPkg, "Validator"), jen.Id("m").Dot("validate").Call(jen.Op("&").Id("v")), jen.Return(jen.Id("v").Dot("Err").Call()))
	return jen.Add(doc(validateDoc)).Func().Params(recv()).Id("Validate").Params().Error().Block(top...).Line().Line().
		Func().Params(recv()).Id("validate").Params(jen.Id("v").Op("*").Qual(acsPkg, "Validator")).Block(body...)
}

func (e *validateEmitter) structChecks(m *ir.Model) []jen.Code {
	var g []jen.Code
	for _, f := range m.Fields {
		field := func() *jen.Statement { return jen.Id("m").Dot(f.GoName) }
		nilable := f.Type.Kind == ir.Array || f.Type.Kind == ir.Map || f.Type.Kind == ir.RawJSON
		switch {
		case f.Wrap == ir.Nullable || f.Wrap == ir.NullablePointer:
			if !e.typeNeeds(f.Type) {
				continue
			}
			x := e.local("x")
			present := jen.Id("ok")
			if f.Wrap == ir.NullablePointer { // Nullable[*T] holds a pointer, nil when only the wrapper was set
				present = jen.Id("ok").Op("&&").Id(x).Op("!=").Nil()
			}
			g = append(g, jen.If(jen.List(jen.Id(x), jen.Id("ok")).Op(":=").Add(field()).Dot("Get").Call(), present).Block(
				enter(f.Name, e.checks(jen.Id(x), f.Type))...))
		case f.Wrap == ir.Pointer || nilable:
			// nil is null for a required nullable property, which a decoded value
			// cannot tell from an absent one: only the JSON can (strict decoding).
			mustBeSet := f.Required && !f.Nullable
			if !e.typeNeeds(f.Type) && !mustBeSet {
				continue
			}
			value := field()
			if f.Wrap == ir.Pointer && f.Type.Kind == ir.Primitive {
				value = jen.Op("*").Add(field())
			}
			var stmt *jen.Statement
			if e.typeNeeds(f.Type) {
				stmt = jen.If(field().Op("!=").Nil()).Block(enter(f.Name, e.checks(value, f.Type))...)
				if mustBeSet {
					stmt = stmt.Else().Block(required(f.Name)...)
				}
			} else {
				stmt = jen.If(field().Op("==").Nil()).Block(required(f.Name)...)
			}
			g = append(g, stmt)
		default:
			// A required value held directly: encoding/json leaves it zero when the
			// property is absent, so only the checks of its type can notice.
			if e.typeNeeds(f.Type) {
				g = append(g, enter(f.Name, e.checks(field(), f.Type))...)
			}
		}
	}
	return g
}

// emptyOnWire is true when an array parameter would put no non-empty value on the
// wire: no items, or string items that all render empty (one value when joined
// with commas, since "a," is not empty).
func emptyOnWire(p *ir.Param, field func() *jen.Statement) *jen.Statement {
	switch {
	case p.Scalar != "string" || p.In == ir.InMultipart: // an empty part is a value
		return jen.Len(field()).Op("==").Lit(0)
	case p.Sep == "": // repeated per item
		return jen.Qual(acsPkg, "Missing").Call(field().Op("..."))
	default:
		return jen.Len(field()).Op("<").Lit(2).Op("&&").Qual(acsPkg, "Missing").Call(field().Op("..."))
	}
}

func required(name string) []jen.Code { return missing(name, "required property is missing") }

func requiredParam(name string) []jen.Code { return missing(name, "required parameter is missing") }

func missing(name, message string) []jen.Code {
	return enter(name, []jen.Code{jen.Id("v").Dot("Fail").Call(jen.Lit(message))})
}

// enter wraps checks in v.Enter(name) ... v.Leave().
func enter(name string, checks []jen.Code) []jen.Code { return enterKey(jen.Lit(name), checks) }

func enterKey(key jen.Code, checks []jen.Code) []jen.Code {
	return append(append([]jen.Code{jen.Id("v").Dot("Enter").Call(key)}, checks...), jen.Id("v").Dot("Leave").Call())
}

func enterIndex(i jen.Code, checks []jen.Code) []jen.Code {
	return append(append([]jen.Code{jen.Id("v").Dot("EnterIndex").Call(i)}, checks...), jen.Id("v").Dot("Leave").Call())
}

func (e *validateEmitter) enumCheck(m *ir.Model) []jen.Code {
	if m.Enum.Open {
		return nil
	}
	list := make([]string, len(m.Enum.Values))
	for i, v := range m.Enum.Values {
		list[i] = fmt.Sprint(v.Raw)
		if list[i] == "" {
			list[i] = `""`
		}
	}
	verb, conv := "%d", jen.Id(m.Enum.Base.Name).Call(jen.Id("m"))
	if m.Enum.Base.Name == "string" {
		verb = "%q"
	}
	return []jen.Code{jen.If(jen.Op("!").Id("m").Dot("IsKnown").Call()).Block(
		jen.Id("v").Dot("Failf").Call(jen.Lit("value "+verb+" is not one of "+escapePercent(strings.Join(list, ", "))), conv))}
}

func (e *validateEmitter) unionChecks(m *ir.Model) []jen.Code {
	// A value built by hand may set several alternatives; the switch below would
	// check one, and MarshalJSON send one, of what the caller meant.
	set := make([]jen.Code, len(m.Variants))
	for i, vr := range m.Variants {
		set[i] = jen.Id("m").Dot(vr.GoName).Op("!=").Nil()
	}
	several := jen.If(jen.Id("n").Op(":=").Qual(acsPkg, "CountSet").Call(set...), jen.Id("n").Op(">").Lit(1)).Block(
		jen.Id("v").Dot("Failf").Call(jen.Lit("%d alternatives are set; set exactly one"), jen.Id("n")))
	return []jen.Code{several, jen.Switch().BlockFunc(func(g *jen.Group) {
		for _, vr := range m.Variants {
			value := jen.Id("m").Dot(vr.GoName)
			switch vr.Type.Kind {
			case ir.Primitive, ir.RawJSON:
				value = jen.Op("*").Id("m").Dot(vr.GoName)
			case ir.Array, ir.Map: // indexed below, which binds tighter than *
				value = jen.Parens(jen.Op("*").Id("m").Dot(vr.GoName))
			}
			g.Case(jen.Id("m").Dot(vr.GoName).Op("!=").Nil()).Block(e.checks(value, vr.Type)...)
		}
		g.Default().Block(jen.Id("v").Dot("Fail").Call(jen.Lit("no alternative is set")))
	})}
}

// genRequestValidate emits Validate for an operation's request struct. Parameters
// are pointed at by their wire names, the body by "/body". A required parameter is
// missing when it would put no non-empty value on the wire (acs.Missing), which is
// how the mock and the contract check judge the request that arrives.
func (e *validateEmitter) genRequestValidate(op *ir.Operation) jen.Code {
	e.vars = 0
	var g []jen.Code
	for _, p := range op.Params {
		field := func() *jen.Statement { return jen.Id("r").Dot(p.GoName) }
		needs := e.typeNeeds(p.Type)
		switch {
		case p.Binary:
			// A file part's bytes are the service's to judge; an empty one is not sent.
			if p.Required {
				g = append(g, jen.If(jen.Len(field()).Op("==").Lit(0)).Block(requiredParam(p.Name)...))
			}
		case p.Style != ir.ParamPlain:
			g = append(g, e.styledChecks(p)...)
		case p.Type.Kind == ir.Array:
			// An empty array is not sent at all, so it counts as absent.
			empty := emptyOnWire(p, field)
			checks := enter(p.Name, e.checks(field(), p.Type))
			switch {
			case p.Required:
				g = append(g, jen.If(empty).Block(requiredParam(p.Name)...).Else().Block(checks...))
			case p.Scalar == "string" && p.AllowEmpty:
				// kin-openapi skips the schema of an allowed empty value.
				g = append(g, jen.If(jen.Len(field()).Op(">").Lit(0).Op("&&").Op("!").Parens(empty)).Block(checks...))
			case p.Scalar == "string" && p.In != ir.InMultipart:
				// Items that all render empty still send "Name=", which the spec does not allow.
				g = append(g, jen.If(jen.Len(field()).Op(">").Lit(0)).Block(
					jen.If(empty).Block(missing(p.Name, "empty value is not allowed")...).Else().Block(checks...)))
			case needs:
				g = append(g, jen.If(jen.Len(field()).Op(">").Lit(0)).Block(checks...))
			}
		case p.Required && (p.Pointer || jsonValue(p)):
			// A required JSON part, nil when unset (the only such plain field).
			stmt := jen.If(field().Op("==").Nil()).Block(requiredParam(p.Name)...)
			if needs {
				stmt = stmt.Else().Block(enter(p.Name, e.checks(field(), p.Type))...)
			}
			g = append(g, stmt)
		case p.Text && p.Required:
			// What goes on the wire is the text of the alternative that is set: none
			// (a union left zero) or an empty one is missing.
			stmt := jen.If(jen.List(jen.Id("s"), jen.Err()).Op(":=").Qual(acsPkg, "ScalarText").Call(field()),
				jen.Err().Op("!=").Nil().Op("||").Qual(acsPkg, "Missing").Call(jen.Id("s"))).Block(requiredParam(p.Name)...)
			if needs {
				stmt = stmt.Else().Block(enter(p.Name, e.checks(field(), p.Type))...)
			}
			g = append(g, stmt)
		case p.Pointer:
			value := field()
			if p.Type.Kind == ir.Primitive {
				value = jen.Op("*").Add(field())
			}
			present := field().Op("!=").Nil()
			if p.AllowEmpty && p.Scalar == "string" {
				present = present.Op("&&").Op("*").Add(field()).Op("!=").Lit("")
			}
			if needs {
				g = append(g, jen.If(present).Block(enter(p.Name, e.checks(value, p.Type))...))
			}
		case p.Required && p.Scalar == "string":
			stmt := jen.If(jen.Qual(acsPkg, "Missing").Call(field())).Block(requiredParam(p.Name)...)
			if needs {
				stmt = stmt.Else().Block(enter(p.Name, e.checks(field(), p.Type))...)
			}
			g = append(g, stmt)
		case needs:
			g = append(g, enter(p.Name, e.checks(field(), p.Type))...)
		}
	}
	if b := op.Body; b != nil {
		field := func() *jen.Statement { return jen.Id("r").Dot(b.Field()) }
		nilable := !b.Embedded && (b.Type.Kind == ir.Named || b.Type.Kind == ir.Array || b.Type.Kind == ir.Map || b.Type.Kind == ir.RawJSON)
		checks := enter("body", e.checks(field(), b.Type))
		switch {
		case nilable && b.Required:
			g = append(g, jen.If(field().Op("==").Nil()).Block(required("body")...).Else().Block(checks...))
		case nilable && e.typeNeeds(b.Type):
			g = append(g, jen.If(field().Op("!=").Nil()).Block(checks...))
		case e.typeNeeds(b.Type):
			g = append(g, checks...)
		}
	}
	if r := op.Raw; r != nil && r.Required {
		g = append(g, jen.If(jen.Len(jen.Id("r").Dot("Body")).Op("==").Lit(0)).Block(required("body")...))
	}
	return jen.Add(doc(validateDoc+"\nIt checks what the spec says of each parameter before anything is sent.")).
		Func().Params(jen.Id("r").Op("*").Id(op.Request)).Id("Validate").Params().Error().Block(
		jen.If(jen.Id("r").Op("==").Nil()).Block(jen.Return(jen.Nil())),
		jen.Var().Id("v").Qual(acsPkg, "Validator"),
		jen.Id("r").Dot("validate").Call(jen.Op("&").Id("v")),
		jen.Return(jen.Id("v").Dot("Err").Call()),
	).Line().Line().
		Func().Params(jen.Id("r").Op("*").Id(op.Request)).Id("validate").Params(jen.Id("v").Op("*").Qual(acsPkg, "Validator")).Block(g...)
}

// checks returns the statements that validate x, an addressable expression of type t.
func (e *validateEmitter) checks(x *jen.Statement, t ir.TypeRef) []jen.Code {
	var g []jen.Code
	c := t.Constraints
	switch t.Kind {
	case ir.Named:
		switch {
		case e.modelNeeds(t.Name) && e.outside:
			g = append(g, jen.Id("v").Dot("Include").Call(jen.Add(x).Dot("Validate").Call()))
		case e.modelNeeds(t.Name):
			g = append(g, jen.Add(x).Dot("validate").Call(jen.Id("v")))
		}
	case ir.Primitive:
		if c == nil {
			break
		}
		if t.Name == "string" {
			g = append(g, e.stringChecks(x, c)...)
		} else if t.Name != "bool" {
			g = append(g, numberChecks(x, c)...)
		}
	case ir.Array:
		if c != nil {
			g = append(g, countChecks(jen.Len(x), c.MinItems, c.MaxItems, "items", "minItems", "maxItems")...)
			if c.UniqueItems {
				dup := "DuplicateJSON"
				if e.comparable(*t.Elem) {
					dup = "DuplicateItem"
				}
				g = append(g, jen.If(jen.List(jen.Id("i"), jen.Id("j"), jen.Id("dup")).Op(":=").Qual(acsPkg, dup).Call(x), jen.Id("dup")).Block(
					jen.Id("v").Dot("Failf").Call(jen.Lit("items %d and %d are equal, but uniqueItems is set"), jen.Id("i"), jen.Id("j"))))
			}
		}
		if e.typeNeeds(*t.Elem) {
			i := e.local("i")
			g = append(g, jen.For(jen.Id(i).Op(":=").Range().Add(x)).Block(enterIndex(jen.Id(i), e.checks(jen.Add(x).Index(jen.Id(i)), *t.Elem))...))
		}
	case ir.RawJSON:
		if c != nil && len(c.JSONTypes) > 0 {
			// acs.JSONKind says "number" for integers too; JSON Schema's integer
			// needs no more here, as free-form values are only ever typed object.
			var conds []jen.Code
			for _, k := range c.JSONTypes {
				if k == "integer" {
					k = "number"
				}
				conds = append(conds, jen.Id("k").Op("!=").Lit(k))
			}
			g = append(g, jen.If(jen.Id("k").Op(":=").Qual(acsPkg, "JSONKind").Call(x), jen.Op("").Add(joinAnd(conds))).Block(
				jen.Id("v").Dot("Failf").Call(jen.Lit("a JSON %s is not of type "+escapePercent(strings.Join(c.JSONTypes, " or "))), jen.Id("k"))))
		}
		if c != nil && len(c.Enum) > 0 {
			g = append(g, e.jsonEnumCheck(x, c.Enum))
		}
	case ir.Map:
		if c != nil {
			g = append(g, countChecks(jen.Len(x), c.MinProperties, c.MaxProperties, "properties", "minProperties", "maxProperties")...)
		}
		if e.typeNeeds(*t.Elem) {
			// Sorted keys keep the order of violations stable from run to run.
			k, val := e.local("k"), e.local("x")
			g = append(g, jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Qual(slicesPkg, "Sorted").Call(jen.Qual(mapsPkg, "Keys").Call(x))).Block(
				append([]jen.Code{jen.Id(val).Op(":=").Add(x).Index(jen.Id(k))}, enterKey(jen.Id(k), e.checks(jen.Id(val), *t.Elem))...)...))
		}
	}
	return g
}

func (e *validateEmitter) stringChecks(x *jen.Statement, c *ir.Constraints) []jen.Code {
	var g []jen.Code
	if c.MinLength > 0 || c.MaxLength != nil {
		g = append(g, countChecks(jen.Qual(utf8Pkg, "RuneCountInString").Call(x), c.MinLength, c.MaxLength, "characters", "minLength", "maxLength")...)
	}
	if c.Pattern != "" {
		name := e.patterns.name(c.Pattern)
		g = append(g, jen.If(jen.Op("!").Id(name).Dot("MatchString").Call(x)).Block(
			jen.Id("v").Dot("Failf").Call(jen.Lit("value %q does not match the pattern %s"), x, jen.Id(name))))
	}
	if check, ok := formatChecks[c.Format]; ok {
		g = append(g, jen.If(jen.Op("!").Qual(acsPkg, check.fn).Call(x)).Block(
			jen.Id("v").Dot("Failf").Call(jen.Lit("value %q is not "+check.what), x)))
	}
	return g
}

// formatChecks are the acs functions that check a string format, and what a
// value must then be.
var formatChecks = map[string]struct{ fn, what string }{
	"date":      {"IsDate", "a date (format date, 2006-01-02)"},
	"date-time": {"IsDateTime", "a date and time (format date-time, 2006-01-02T15:04:05Z)"},
	"byte":      {"IsBase64", "base64 (format byte)"},
}

// countChecks emits a switch on a count (string length, items, properties):
//
//	switch n := len(x); {
//	case n < 1:
//		v.Failf("%d items are fewer than minItems 1", n)
//	case n > 100:
//		v.Failf("%d items are more than maxItems 100", n)
//	}
func countChecks(count jen.Code, lo int64, hi *int64, unit, loWord, hiWord string) []jen.Code {
	var cases []jen.Code
	if lo > 0 {
		cases = append(cases, jen.Case(jen.Id("n").Op("<").Lit(int(lo))).Id("v").Dot("Failf").Call(
			jen.Lit(fmt.Sprintf("%%d %s are fewer than %s %d", unit, loWord, lo)), jen.Id("n")))
	}
	if hi != nil {
		cases = append(cases, jen.Case(jen.Id("n").Op(">").Lit(int(*hi))).Id("v").Dot("Failf").Call(
			jen.Lit(fmt.Sprintf("%%d %s are more than %s %d", unit, hiWord, *hi)), jen.Id("n")))
	}
	if len(cases) == 0 {
		return nil
	}
	return []jen.Code{jen.Switch(jen.Id("n").Op(":=").Add(count), jen.Empty()).Block(cases...)}
}

// numberChecks compare as float64, as JSON Schema (and kin-openapi) see numbers.
func numberChecks(x *jen.Statement, c *ir.Constraints) []jen.Code {
	var g []jen.Code
	f := func() *jen.Statement { return jen.Float64().Call(x) }
	limit := func(op string, bound float64, msg string) {
		g = append(g, jen.If(f().Op(op).Lit(bound)).Block(
			jen.Id("v").Dot("Failf").Call(jen.Lit("value %v "+msg+" "+formatFloat(bound)), x)))
	}
	if c.Minimum != nil {
		if c.ExclusiveMinimum {
			limit("<=", *c.Minimum, "is not more than the exclusive minimum")
		} else {
			limit("<", *c.Minimum, "is less than the minimum")
		}
	}
	if c.Maximum != nil {
		if c.ExclusiveMaximum {
			limit(">=", *c.Maximum, "is not less than the exclusive maximum")
		} else {
			limit(">", *c.Maximum, "is more than the maximum")
		}
	}
	if c.MultipleOf != nil {
		g = append(g, jen.If(jen.Op("!").Qual(acsPkg, "MultipleOf").Call(f(), jen.Lit(*c.MultipleOf))).Block(
			jen.Id("v").Dot("Failf").Call(jen.Lit("value %v is not a multiple of "+formatFloat(*c.MultipleOf)), x)))
	}
	return g
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func escapePercent(s string) string { return strings.ReplaceAll(s, "%", "%%") }

// local returns a fresh local variable name within the current function.
func (e *validateEmitter) local(base string) string {
	e.vars++
	return base + strconv.Itoa(e.vars)
}

// typeNeeds reports whether a value of type t can break its schema in a way Go
// typing does not already rule out.
func (e *validateEmitter) typeNeeds(t ir.TypeRef) bool {
	if t.Constraints != nil {
		return true
	}
	switch t.Kind {
	case ir.Named:
		return e.modelNeeds(t.Name)
	case ir.Array, ir.Map:
		return e.typeNeeds(*t.Elem)
	}
	return false
}

// modelNeeds is typeNeeds for a model, as worked out by computeNeeds.
func (e *validateEmitter) modelNeeds(name string) bool { return e.needs[name] }

// computeNeeds finds which models need checks: starting from none, a model needs
// them once anything it holds does, repeated until nothing changes, so that
// recursive types get the same answer whichever of them is asked first.
func (e *validateEmitter) computeNeeds() {
	for changed := true; changed; {
		changed = false
		for _, m := range e.api.Models {
			if !e.needs[m.GoName] && e.modelNeedsOnce(m) {
				e.needs[m.GoName], changed = true, true
			}
		}
	}
}

func (e *validateEmitter) modelNeedsOnce(m *ir.Model) bool {
	v := false
	{
		switch m.Kind {
		case ir.Enum:
			v = !m.Enum.Open // an open enum admits any value of its base type
		case ir.Union:
			v = true
		case ir.Alias, ir.Defined:
			v = e.typeNeeds(m.Type)
		case ir.Struct:
			for _, f := range m.Fields {
				mustBeSet := f.Required && !f.Nullable
				if e.typeNeeds(f.Type) || (mustBeSet && f.Wrap != ir.Value) ||
					(mustBeSet && (f.Type.Kind == ir.Array || f.Type.Kind == ir.Map || f.Type.Kind == ir.RawJSON)) {
					v = true
				}
			}
		}
	}
	return v
}

// comparable reports whether items of type t can be compared with ==.
func (e *validateEmitter) comparable(t ir.TypeRef) bool {
	switch t.Kind {
	case ir.Primitive:
		return true
	case ir.Named:
		m := e.models[t.Name]
		return m != nil && (m.Kind == ir.Enum || (m.Kind == ir.Defined || m.Kind == ir.Alias) && e.comparable(m.Type))
	}
	return false
}

func joinAnd(conds []jen.Code) jen.Code {
	out := jen.Add(conds[0])
	for _, c := range conds[1:] {
		out = out.Op("&&").Add(c)
	}
	return out
}
