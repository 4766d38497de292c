package load

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// undeclaredSchemes drops each security requirement (of the spec or of an
// operation) that names a scheme components.securitySchemes does not declare,
// with a warning at the name. Nothing generated reads security requirements:
// generated clients sign requests, or leave authentication to the caller's
// http.Client, whatever the spec lists; so the one that names nothing known is
// simply not kept for the tools that do read them (contract, mock).
func undeclaredSchemes(doc *openapi3.T, loc *Locator) diag.List {
	var w diag.List
	var schemes openapi3.SecuritySchemes
	if doc.Components != nil {
		schemes = doc.Components.SecuritySchemes
	}
	keep := func(reqs openapi3.SecurityRequirements, at []string) openapi3.SecurityRequirements {
		var out openapi3.SecurityRequirements
		for i, req := range reqs {
			undeclared := false
			for _, name := range sortedKeys(req) {
				if _, ok := schemes[name]; ok {
					continue
				}
				path := append(slices.Clone(at), itoa(i), name)
				w.Warn(loc.Pos(path...), strings.Join(path, "."), "security requirement names scheme %q, which components.securitySchemes does not declare; the requirement is ignored", name)
				undeclared = true
			}
			if !undeclared {
				out = append(out, req)
			}
		}
		return out
	}
	if len(doc.Security) > 0 {
		doc.Security = keep(doc.Security, []string{"security"})
	}
	if doc.Paths == nil {
		return w
	}
	for _, key := range sortedKeys(doc.Paths.Map()) {
		item := doc.Paths.Value(key)
		if item == nil {
			continue
		}
		ops := item.Operations()
		for _, method := range sortedKeys(ops) {
			if op := ops[method]; op.Security != nil && len(*op.Security) > 0 {
				kept := keep(*op.Security, []string{"paths", key, strings.ToLower(method), "security"})
				op.Security = &kept
			}
		}
	}
	return w
}
