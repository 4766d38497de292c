package load

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// schemaLeniencies reads schemas that are slightly off the way their author
// evidently meant them, each with a warning at the problem:
//   - properties written as null (`properties:` with nothing under it) are none,
//     as YAML writes an empty mapping.
func schemaLeniencies(doc *openapi3.T, loc *Locator) diag.List {
	var w diag.List
	walker := specWalker{schema: func(s *openapi3.Schema, path []string) {
		if n := loc.node(append(slices.Clone(path), "properties")...); n != nil && isNull(deref(n)) {
			at := append(slices.Clone(path), "properties")
			w.Warn(loc.Pos(at...), strings.Join(at, "."), "properties is null, not an object; the schema has no properties")
		}
	}}
	walker.walk(doc)
	return w
}
