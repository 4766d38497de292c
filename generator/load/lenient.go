package load

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
)

// leniencies lets through kin-openapi's validation what OpenAPI requires but
// nothing acsgen generates depends on, each with a warning at its place: specs in
// the wild leave these out, and refusing them would give their users nothing.
//   - info, its title and version: the client and docs are named after the package;
//   - paths: a file of components only yields their types;
//   - a response's description: the generated comment says what the status is;
//   - required: true on a path parameter: a path parameter is always sent;
//   - a declaration of a path template's variable: it is a required string;
//   - a parameter's schema: the parameter is a string;
//   - an operation's responses: it answers anything (default) without a body.
//
// Then it reads what is slightly off but clear, likewise a warning each (or an
// error where the reading finds no meaning): path keys (pathKeys), operationIds a
// path item $ref repeats (aliasedOperationIDs), allOf parts that include their
// own schema (dropSelfInclusions), keys OpenAPI does not define (unknownFields),
// schemas (schemaFixes), security requirements naming no declared scheme
// (undeclaredSchemes) and empty server variable defaults (emptyDefaults).
//
// It fills in stand-ins for kin-openapi; restore takes out those of info and of
// server variables again, and is nil when there are none.
func leniencies(doc *openapi3.T, loc *Locator) (w diag.List, restore func()) {
	restore = func() {}
	temporary := false
	switch {
	case doc.Info == nil && loc.node("info") == nil:
		w.Warn(loc.Pos(), "info", "the spec has no info, which OpenAPI requires; the generated client and docs are named after the package")
		doc.Info = &openapi3.Info{Title: "untitled", Version: "untitled"}
		restore, temporary = func() { doc.Info = nil }, true
	case doc.Info != nil:
		title, version := strings.TrimSpace(doc.Info.Title) == "", strings.TrimSpace(doc.Info.Version) == ""
		if title {
			w.Warn(loc.Pos("info", "title"), "info.title", "info has no title, which OpenAPI requires; the generated client and docs are named after the package")
			doc.Info.Title = "untitled"
		}
		if version {
			w.Warn(loc.Pos("info", "version"), "info.version", "info has no version, which OpenAPI requires")
			doc.Info.Version = "untitled"
		}
		temporary = title || version
		restore = func() {
			if title {
				doc.Info.Title = ""
			}
			if version {
				doc.Info.Version = ""
			}
		}
	}
	if doc.Paths == nil && loc.node("paths") == nil {
		w.Warn(loc.Pos(), "paths", "the spec has no paths, which OpenAPI requires; only the types of its components are generated")
		doc.Paths = openapi3.NewPaths()
	}
	w = append(w, pathKeys(doc, loc)...)
	w = append(w, aliasedOperationIDs(doc, loc)...)
	w = append(w, dropSelfInclusions(doc, loc)...)
	// Schemas are read before the parameters below: an array given any items
	// here is then a parameter's array like any other.
	fields, schemas := unknownFields{loc: loc}, schemaFixes{loc: loc}
	fields.info(doc)
	walker := specWalker{mediaType: fields.mediaType, schema: func(s *openapi3.Schema, path []string) {
		fields.schema(s, path)
		schemas.schema(s, path)
	}}
	walker.walk(doc)
	w = append(append(w, fields.w...), schemas.w...)
	l := lenient{loc: loc, seen: map[any]bool{}}
	for _, key := range sortedKeys(doc.Paths.Map()) {
		item := doc.Paths.Value(key)
		if item == nil {
			continue
		}
		l.params(item.Parameters, []string{"paths", key, "parameters"})
		for _, method := range sortedKeys(item.Operations()) {
			op := item.Operations()[method]
			at := []string{"paths", key, strings.ToLower(method)}
			l.params(op.Parameters, append(at, "parameters"))
			l.undeclared(key, item, op, at)
			if op.Responses == nil && loc.node(append(at, "responses")...) == nil {
				l.w.Warn(loc.Pos(at...), strings.Join(at, "."), "the operation has no responses, which OpenAPI requires; any answer is taken as its default response, without a body")
				op.Responses = openapi3.NewResponses(openapi3.WithName("default", &openapi3.Response{Description: new(string)}))
			}
			if op.Responses != nil {
				for _, code := range sortedKeys(op.Responses.Map()) {
					l.response(op.Responses.Value(code), append(at, "responses", code))
				}
			}
		}
	}
	if c := doc.Components; c != nil {
		for _, name := range sortedKeys(c.Responses) {
			l.response(c.Responses[name], []string{"components", "responses", name})
		}
		for _, name := range sortedKeys(c.Parameters) {
			l.param(c.Parameters[name], []string{"components", "parameters", name})
		}
	}
	w = append(w, l.w...)
	w = append(w, undeclaredSchemes(doc, loc)...)
	servers, restoreServers := emptyDefaults(doc, loc)
	if !temporary && len(servers) == 0 {
		return w, nil
	}
	restoreInfo := restore
	return append(w, servers...), func() { restoreInfo(); restoreServers() }
}

