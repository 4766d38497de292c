package load

import (
	"regexp"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// pathKeys rewrites path keys OpenAPI would not accept but whose meaning is
// clear, each with a warning at the key, before anything reads the paths:
//   - a path without its leading slash ("thing") is "/thing";
//   - a template expression with an RFC 6570 operator, {.param*} or {;id}, is
//     {param} when the parameter is declared with style label or matrix, and one
//     with only the explode modifier, {param*}, is {param} when the parameter is
//     declared: OpenAPI writes a variable's name alone and takes the prefix and
//     explode from the parameter's style and explode.
//
// The key is renamed in the Locator too, so positions found under the new key
// are those of the key written. A new key the spec already has is an error.
func pathKeys(doc *openapi3.T, loc *Locator) diag.List {
	var out diag.List
	if doc.Paths == nil {
		return nil
	}
	for _, key := range loc.Keys("paths") {
		item := doc.Paths.Value(key)
		if item == nil || strings.HasPrefix(key, "x-") {
			continue
		}
		newKey, why := key, []string{}
		if !strings.HasPrefix(newKey, "/") {
			newKey = "/" + newKey
			why = append(why, "it does not start with \"/\"")
		}
		newKey = templateOperator.ReplaceAllStringFunc(newKey, func(expr string) string {
			m := templateOperator.FindStringSubmatch(expr)
			operator, name, explode := m[1], m[2], m[3]
			style, declared := pathParamStyle(item, name)
			switch {
			case operator == "" && explode == "", !declared:
				return expr // kin-openapi reports an undeclared variable
			case operator != "" && style != openapi3.SerializationLabel && style != openapi3.SerializationMatrix:
				return expr
			case operator != "":
				why = append(why, expr+" uses an RFC 6570 operator, which OpenAPI leaves to the parameter's style ("+style+")")
			default:
				why = append(why, expr+" uses RFC 6570's explode modifier, which OpenAPI leaves to the parameter's explode")
			}
			return "{" + name + "}"
		})
		if newKey == key {
			continue
		}
		at := loc.Pos("paths", key)
		if doc.Paths.Value(newKey) != nil {
			out.Add(at, "paths."+key, "path %q would be read as %q, which the spec already has at %s", key, newKey, loc.Pos("paths", newKey))
			doc.Paths.Delete(key) // said here; kin-openapi would say it again, less precisely
			continue
		}
		out.Warn(at, "paths."+key, "path %q is read as %q: %s", key, newKey, strings.Join(why, "; "))
		doc.Paths.Delete(key)
		doc.Paths.Set(newKey, item)
		loc.renameKey([]string{"paths"}, key, newKey)
	}
	return out
}

// templateOperator matches a path template expression, with the label (.) or
// matrix (;) operator of RFC 6570 and its explode modifier (*) if written.
var templateOperator = regexp.MustCompile(`\{([.;]?)([^{}*.;]+)(\*?)\}`)

// pathParamStyle returns the style every declaration of path parameter name in
// item (its own and its operations') gives; declared is false when none declares
// it or they disagree.
func pathParamStyle(item *openapi3.PathItem, name string) (style string, declared bool) {
	found := false
	lists := []openapi3.Parameters{item.Parameters}
	for _, op := range item.Operations() {
		lists = append(lists, op.Parameters)
	}
	for _, list := range lists {
		for _, p := range list {
			if p == nil || p.Value == nil || p.Value.In != openapi3.ParameterInPath || p.Value.Name != name {
				continue
			}
			if found && p.Value.Style != style {
				return "", false
			}
			style, found = p.Value.Style, true
		}
	}
	return style, found
}

// renameKey renames key old of the mapping at path to new, where it is written.
// Only load calls it, before the Locator is handed out.
func (l *Locator) renameKey(path []string, old, new string) {
	n := deref(l.node(path...))
	if n == nil {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == old {
			n.Content[i].Value = new
			if keys, ok := l.index[n]; ok {
				delete(keys, old)
				keys[new] = i
			}
			return
		}
	}
}
