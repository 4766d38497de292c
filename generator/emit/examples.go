package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/internal/textwrap"
)

// ExamplesFile is the generated file of example functions. Its name ends in
// _gen_test.go: go test compiles it, and it is as safe to delete as any *_gen.go.
const ExamplesFile = "examples_gen_test.go"

const logPkg = "log"

// genExamplesFile emits, in package <pkg>_test, one ExampleClient_<Operation> per
// operation that has an ir.Example (the ones without a hand-written example):
//
//	// ExampleClient_AttachPlugin calls AttachPlugin with the example values of the spec.
//	// ...
//	func ExampleClient_AttachPlugin() {
//		client, err := cloudapi.NewClient(acs.WithRegion("cn-hangzhou"))
//		if err != nil {
//			log.Fatal(err)
//		}
//		resp, err := client.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{
//			PluginID:  "9a3f1a5279434f2ba74ccd91c295af9f",
//			StageName: cloudapi.AttachPluginStageNameTest,
//		})
//		if err != nil {
//			log.Fatal(err) // an *acs.Error carries Code, StatusCode and RequestID
//		}
//		fmt.Printf("%+v\n", resp)
//	}
func genExamplesFile(f *jen.File, api *ir.API) bool {
	if api.ImportPath == "" {
		return false
	}
	f.ImportName(api.ImportPath, api.Package)
	n := 0
	for _, op := range api.Operations {
		if op.Example == nil {
			continue
		}
		f.Add(genExample(api, op)).Line()
		n++
	}
	return n > 0
}

func genExample(api *ir.API, op *ir.Operation) jen.Code {
	name := "ExampleClient_" + op.GoName
	var zero []string
	fields := jen.DictFunc(func(d jen.Dict) {
		for _, fl := range op.Example.Fields {
			if fl.Value == nil {
				zero = append(zero, fl.Param.Name)
				continue
			}
			d[jen.Id(fl.Param.GoName)] = exampleValue(api, fl)
		}
	})
	if op.Body != nil && op.Body.Required {
		zero = append(zero, "the request body ("+op.Body.Field()+")")
	}
	if op.Raw != nil && op.Raw.Required {
		zero = append(zero, "the request body (Body)")
	}
	comment := name + " calls " + op.GoName + " with the example values of the spec."
	switch len(zero) {
	case 0:
	case 1:
		comment += " It leaves " + zero[0] + " unset, having no example value for it: set it before calling."
	default:
		comment += " It leaves " + joinNames(zero) + " unset, having no example values for them: set them before calling."
	}
	comment += " It has no Output comment, so go test compiles it but never runs it: it would call the service"
	if api.Signed {
		comment += ", with the credentials of Alibaba Cloud's default chain (acs.DefaultCredentials)"
	}
	comment += "."
	// The locals must not shadow the package itself (a package named client, say).
	local := func(name, alt string) string {
		if name == api.Package {
			return alt
		}
		return name
	}
	client, resp, err := local("client", "c"), local("resp", "r"), local("err", "e")
	return jen.Add(doc(textwrap.Fill(comment, 84))).Func().Id(name).Params().Block(
		jen.List(jen.Id(client), jen.Id(err)).Op(":=").Qual(api.ImportPath, "NewClient").Call(clientOptions(api)...),
		jen.If(jen.Id(err).Op("!=").Nil()).Block(jen.Qual(logPkg, "Fatal").Call(jen.Id(err))),
		jen.List(jen.Id(resp), jen.Id(err)).Op(":=").Id(client).Dot(op.GoName).Call(
			jen.Qual(contextPkg, "Background").Call(),
			jen.Op("&").Qual(api.ImportPath, op.Request).Values(fields),
		),
		jen.If(jen.Id(err).Op("!=").Nil()).Block(
			jen.Qual(logPkg, "Fatal").Call(jen.Id(err)).Comment("an *acs.Error carries Code, StatusCode and RequestID"),
		),
		exampleUse(op, resp, err),
	)
}

// exampleUse shows the response: printed, or a streamed body copied out and closed.
func exampleUse(op *ir.Operation, resp, err string) jen.Code {
	if r := op.RawResponse; r != nil && !r.Text {
		return jen.Defer().Id(resp).Dot("Body").Dot("Close").Call().Line().
			If(jen.List(jen.Id("_"), jen.Id(err)).Op(":=").Qual(ioPkg, "Copy").Call(jen.Qual("os", "Stdout"), jen.Id(resp).Dot("Body")), jen.Id(err).Op("!=").Nil()).
			Block(jen.Qual(logPkg, "Fatal").Call(jen.Id(err)))
	}
	return jen.Qual(fmtPkg, "Printf").Call(jen.Lit("%+v\n"), jen.Id(resp))
}

// clientOptions point the example's client at the API: its default region, or an
// endpoint a person replaces when the spec declares none.
func clientOptions(api *ir.API) []jen.Code {
	switch {
	case api.DefaultRegion != "":
		return []jen.Code{jen.Qual(acsPkg, "WithRegion").Call(jen.Lit(api.DefaultRegion))}
	case api.Endpoint == "":
		return []jen.Code{jen.Qual(acsPkg, "WithEndpoint").Call(jen.Lit("https://api.example.com"))}
	}
	return nil
}

// exampleValue is the Go expression of a field's example: an enum constant or a
// literal of the field's type, in new(...) for a pointer field.
func exampleValue(api *ir.API, fl ir.ExampleField) jen.Code {
	p := fl.Param
	var v jen.Code
	switch {
	case fl.Const != "":
		v = jen.Qual(api.ImportPath, fl.Const)
	case p.Type.Kind == ir.Array:
		items, _ := fl.Value.([]any)
		v = exampleType(api, p.Type).ValuesFunc(func(g *jen.Group) {
			for i, it := range items {
				if i < len(fl.ItemConsts) && fl.ItemConsts[i] != "" {
					g.Qual(api.ImportPath, fl.ItemConsts[i])
					continue
				}
				g.Add(exampleScalar(api, *p.Type.Elem, it))
			}
		})
	default:
		v = exampleScalar(api, p.Type, fl.Value)
	}
	if p.Pointer {
		return jen.New(v)
	}
	return v
}

// exampleScalar is a literal of type t: bare for strings and booleans of a
// predeclared type, converted otherwise (so new(...) gets the field's type).
func exampleScalar(api *ir.API, t ir.TypeRef, v any) jen.Code {
	lit := jen.Lit(v)
	if i, ok := v.(int64); ok {
		lit = jen.Lit(int(i)) // jennifer writes int64 as int64(n); the conversion below types it
	}
	if t.Kind == ir.Primitive {
		switch v.(type) {
		case string, bool:
			return lit
		}
	}
	return exampleType(api, t).Call(lit)
}

// exampleType is typeRef qualified with the package's import path, for code in
// the external test package.
func exampleType(api *ir.API, t ir.TypeRef) *jen.Statement {
	switch t.Kind {
	case ir.Named:
		return jen.Qual(api.ImportPath, t.Name)
	case ir.Array:
		return jen.Index().Add(exampleType(api, *t.Elem))
	}
	return typeRef(t)
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			out += " and "
		default:
			out += ", "
		}
		out += n
	}
	return out
}
