package emit

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// jsonEnumVar is a package-level variable holding the decoded values of an enum
// of objects or arrays.
type jsonEnumVar struct {
	name   string
	values []string // JSON texts
}

// jsonEnumCheck emits, for a json.RawMessage x whose value must be one of
// values (ir.Constraints.Enum):
//
//	if !acs.InJSONEnum(x, enum0) {
//		v.Fail(`the value is not one of the enum's: {"a":1}, [2]`)
//	}
func (e *validateEmitter) jsonEnumCheck(x *jen.Statement, values []string) jen.Code {
	i := slices.IndexFunc(e.jsonEnums, func(v jsonEnumVar) bool { return slices.Equal(v.values, values) })
	if i < 0 {
		i = len(e.jsonEnums)
		e.jsonEnums = append(e.jsonEnums, jsonEnumVar{name: "enum" + strconv.Itoa(i), values: values})
	}
	return jen.If(jen.Op("!").Qual(acsPkg, "InJSONEnum").Call(x, jen.Id(e.jsonEnums[i].name))).Block(
		jen.Id("v").Dot("Fail").Call(textLit("the value is not one of the enum's: " + strings.Join(values, ", "))))
}

// declareJSONEnums declares the variables jsonEnumCheck uses, decoded once.
func (e *validateEmitter) declareJSONEnums(f *jen.File) {
	if len(e.jsonEnums) == 0 {
		return
	}
	f.Comment("Values of the spec's enums of objects and arrays, decoded once for acs.InJSONEnum.")
	f.Var().DefsFunc(func(g *jen.Group) {
		for _, v := range e.jsonEnums {
			args := make([]jen.Code, len(v.values))
			for i, t := range v.values {
				args[i] = textLit(t)
			}
			g.Id(v.name).Op("=").Qual(acsPkg, "JSONValues").Call(args...)
		}
	})
	f.Line()
}

// textLit is a string literal of s, raw (`{"a":1}`) where it can be, since JSON
// text is full of quotes.
func textLit(s string) jen.Code {
	if strings.ContainsAny(s, "`\r") || !utf8.ValidString(s) {
		return jen.Lit(s)
	}
	return jen.Op("`" + s + "`")
}
