package load

import (
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// unknownFields drops the keys OpenAPI does not define (and that are no x-
// extension) from the objects whose stray keys change nothing generated: info,
// its contact and license (documentation only), media types (a stray `type:`
// beside the schema it belongs in) and schemas (JSON Schema ignores keywords it
// does not know, and so does kin-openapi's validation of a value). Each is a
// warning at the key. A stray key anywhere else (a media type written straight
// under a response, without content) is still kin-openapi's error: there the key
// holds what the spec means to say.
func unknownFields(doc *openapi3.T, loc *Locator) diag.List {
	var w diag.List
	drop := func(ext map[string]any, path []string, what string, hint func(key string) string) {
		for _, key := range sortedKeys(ext) {
			if strings.HasPrefix(key, "x-") {
				continue
			}
			at := append(slices.Clone(path), key)
			w.Warn(loc.Pos(at...), strings.Join(at, "."), "%s has no field %q in OpenAPI 3.0; it is ignored%s", what, key, hint(key))
			delete(ext, key)
		}
	}
	none := func(string) string { return "" }
	if info := doc.Info; info != nil {
		drop(info.Extensions, []string{"info"}, "info", none)
		if info.Contact != nil {
			drop(info.Contact.Extensions, []string{"info", "contact"}, "a contact", none)
		}
		if info.License != nil {
			drop(info.License.Extensions, []string{"info", "license"}, "a license", none)
		}
	}
	walker := specWalker{
		mediaType: func(mt *openapi3.MediaType, path []string) {
			drop(mt.Extensions, path, "a media type", func(key string) string {
				if _, ok := schemaKeys[key]; ok || key == "type" || key == "format" {
					return " (a schema keyword: the media type's schema goes under schema)"
				}
				return ""
			})
		},
		schema: func(s *openapi3.Schema, path []string) {
			drop(s.Extensions, path, "a schema", func(string) string { return ", as JSON Schema ignores keywords it does not know" })
		},
	}
	walker.walk(doc)
	return w
}
