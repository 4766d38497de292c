package emit

import (
	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// genCompiledFile emits CompiledSpec: the spec's digest and, per operation with a
// JSON success body, the check contract runs instead of kin-openapi while the spec
// is unchanged.
//
//	var CompiledSpec = acs.CompiledSpec{
//		Source: "spec/apig-2024-03-27.yaml",
//		Digest: "…",
//		Responses: map[string]acs.CompiledResponse{
//			"GetPluginAttachment": {Status: "200", Check: acs.CheckResponse[GetPluginAttachmentResponse]},
//		},
//	}
func genCompiledFile(f *jen.File, api *ir.API) bool {
	if api.Digest == "" {
		return false
	}
	// Operations are sorted by Go name, so the map literal's order is stable.
	responses := jen.ValuesFunc(func(g *jen.Group) {
		for _, op := range api.Operations {
			if op.ResponseStatus == "" {
				continue
			}
			g.Line().Lit(op.ID).Op(":").Values(
				jen.Id("Status").Op(":").Lit(op.ResponseStatus),
				jen.Id("Check").Op(":").Qual(acsPkg, "CheckResponse").Index(jen.Id(op.Response)),
			)
		}
		g.Line()
	})
	f.Comment("CompiledSpec identifies the spec this package was generated from (by the SHA-256")
	f.Comment("of its bytes) and checks each operation's success response with the generated")
	f.Comment("types and Validate methods. contract.Set.UseCompiled takes it: recorded traffic is")
	f.Comment("then checked by compiled code while the spec is unchanged, by kin-openapi otherwise.")
	f.Var().Id("CompiledSpec").Op("=").Qual(acsPkg, "CompiledSpec").Values(
		jen.Line().Id("Source").Op(":").Lit(api.Source),
		jen.Line().Id("Digest").Op(":").Lit(api.Digest),
		jen.Line().Id("Responses").Op(":").Map(jen.String()).Qual(acsPkg, "CompiledResponse").Add(responses),
		jen.Line(),
	)
	return true
}
