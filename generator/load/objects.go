package load

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
)

// objectShapes reports every OpenAPI object (response, parameter, header, ...)
// written as something other than a mapping. kin-openapi stops at the first such
// value, and says so without a position ("invalid response: value MUST be an
// object", "cannot unmarshal number into ... openapi3.Response"). A null media
// type, path item, operation or request body is left alone: each reads as empty
// (see emptyMediaTypes for the one kin-openapi leaves nil).
func (l *Locator) objectShapes() diag.List {
	w := &objectWalker{l: l}
	if paths := l.node("paths"); paths != nil && paths.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(paths.Content); i += 2 {
			w.pathItem(paths.Content[i+1], []string{"paths", paths.Content[i].Value})
		}
	}
	comps := l.node("components")
	if comps == nil {
		return w.out
	}
	sections := map[string]func(n *yaml.Node, path []string){
		"responses": w.response, "parameters": w.parameter, "headers": w.header,
		"requestBodies": w.requestBody, "examples": w.object("an example"),
		"links": w.object("a link"), "callbacks": w.object("a callback"),
		"securitySchemes": w.object("a security scheme"),
	}
	for _, section := range sortedKeys(sections) {
		w.entries(l.node("components", section), []string{"components", section}, sections[section])
	}
	return w.out
}

type objectWalker struct {
	l   *Locator
	out diag.List
}

var operationKeys = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

// mapping reports n unless it is a mapping (or, with nullOK, null) and says
// whether to look inside it.
func (w *objectWalker) mapping(n *yaml.Node, path []string, what string, nullOK bool) bool {
	n = deref(n)
	if n.Kind == yaml.MappingNode {
		return true
	}
	if isNull(n) && nullOK {
		return false
	}
	kind := kindName[n.Kind]
	if isNull(n) {
		kind = "null"
	}
	w.out.Add(w.l.Pos(path...), strings.Join(path, "."), "%s must be an object, not %s", what, kind)
	return false
}

// object returns a check that the entry is an object, looking no deeper.
func (w *objectWalker) object(what string) func(n *yaml.Node, path []string) {
	return func(n *yaml.Node, path []string) { w.mapping(n, path, what, false) }
}

// entries applies each to the values of the mapping n (when it is one).
func (w *objectWalker) entries(n *yaml.Node, path []string, each func(n *yaml.Node, path []string)) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		each(n.Content[i+1], append(slices.Clone(path), n.Content[i].Value))
	}
}

// field returns the value of key in the mapping n, or nil.
func field(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func (w *objectWalker) pathItem(n *yaml.Node, path []string) {
	if !w.mapping(n, path, "a path item", true) {
		return
	}
	w.parameters(field(n, "parameters"), append(slices.Clone(path), "parameters"))
	for _, method := range operationKeys {
		if op := field(n, method); op != nil {
			w.operation(op, append(slices.Clone(path), method))
		}
	}
}

func (w *objectWalker) operation(n *yaml.Node, path []string) {
	if !w.mapping(n, path, "an operation", true) {
		return
	}
	w.parameters(field(n, "parameters"), append(slices.Clone(path), "parameters"))
	if rb := field(n, "requestBody"); rb != nil {
		w.requestBody(rb, append(slices.Clone(path), "requestBody"))
	}
	w.entries(field(n, "responses"), append(slices.Clone(path), "responses"), w.response)
	w.entries(field(n, "callbacks"), append(slices.Clone(path), "callbacks"), w.object("a callback"))
}

// parameters checks the items of a parameters list; shapeChecks reports a
// parameters value that is not a list.
func (w *objectWalker) parameters(n *yaml.Node, path []string) {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	for i, item := range n.Content {
		w.parameter(item, append(slices.Clone(path), strconv.Itoa(i)))
	}
}

func (w *objectWalker) parameter(n *yaml.Node, path []string) {
	if w.mapping(n, path, "a parameter", false) {
		w.content(n, path)
		w.entries(field(n, "examples"), append(slices.Clone(path), "examples"), w.object("an example"))
	}
}

func (w *objectWalker) header(n *yaml.Node, path []string) {
	if w.mapping(n, path, "a header", false) {
		w.content(n, path)
		w.entries(field(n, "examples"), append(slices.Clone(path), "examples"), w.object("an example"))
	}
}

func (w *objectWalker) requestBody(n *yaml.Node, path []string) {
	if w.mapping(n, path, "a request body", true) {
		w.content(n, path)
	}
}

func (w *objectWalker) response(n *yaml.Node, path []string) {
	if !w.mapping(n, path, "a response", false) {
		return
	}
	w.entries(field(n, "headers"), append(slices.Clone(path), "headers"), w.header)
	w.entries(field(n, "links"), append(slices.Clone(path), "links"), w.object("a link"))
	w.content(n, path)
}

// content checks the media types under the content of n (null ones are empty).
func (w *objectWalker) content(n *yaml.Node, path []string) {
	w.entries(field(n, "content"), append(slices.Clone(path), "content"), func(mt *yaml.Node, path []string) {
		if !w.mapping(mt, path, "a media type", true) {
			return
		}
		w.entries(field(mt, "examples"), append(slices.Clone(path), "examples"), w.object("an example"))
		w.entries(field(mt, "encoding"), append(slices.Clone(path), "encoding"), func(enc *yaml.Node, path []string) {
			if w.mapping(enc, path, "an encoding", false) {
				w.entries(field(enc, "headers"), append(slices.Clone(path), "headers"), w.header)
			}
		})
	})
}
