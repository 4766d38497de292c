package emit

import (
	"cmp"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/acsgen/acsgen/generator/ir"
)

// genClientFile emits the package doc, the service description, Client and NewClient.
func genClientFile(f *jen.File, api *ir.API) bool {
	pkgDoc := "Package " + api.Package + " is a client of " + title(api) + "."
	if api.Doc != "" {
		pkgDoc += "\n\n" + api.Doc
	}
	for _, line := range commentLines(strings.TrimRight(pkgDoc, "\n")) {
		f.PackageComment(line)
	}
	f.Comment("service describes the API to the acs runtime: wire style, version and endpoints.")
	f.Var().Id("service").Op("=").Qual(acsPkg, "Service").Values(jen.DictFunc(func(d jen.Dict) {
		d[jen.Id("Product")] = jen.Lit(api.Product)
		d[jen.Id("Version")] = jen.Lit(api.Version)
		d[jen.Id("Style")] = jen.Qual(acsPkg, "Style"+string(api.Style))
		d[jen.Id("Endpoint")] = jen.Lit(api.Endpoint)
		d[jen.Id("DefaultRegion")] = jen.Lit(api.DefaultRegion)
		if !api.Signed {
			d[jen.Id("Unsigned")] = jen.True()
		}
		if len(api.Regions) > 0 {
			d[jen.Id("Regions")] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, r := range api.Regions {
					g.Line().Lit(r)
				}
				g.Line()
			})
		}
		if len(api.RegionHosts) > 0 {
			d[jen.Id("RegionHosts")] = jen.Map(jen.String()).String().Values(jen.DictFunc(func(d jen.Dict) {
				for region, host := range api.RegionHosts {
					d[jen.Lit(region)] = jen.Lit(host)
				}
			}))
		}
	}))
	f.Line()
	f.Add(comment("Client calls " + title(api) + ". It is safe for concurrent use."))
	f.Type().Id("Client").Struct(jen.Id("core").Op("*").Qual(acsPkg, "Client"))
	f.Line()
	f.Comment("NewClient returns a client configured by opts, for example acs.WithRegion or")
	f.Comment("acs.WithEndpoint.")
	f.Func().Id("NewClient").Params(jen.Id("opts").Op("...").Qual(acsPkg, "Option")).Params(jen.Op("*").Id("Client"), jen.Error()).Block(
		jen.List(jen.Id("core"), jen.Err()).Op(":=").Qual(acsPkg, "NewClient").Call(jen.Id("service"), jen.Id("opts").Op("...")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{jen.Id("core"): jen.Id("core")}), jen.Nil()),
	)
	f.Line()
	f.Comment("Endpoint is the base URL requests go to: the region's host, or the")
	f.Comment("acs.WithEndpoint override.")
	f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id("Endpoint").Params().String().Block(
		jen.Return(jen.Id("c").Dot("core").Dot("Endpoint").Call()),
	)
	f.Line()
	f.Comment("Format prints the client as the service and endpoint it calls, whatever the")
	f.Comment("verb; never the credentials or transport it holds.")
	f.Func().Params(jen.Id("c").Id("Client")).Id("Format").Params(jen.Id("f").Qual(fmtPkg, "State"), jen.Id("_").Rune()).Block(
		jen.Qual(acsPkg, "FormatClient").Call(jen.Id("f"), jen.Lit(api.Package+".Client"), jen.Id("c").Dot("core")),
	)
	return true
}

func title(api *ir.API) string {
	name := cmp.Or(api.Product, api.Title, api.Package)
	if api.Version != "" {
		name += " " + api.Version
	}
	return name
}
