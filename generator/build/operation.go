package build

import (
	"fmt"
	"mime"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/names"
)

var methodOrder = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"}

func (b *builder) buildOperations() {
	if b.doc.Paths == nil {
		return
	}
	methods := map[string][]string{} // Go method name → path of its first owner
	for _, key := range sortedKeys(b.doc.Paths.Map()) {
		item := b.doc.Paths.Value(key)
		for _, method := range methodOrder {
			op := item.GetOperation(method)
			if op == nil {
				continue
			}
			path := []string{"paths", key, strings.ToLower(method)}
			if o := b.operation(key, method, item, op, path, methods); o != nil {
				b.api.Operations = append(b.api.Operations, o)
			}
		}
	}
}

func (b *builder) operation(key, method string, item *openapi3.PathItem, op *openapi3.Operation, path []string, methods map[string][]string) *ir.Operation {
	n, ok := b.operationName(key, method, op, path)
	if !ok {
		return nil
	}
	goName := n.goName
	if slices.Contains(reservedMethods, goName) {
		b.errorf(path, "%s maps to method %s, which the generated Client declares itself; rename it with x-go-name", n.what, goName)
		return nil
	}
	if prev, dup := methods[goName]; dup {
		b.errorf(path, "%s maps to method %s, as does the operation at %s; rename one with x-go-name", n.what, goName, b.loc.Pos(prev...))
		return nil
	}
	methods[goName] = path
	if prev, ok := b.methods.check(goName, n.what, b.loc.Pos(path...)); ok {
		b.errorf(path, "%s maps to method %s, which reads like method %s, %s: %s; rename one with x-go-name",
			n.what, goName, prev.goName, prev.owner(), lookalikeNote(prev.goName, goName))
	}
	wire, _, _ := strings.Cut(key, "#") // "/#Action=AttachPlugin" is "/" on the wire
	if b.api.Style == ir.RPC && wire != "/" {
		b.errorf(path[:2], "RPC operations are sent to \"/\"; write the path key as \"/#Action=%s\"", n.action)
	}
	o := &ir.Operation{
		ID: n.id, GoName: goName, Method: method, Path: wire, PathKey: key,
		Action:     n.action,
		Summary:    strings.TrimSpace(op.Summary),
		Deprecated: op.Deprecated,
		Request:    b.madeName(goName+"Request", "the request type of "+n.what, path),
		Response:   goName + "Response", // named in successType, which knows the body
		Pos:        b.loc.Pos(path...),
	}
	o.Doc = withDeprecated(sentence(goName, firstNonEmpty(op.Description, op.Summary), "calls "+o.Action+"."), op.Deprecated)
	b.declareMadeFrom(o.Request, o.ID+" request", path)
	b.params(o, item, op, path)
	b.requestBody(o, op, path)
	o.Example = b.example(o)
	b.responses(o, op, path)
	return o
}

func (b *builder) params(o *ir.Operation, item *openapi3.PathItem, op *openapi3.Operation, path []string) {
	type located struct {
		ref  *openapi3.ParameterRef
		path []string
	}
	var all []located
	for i, p := range item.Parameters {
		all = append(all, located{p, []string{path[0], path[1], "parameters", strconv.Itoa(i)}})
	}
	for i, p := range op.Parameters {
		lp := append(slices.Clone(path), "parameters", strconv.Itoa(i))
		if p.Value != nil {
			all = slices.DeleteFunc(all, func(q located) bool { // an operation parameter overrides the path's
				return q.ref.Value != nil && q.ref.Value.Name == p.Value.Name && q.ref.Value.In == p.Value.In
			})
		}
		all = append(all, located{p, lp})
	}
	seen := map[string]string{}
	declared := map[string]bool{}
	for _, lp := range all {
		p := lp.ref.Value
		if p == nil {
			continue
		}
		if p.In == openapi3.ParameterInPath {
			declared[p.Name] = true
		}
		ppath := lp.path
		if name, ok := strings.CutPrefix(lp.ref.Ref, "#/components/parameters/"); ok {
			ppath = []string{"components", "parameters", name}
		}
		b.addParam(o, b.param(o, p, ppath), ppath, seen)
	}
	b.pathParts(o, path, declared)
}

