package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// genCompiledFile emits CompiledSpec, in the check package: the spec files' digests and, per operation,
// the checks (decoding ones, and walkers from check_gen.go) of its responses with a
// JSON body of a generated type and of its JSON request body when that is a
// generated struct, which contract runs instead of
// kin-openapi while the operation's spec file is unchanged.
//
//	var CompiledSpec = acs.CompiledSpec{
//		Specs: []acs.SpecDigest{
//			{Source: "spec/apig-2024-03-27.yaml", Digest: "…"},
//		},
//		Responses: map[string]acs.ResponseChecks{
//			"GetPluginAttachment": {
//				"200": acs.CheckResponse[apig.GetPluginAttachmentResponse],
//				"4XX": acs.CheckResponse[apig.ErrorResponse],
//			},
//		},
//		RequestBodies: map[string]acs.BodyCheck{
//			"CreatePluginAttachment": acs.CheckResponse[apig.CreatePluginAttachmentBody],
//		},
//		Walks: map[string]acs.ResponseWalks{
//			"GetPluginAttachment": {
//				"200": walkGetPluginAttachmentResponse,
//				"4XX": walkErrorResponse,
//			},
//		},
//		RequestWalks: map[string]acs.BodyWalk{
//			"CreatePluginAttachment": walkCreatePluginAttachmentBody,
//		},
//	}
func genCompiledFile(f *jen.File, api *ir.API) bool {
	if len(api.Specs) == 0 || api.Specs[0].Digest == "" {
		return false
	}
	f.PackageComment(fmt.Sprintf("Package %s holds the contract checks of package %s: CompiledSpec, for", CheckPackage(api.Package), api.Package))
	f.PackageComment("contract.Set.UseCompiled. Only conformance checking needs it; users of the client")
	f.PackageComment("do not compile it.")
	specs := jen.ValuesFunc(func(g *jen.Group) {
		for _, s := range api.Specs {
			g.Line().Values(jen.Id("Source").Op(":").Lit(s.Path), jen.Id("Digest").Op(":").Lit(s.Digest))
		}
		g.Line()
	})
	check := func(name string) jen.Code { return jen.Qual(acsPkg, "CheckResponse").Index(model(api, name)) }
	// Operations are sorted by Go name and errors by key, so the literals are stable.
	responses := responseLiteral(api, check)
	walks := responseLiteral(api, walker)
	var bodies, bodyWalks []jen.Code
	for _, op := range api.Operations {
		if name := checkedRequestBody(api, op); name != "" {
			bodies = append(bodies, jen.Line().Lit(op.ID).Op(":").Add(check(name)))
			bodyWalks = append(bodyWalks, jen.Line().Lit(op.ID).Op(":").Add(walker(name)))
		}
	}
	f.Comment("CompiledSpec identifies the spec files this package was generated from (by the")
	f.Comment("SHA-256 of their bytes) and checks response and request bodies with the generated")
	f.Comment("walkers (check_gen.go), types and Validate methods. contract.Set.UseCompiled takes")
	f.Comment("it: recorded traffic is then checked by compiled code while the operation's spec")
	f.Comment("file is unchanged, by kin-openapi otherwise.")
	fields := []jen.Code{
		jen.Line().Id("Specs").Op(":").Index().Qual(acsPkg, "SpecDigest").Add(specs),
		jen.Line().Id("Responses").Op(":").Map(jen.String()).Qual(acsPkg, "ResponseChecks").Add(responses),
	}
	if len(bodies) > 0 {
		fields = append(fields, jen.Line().Id("RequestBodies").Op(":").Map(jen.String()).
			Qual(acsPkg, "BodyCheck").Values(append(bodies, jen.Line())...))
	}
	fields = append(fields, jen.Line().Id("Walks").Op(":").Map(jen.String()).Qual(acsPkg, "ResponseWalks").Add(walks))
	if len(bodyWalks) > 0 {
		fields = append(fields, jen.Line().Id("RequestWalks").Op(":").Map(jen.String()).
			Qual(acsPkg, "BodyWalk").Values(append(bodyWalks, jen.Line())...))
	}
	f.Var().Id("CompiledSpec").Op("=").Qual(acsPkg, "CompiledSpec").Values(append(fields, jen.Line())...)
	return true
}

// responseLiteral is the map literal, by operation ID and responses key, of
// what entry says of each checked response's model.
func responseLiteral(api *ir.API, entry func(model string) jen.Code) jen.Code {
	return jen.ValuesFunc(func(g *jen.Group) {
		for _, op := range api.Operations {
			var checks []jen.Code
			if op.ResponseStatus != "" {
				checks = append(checks, jen.Line().Lit(op.ResponseStatus).Op(":").Add(entry(op.Response)))
			}
			for _, st := range op.Errors {
				if st.Model != "" {
					checks = append(checks, jen.Line().Lit(st.Code).Op(":").Add(entry(st.Model)))
				}
			}
			if len(checks) > 0 {
				g.Line().Lit(op.ID).Op(":").Values(append(checks, jen.Line())...)
			}
		}
		g.Line()
	})
}

// walker is a model's walker (check_gen.go): a function, not a call, so that
// the literal costs the package's initialisation nothing.
func walker(model string) jen.Code { return jen.Id(walkName(model)) }
