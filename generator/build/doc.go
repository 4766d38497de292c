package build

import (
	"encoding/json"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
)

// sentence makes a Go doc comment that starts with name, as Go convention asks:
// "Queries a plug-in attachment." → "GetPluginAttachment queries a plug-in attachment.",
// "The resource information." → "ResourceInfo is the resource information."
func sentence(name, text, fallback string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return name + " " + fallback
	}
	first, rest, _ := strings.Cut(text, " ")
	switch strings.ToLower(first) {
	case "a", "an", "the":
		return name + " is " + lowerFirst(text)
	}
	if strings.HasSuffix(first, "s") && isCapitalised(first) && rest != "" {
		return name + " " + lowerFirst(text) // a verb: "Binds a plug-in…"
	}
	return name + ": " + text
}

func isCapitalised(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, r := range rs[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func lowerFirst(s string) string {
	rs := []rune(s)
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}

func typeDoc(goName string, s *openapi3.Schema, fallback string) string {
	doc := sentence(goName, firstNonEmpty(s.Description, s.Title), fallback)
	return withDeprecated(doc, s.Deprecated)
}

// fieldDoc is a property's description plus its documented example.
func fieldDoc(s *openapi3.Schema) string {
	doc := strings.TrimSpace(s.Description)
	if ex := exampleText(s.Example); ex != "" {
		if doc != "" {
			doc += "\n\n"
		}
		doc += "Example: " + ex
	}
	return withDeprecated(doc, s.Deprecated)
}

func exampleText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if x == "" || strings.ContainsAny(x, "\n") || len(x) > 120 {
			return ""
		}
		return x
	case map[string]any, []any:
		return ""
	}
	out, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(out)
}

func withDeprecated(doc string, deprecated bool) string {
	if !deprecated {
		return doc
	}
	if doc != "" {
		doc += "\n\n"
	}
	return doc + "Deprecated: the spec marks this deprecated."
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