// addParam appends param (nil when it was refused) to o's parameters unless its
// field clashes with the generated method or with the field of an earlier
// parameter or form field (seen maps field names to wire names and kinds).
func (b *builder) addParam(o *ir.Operation, param *ir.Param, ppath []string, seen map[string]string) {
	if param == nil {
		return
	}
	kind := paramKind(param)
	if param.GoName == validateMethod {
		b.errorf(ppath, "%s %q maps to field %s, which clashes with the generated method; rename it with x-go-name", kind, param.Name, param.GoName)
		return
	}
	if other, dup := seen[param.GoName]; dup {
		if param.GoName != mappedName(param.Name) { // an x-go-name: the spec chose it
			b.errorf(ppath, "%s %q maps to field %s, as does %s; rename one with x-go-name", kind, param.Name, param.GoName, other)
			return
		}
		// One name in two places (a path and a query parameter "id"), or two
		// that map alike: the later field is numbered, as for properties.
		taken := param.GoName
		for n := 2; seen[param.GoName] != "" || param.GoName == validateMethod; n++ {
			param.GoName = taken + strconv.Itoa(n)
		}
		b.warnf(ppath, "%s %q maps to field %s, as does %s; it is %s (rename it with x-go-name)", kind, param.Name, taken, other, param.GoName)
	}
	if names.Confusable(validateMethod, param.GoName) {
		b.errorf(ppath, "%s %q maps to field %s, which reads like the generated method %s: %s; rename it with x-go-name",
			kind, param.Name, param.GoName, validateMethod, lookalikeNote(validateMethod, param.GoName))
		return
	}
	for _, q := range o.Params { // few per operation: no index needed
		if names.Confusable(q.GoName, param.GoName) {
			b.errorf(ppath, "%s %q maps to field %s, which reads like field %s of %s %q at %s: %s; rename one with x-go-name",
				kind, param.Name, param.GoName, q.GoName, paramKind(q), q.Name, q.Pos, lookalikeNote(q.GoName, param.GoName))
			return
		}
	}
	seen[param.GoName] = fmt.Sprintf("%s %q", kind, param.Name)
	if !validJSONKey(param.Name) {
		param.Untagged = "a struct tag cannot hold its name"
	} else if i := slices.IndexFunc(o.Params, func(q *ir.Param) bool { return q.Name == param.Name }); i >= 0 {
		// Two members of one name would make encoding/json drop both (and go vet
		// refuse the struct): the first parameter keeps it.
		param.Untagged = fmt.Sprintf("%s %s is %q there", paramKind(o.Params[i]), o.Params[i].GoName, param.Name)
	}
	o.Params = append(o.Params, param)
	b.flattenClash(o, param, ppath)
	b.memberClash(o, param, ppath)
}

// paramKind is what messages call p: a parameter or a form field.
func paramKind(p *ir.Param) string {
	if p.In == ir.InForm || p.In == ir.InMultipart {
		return "form field"
	}
	return "parameter"
}

func (b *builder) param(o *ir.Operation, p *openapi3.Parameter, path []string) *ir.Param {
	goName := b.goName(p.Extensions, p.Name, path)
	if goName == "" {
		return nil
	}
	return b.namedParam(o, p, goName, path)
}