type lenient struct {
	loc  *Locator
	w    diag.List
	seen map[any]bool // objects reached through several $refs are fixed once
}

func (l *lenient) params(ps openapi3.Parameters, at []string) {
	for i, p := range ps {
		l.param(p, append(at[:len(at):len(at)], itoa(i)))
	}
}

func (l *lenient) param(p *openapi3.ParameterRef, at []string) {
	if p == nil || p.Ref != "" || p.Value == nil || l.seen[p.Value] {
		return // a $ref is fixed where it points
	}
	l.seen[p.Value] = true
	if p.Value.Schema == nil && len(p.Value.Content) == 0 && l.loc.node(append(at, "content")...) == nil {
		l.w.Warn(l.loc.Pos(at...), strings.Join(at, "."), "parameter %q has no schema, which OpenAPI requires; it is a string", p.Value.Name)
		p.Value.Schema = openapi3.NewStringSchema().NewRef()
	}
	if sr := p.Value.Schema; sr != nil && sr.Ref == "" && sr.Value != nil && untyped(sr.Value) {
		// Any value is allowed, and a parameter's value is text on the wire: a
		// string, which kin-openapi then reads as it read the untyped value.
		sr.Value.Type = &openapi3.Types{openapi3.TypeString}
	}
	if sr := p.Value.Schema; sr != nil && sr.Ref == "" && sr.Value != nil && sr.Value.Type.Is("array") {
		// So are the items of an array whose items are any value ({}).
		if it := sr.Value.Items; it != nil && it.Ref == "" && it.Value != nil && untyped(it.Value) {
			it.Value.Type = &openapi3.Types{openapi3.TypeString}
		}
	}
	if p.Value.In == openapi3.ParameterInPath && !p.Value.Required {
		l.w.Warn(l.loc.Pos(at...), strings.Join(at, "."), "path parameter %q is not marked required, which OpenAPI requires of path parameters; it is required", p.Value.Name)
		p.Value.Required = true
	}
}

func (l *lenient) response(r *openapi3.ResponseRef, at []string) {
	if r == nil || r.Ref != "" || r.Value == nil || l.seen[r.Value] {
		return
	}
	l.seen[r.Value] = true
	if r.Value.Description == nil {
		l.w.Warn(l.loc.Pos(at...), strings.Join(at, "."), "the response has no description, which OpenAPI requires")
		r.Value.Description = new(string)
	}
}

// undeclared declares the variables of path template key that neither op nor its
// path item declares: a required string each, with a warning at the operation.
func (l *lenient) undeclared(key string, item *openapi3.PathItem, op *openapi3.Operation, at []string) {
	declared := map[string]bool{}
	for _, list := range []openapi3.Parameters{item.Parameters, op.Parameters} {
		for _, p := range list {
			if p != nil && p.Value != nil && p.Value.In == openapi3.ParameterInPath {
				declared[p.Value.Name] = true
			}
		}
	}
	for rest := key; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return // kin-openapi reports the template
		}
		name := rest[i+1 : i+j]
		rest = rest[i+j+1:]
		if name == "" || declared[name] {
			continue
		}
		declared[name] = true
		l.w.Warn(l.loc.Pos(at...), strings.Join(at, "."), "path parameter %q of %s is not declared, which OpenAPI requires; it is a required string", name, key)
		op.Parameters = append(op.Parameters, &openapi3.ParameterRef{Value: &openapi3.Parameter{
			Name: name, In: openapi3.ParameterInPath, Required: true, Schema: openapi3.NewStringSchema().NewRef()}})
	}
}

// untyped reports whether s says nothing of a value's type or shape.
func untyped(s *openapi3.Schema) bool {
	return s.Type == nil && len(s.Properties)+len(s.AllOf)+len(s.OneOf)+len(s.AnyOf)+len(s.Enum) == 0 &&
		s.Items == nil && s.Not == nil && s.AdditionalProperties.Schema == nil && s.AdditionalProperties.Has == nil
}
