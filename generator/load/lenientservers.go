package load

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// emptyDefaults finds the server variables whose default is written as the empty
// string, which kin-openapi takes for a missing default. The variable is then
// left out of the URL, as OpenAPI says; the warning says so at the default. A
// default not written at all is still an error. For kin-openapi's validation
// each gets a stand-in default, which restore takes out again.
func emptyDefaults(doc *openapi3.T, loc *Locator) (w diag.List, restore func()) {
	var fixed []*openapi3.ServerVariable
	check := func(servers openapi3.Servers, at []string) {
		for i, srv := range servers {
			if srv == nil {
				continue
			}
			for _, name := range sortedKeys(srv.Variables) {
				v := srv.Variables[name]
				path := append(slices.Clone(at), itoa(i), "variables", name, "default")
				n := loc.node(path...)
				if v == nil || v.Default != "" || n == nil || n.ShortTag() != "!!str" || n.Value != "" || slices.Contains(fixed, v) {
					continue
				}
				w.Warn(loc.Pos(path...), strings.Join(path, "."), "server variable %q defaults to the empty string; the server URL leaves it out", name)
				v.Default = "-" // any non-empty value satisfies kin-openapi
				fixed = append(fixed, v)
			}
		}
	}
	check(doc.Servers, []string{"servers"})
	if doc.Paths != nil {
		for _, key := range sortedKeys(doc.Paths.Map()) {
			item := doc.Paths.Value(key)
			if item == nil {
				continue
			}
			check(item.Servers, []string{"paths", key, "servers"})
			ops := item.Operations()
			for _, method := range sortedKeys(ops) {
				if servers := ops[method].Servers; servers != nil {
					check(*servers, []string{"paths", key, strings.ToLower(method), "servers"})
				}
			}
		}
	}
	return w, func() {
		for _, v := range fixed {
			v.Default = ""
		}
	}
}