// namedParam builds parameter p, whose field is named goName.
func (b *builder) namedParam(o *ir.Operation, p *openapi3.Parameter, goName string, path []string) *ir.Param {
	in := ir.ParamIn(p.In)
	if in != ir.InPath && in != ir.InQuery && in != ir.InHeader && in != ir.InCookie && in != ir.InForm && in != ir.InMultipart {
		b.errorf(path, "%s parameters are not supported", p.In)
		return nil
	}
	if in == ir.InCookie && !b.cookieParam(p, path) {
		return nil
	}
	if p.Schema == nil && p.Content == nil {
		b.errorf(path, "parameter %q has neither schema nor content", p.Name)
		return nil
	}
	param := &ir.Param{
		Name: p.Name, GoName: goName, In: in, Required: p.Required || in == ir.InPath, AllowEmpty: p.AllowEmptyValue,
		Explode: explodes(p, in), Doc: strings.TrimSpace(p.Description),
		Deprecated: p.Deprecated, Pos: b.loc.Pos(path...),
	}
	spath := schemaPath(param, path)
	if p.Schema == nil {
		q, at, handled := b.textContent(p, path)
		switch {
		case !handled:
			return b.contentParam(o, p, param, path)
		case q == nil:
			return nil
		}
		p, spath = q, at
	}
	if p.Schema.Value != nil {
		param.Doc = firstNonEmpty(param.Doc, p.Schema.Value.Description)
		if ex := exampleText(firstNonNil(p.Example, p.Schema.Value.Example)); ex != "" {
			param.Doc = strings.TrimSpace(param.Doc + "\n\nExample: " + ex)
		}
	}
	param.Doc = withDeprecated(param.Doc, p.Deprecated)
	if _, ok := p.Extensions["x-acs-param-style"]; ok {
		return b.styledParam(o, p, param, path)
	}
	delimited := p.Style == openapi3.SerializationSpaceDelimited || p.Style == openapi3.SerializationPipeDelimited
	deep := p.Style == openapi3.SerializationDeepObject
	switch {
	case p.Style == openapi3.SerializationLabel || p.Style == openapi3.SerializationMatrix:
		if in != ir.InPath {
			b.errorf(path, "parameter %q is in %s; style %s is defined for path parameters only", p.Name, in, p.Style)
			return nil
		}
		param.PathStyle = p.Style
	case in == ir.InHeader && p.Style != "" && p.Style != openapi3.SerializationSimple:
		b.errorf(path, "header parameter %q has style %s; headers are sent in style simple", p.Name, p.Style)
		return nil
	case p.Style != "" && p.Style != "form" && p.Style != "simple" && !delimited && !deep:
		b.errorf(path, "parameter style %q is not supported; use form, spaceDelimited, pipeDelimited or deepObject (query), simple, label or matrix (path), simple (header)", p.Style)
		return nil
	}
	if delimited && !b.delimitedParam(p, param, path) {
		return nil
	}
	param.Type = b.typeOf(p.Schema, o.GoName+goName, spath)
	param.Scalar = b.scalar(itemType(param.Type))
	shape := b.paramShape(param.Type)
	if (param.In == ir.InQuery || param.In == ir.InForm) && (deep || p.Style == "" || p.Style == "form") && shape == ir.KindObject {
		return b.objectParam(p, param, path)
	}
	if (param.In == ir.InPath || param.In == ir.InHeader) && shape == ir.KindObject {
		return b.pathObjectParam(p, param, path)
	}
	if param.In == ir.InCookie && shape == ir.KindObject {
		return b.cookieObjectParam(p, param, path)
	}
	if deep {
		b.errorf(path, "parameter %q has style deepObject, which serializes objects, but is %s", p.Name, shapeWord(shape))
		return nil
	}
	param.Text = param.Scalar == "" && b.scalarUnion(itemType(param.Type))
	if param.Scalar == "" && !param.Text {
		if m := b.unionOf(itemType(param.Type)); m != nil {
			b.errorf(path, "parameter %q is %s; a union parameter is sent as the alternative that is set, so its alternatives must all be strings, numbers or booleans, or all objects of them (not as array items)", p.Name, unionWords(m, param))
			return nil
		}
		b.errorf(path, "parameter %q must be a string, number, boolean, or an array of them", p.Name)
		return nil
	}
	if param.In == ir.InCookie && param.Type.Kind == ir.Array {
		b.explodedCookie(p, param, ir.KindArray, path)
	}
	if param.Type.Kind == ir.Array && (!param.Explode || param.In == ir.InPath || param.In == ir.InHeader) {
		// Path and header arrays (style simple, label, matrix) are one value, explode or not.
		param.Sep = ","
		switch p.Style {
		case openapi3.SerializationSpaceDelimited:
			param.Sep = " "
		case openapi3.SerializationPipeDelimited:
			param.Sep = "|"
		}
		// Alibaba's metadata joins only with commas (its style simple), and its
		// runtime encodes the joined value whole; the other delimiters are OpenAPI's.
		param.JoinEncoded = b.api.Signed && param.In == ir.InQuery && param.Sep == ","
	} else if delimited {
		b.errorf(path, "parameter %q has style %s, which joins the items of an array; declare an array of strings, numbers or booleans", p.Name, p.Style)
		return nil
	}
	param.Pointer = !param.Required && param.Type.Kind != ir.Array
	if p.Schema.Value != nil {
		b.paramExamples[param] = firstNonNil(p.Example, p.Schema.Value.Example)
	}
	return param
}

// explodes is p's explode, or OpenAPI 3.0's default when unset: true for style
// form, the default style of the query and cookies, false for every other style
// (simple, the default of the path and headers, label, matrix, spaceDelimited,
// pipeDelimited). deepObject has one serialization, which is exploded.
func explodes(p *openapi3.Parameter, in ir.ParamIn) bool {
	if p.Style == openapi3.SerializationDeepObject {
		return true
	}
	if p.Explode != nil {
		return *p.Explode
	}
	switch p.Style {
	case openapi3.SerializationForm:
		return true
	case "":
		return in != ir.InPath && in != ir.InHeader
	}
	return false
}

func firstNonNil(vs ...any) any {
	for _, v := range vs {
		if v != nil {
			return v
		}
	}
	return nil
}

// scalar returns the primitive a parameter value is formatted from, or "".
func (b *builder) scalar(t ir.TypeRef) string {
	switch t.Kind {
	case ir.Primitive:
		return t.Name
	case ir.Named:
		if m := b.models[t.Name]; m != nil {
			switch m.Kind {
			case ir.Enum:
				return m.Enum.Base.Name
			case ir.Defined, ir.Alias:
				return b.scalar(m.Type)
			}
		}
	}
	return ""
}

