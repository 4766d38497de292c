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
type unknownFields struct {
	loc *Locator
	w   diag.List
}

func (u *unknownFields) info(doc *openapi3.T) {
	if info := doc.Info; info != nil {
		u.drop(info.Extensions, []string{"info"}, "info", "")
		if info.Contact != nil {
			u.drop(info.Contact.Extensions, []string{"info", "contact"}, "a contact", "")
		}
		if info.License != nil {
			u.drop(info.License.Extensions, []string{"info", "license"}, "a license", "")
		}
	}
}

func (u *unknownFields) mediaType(mt *openapi3.MediaType, path []string) {
	u.drop(mt.Extensions, path, "a media type", " (a schema keyword: the media type's schema goes under schema)")
}

func (u *unknownFields) schema(s *openapi3.Schema, path []string) {
	u.drop(s.Extensions, path, "a schema", ", as JSON Schema ignores keywords it does not know")
}

// drop removes and reports the keys of ext that are not extensions; a media
// type's hint is given for schema keywords only.
func (u *unknownFields) drop(ext map[string]any, path []string, what, hint string) {
	for _, key := range sortedKeys(ext) {
		if strings.HasPrefix(key, "x-") {
			continue
		}
		note := hint
		if _, keyword := schemaKeys[key]; what == "a media type" && !keyword && key != "type" && key != "format" {
			note = ""
		}
		at := append(slices.Clone(path), key)
		u.w.Warn(u.loc.Pos(at...), strings.Join(at, "."), "%s has no field %q in OpenAPI 3.0; it is ignored%s", what, key, note)
		delete(ext, key)
	}
}
