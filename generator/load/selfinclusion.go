package load

import (
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// dropSelfInclusions replaces each allOf part that includes its own component
// (selfInclusions) with an empty schema, which adds nothing either and keeps the
// other parts where the file writes them; a warning at each $ref says so.
func dropSelfInclusions(doc *openapi3.T, loc *Locator) diag.List {
	if doc.Components == nil {
		return nil
	}
	var w diag.List
	found := selfInclusions(loc.schemaRefGraph())
	for _, name := range sortedNames(found) {
		for _, e := range found[name] {
			ref := doc.Components.Schemas[name]
			part := allOfPart(ref, e.part)
			if part == nil {
				continue
			}
			through := ""
			if e.to != name {
				through = " (through " + e.to + ", which is only a $ref)"
			}
			w.Warn(e.pos, "components.schemas."+name+"."+strings.Join(e.part, "."),
				"allOf part includes %s in itself%s, which adds nothing to it; the part is dropped", name, through)
			*part = openapi3.SchemaRef{Value: &openapi3.Schema{}}
		}
	}
	return w
}

// allOfPart follows a path of allOf indexes ("allOf", "1", "allOf", "0") from
// ref to the part it names, or nil.
func allOfPart(ref *openapi3.SchemaRef, path []string) *openapi3.SchemaRef {
	for i := 0; i+1 < len(path); i += 2 {
		if ref == nil || ref.Value == nil || path[i] != "allOf" {
			return nil
		}
		n, err := strconv.Atoi(path[i+1])
		if err != nil || n >= len(ref.Value.AllOf) {
			return nil
		}
		ref = ref.Value.AllOf[n]
	}
	return ref
}