// pathParts splits the path template into literals and parameters, reporting
// template names that no path parameter declares (declared: the names of those
// the spec declares, built or refused).
func (b *builder) pathParts(o *ir.Operation, path []string, declared map[string]bool) {
	rest := o.Path
	for rest != "" {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			b.checkPathLiteral(rest, len(o.Path)-len(rest), path[:2])
			o.PathParts = append(o.PathParts, ir.PathPart{Literal: rest})
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			b.errorf(path[:2], "path template has an unclosed '{'")
			return
		}
		if open > 0 {
			b.checkPathLiteral(rest[:open], len(o.Path)-len(rest), path[:2])
			o.PathParts = append(o.PathParts, ir.PathPart{Literal: rest[:open]})
		}
		name := rest[open+1 : open+end]
		i := slices.IndexFunc(o.Params, func(p *ir.Param) bool { return p.In == ir.InPath && p.Name == name })
		if i < 0 {
			if !declared[name] { // else the parameter was refused, and said so
				b.errorf(path, "path template names {%s} but no path parameter declares it", name)
			}
			return
		}
		o.PathParts = append(o.PathParts, ir.PathPart{Param: o.Params[i]})
		rest = rest[open+end+1:]
	}
}

func (b *builder) requestBody(o *ir.Operation, op *openapi3.Operation, path []string) {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return
	}
	rb := op.RequestBody.Value
	bpath := append(slices.Clone(path), "requestBody")
	mt, ctype := JSONContent(rb.Content)
	if mt == nil {
		if mt, ctype = FormContent(rb.Content); mt != nil {
			b.formBody(o, mt, append(bpath, "content", ctype, "schema"))
			return
		}
		if mt, ctype = MultipartContent(rb.Content); mt != nil {
			b.multipartBody(o, mt, ctype, append(bpath, "content", ctype, "schema"))
			return
		}
		if raw := RawContent(rb.Content); raw != nil {
			raw.Required, raw.Doc = rb.Required, strings.TrimSpace(rb.Description)
			o.Raw = raw
			b.base64Body(rb.Content, raw, bpath)
			if slices.ContainsFunc(o.Params, func(p *ir.Param) bool { return p.GoName == "Body" }) {
				b.errorf(bpath, "a parameter already maps to field Body; rename it with x-go-name")
			}
			return
		}
		b.errorf(bpath, "request body content %q is not supported; acsgen sends JSON, application/x-www-form-urlencoded, multipart/form-data and multipart/related, binary (application/octet-stream, type: string with format: binary) and text/plain bodies", sortedKeys(rb.Content))
		return
	}
	o.Body = &ir.Body{
		Type:     b.typeOf(mt.Schema, o.GoName+"RequestBody", append(bpath, "content", ctype, "schema")),
		Required: rb.Required,
		Doc:      strings.TrimSpace(rb.Description),
	}
	if slices.ContainsFunc(o.Params, func(p *ir.Param) bool { return p.GoName == "Body" }) {
		b.errorf(bpath, "a parameter already maps to field Body; rename it with x-go-name")
	}
}

// embedBodies embeds each struct body in its request, so that a request decodes
// from the JSON an official SDK request model takes: parameters and body members
// side by side. A body whose type name a parameter's field already has stays in
// Body, as do bodies with a member named as a parameter, unions, arrays and other
// non-struct bodies, and structs with JSON methods of their own (ir.Model.OwnJSON).
func (b *builder) embedBodies() {
	for _, o := range b.api.Operations {
		if o.Body == nil || o.Body.Type.Kind != ir.Named {
			continue
		}
		m := b.models[o.Body.Type.Name]
		if m == nil || m.Kind != ir.Struct || slices.ContainsFunc(o.Params, func(p *ir.Param) bool { return p.GoName == m.GoName }) {
			continue
		}
		if m.OwnJSON { // its JSON methods, promoted, would make the request's JSON the body's alone
			continue
		}
		// A member named as a parameter (a body's cluster_id beside the path's)
		// would be shadowed, in Go and in JSON: such a body stays in Body.
		if slices.ContainsFunc(m.Fields, func(f *ir.Field) bool {
			return slices.ContainsFunc(o.Params, func(p *ir.Param) bool { return p.Name == f.Name || p.GoName == f.GoName })
		}) {
			continue
		}
		o.Body.Embedded = true
	}
}

// JSONContent picks the JSON media type of content (see IsJSONMediaType; the first
// by name): the one generated types decode.
func JSONContent(c openapi3.Content) (*openapi3.MediaType, string) {
	for _, ct := range sortedKeys(c) {
		if IsJSONMediaType(ct) {
			return c[ct], ct
		}
	}
	return nil, ""
}

// IsJSONMediaType reports whether ct names JSON: application/json or a +json type,
// in any case and with any parameters, as media types compare.
func IsJSONMediaType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "application/json" || strings.HasSuffix(mt, "+json"))
}
