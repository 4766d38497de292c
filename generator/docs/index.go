package docs

import (
	"fmt"
	"strings"

	"github.com/acsgen/acsgen/generator/ir"
)

// productIndex is docs/<package>/README.md: the API, its operations and its
// endpoints per region.
func productIndex(p Product) []byte {
	a := p.API
	var b md
	b.linef("# %s %s", a.Product, a.Version)
	b.line("")
	if a.Title != "" {
		b.para("**" + a.Title + "**")
	}
	if s := p.Specs[a.Specs[0].Path]; s != nil && s.Doc.Info != nil {
		b.para(s.Doc.Info.Description)
	}
	b.linef("Style %s · Go package `%s` · spec %s", a.Style, goPackage(a), specList(a))
	b.line("")
	b.line("## Operations")
	b.line("")
	b.line("| Operation | Request | Summary |")
	b.line("|---|---|---|")
	for _, op := range a.Operations {
		req := fmt.Sprintf("`%s %s`", op.Method, op.Path)
		if a.Style == ir.RPC {
			req = fmt.Sprintf("`%s %s` action `%s`", op.Method, op.Path, op.Action)
		}
		b.linef("| [%s](%s.md) | %s | %s |", op.ID, op.ID, req, cell(op.Summary))
	}
	b.line("")
	b.line("## Endpoints")
	b.line("")
	b.linef("`%s`; without a region the client uses `%s`.", a.Endpoint, a.DefaultRegion)
	b.line("")
	if len(a.Regions) > 0 {
		b.line("| Region | Host |")
		b.line("|---|---|")
		for _, r := range a.Regions {
			b.linef("| `%s` | `%s` |", r, regionHost(a, r))
		}
	}
	return b.bytes()
}

// specList names the spec files of a package as Markdown code spans: "`a.yaml`, `b.yaml`".
func specList(a *ir.API) string {
	quoted := make([]string, len(a.Specs))
	for i, s := range a.Specs {
		quoted[i] = "`" + s.Path + "`"
	}
	return strings.Join(quoted, ", ")
}
