package load

import (
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// aliasedOperationIDs numbers the operationIds a path item $ref repeats: a path
// written as `$ref: '#/paths/~1test'` serves the operations of that path under a
// second one, operationIds included, which OpenAPI requires to be unique. Each
// operation of the later path (in the order the file writes them) gets its own
// copy, with the first free id of `getTest2`, `getTest3`... and a warning at the
// path. Two operations written out with one operationId are still an error.
func aliasedOperationIDs(doc *openapi3.T, loc *Locator) diag.List {
	if doc.Paths == nil {
		return nil
	}
	var w diag.List
	used := map[string]bool{}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			used[op.OperationID] = true
		}
	}
	seen := map[string]bool{}
	for _, key := range loc.Keys("paths") {
		item := doc.Paths.Value(key)
		if item == nil {
			continue
		}
		ref := loc.node("paths", key, "$ref")
		var copied *openapi3.PathItem
		ops := item.Operations()
		for _, method := range sortedKeys(ops) {
			op := ops[method]
			id := op.OperationID
			if id == "" || !seen[id] || ref == nil || !strings.HasPrefix(ref.Value, "#/paths/") {
				seen[id] = true
				continue
			}
			if copied == nil {
				c := *item
				copied = &c
				doc.Paths.Set(key, copied)
			}
			renamed := id
			for n := 2; used[renamed]; n++ {
				renamed = id + strconv.Itoa(n)
			}
			used[renamed], seen[renamed] = true, true
			c := *op
			c.OperationID = renamed
			copied.SetOperation(method, &c)
			w.Warn(loc.Pos("paths", key), "paths."+key, "path %s is a $ref to %s, so its %s repeats operationId %q; it is %q here",
				key, refPath(ref.Value), method, id, renamed)
		}
	}
	return w
}

// refPath is the path key a "#/paths/..." $ref names.
func refPath(ref string) string {
	return pointerPath(strings.TrimPrefix(ref, "#/paths/"))[0]
}
