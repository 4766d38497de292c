package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/build"
	"github.com/acsgen/acsgen/generator/ir"
)

// operationPage renders one operation.
func operationPage(p Product, op *ir.Operation, example Example) ([]byte, error) {
	a := p.API
	sop := specOperation(p, op)
	var b md
	b.linef("# %s", op.ID)
	b.line("")
	b.linef("[%s %s](README.md) · Go: `(*%s.Client).%s`", cell(a.Product), a.Version, a.Package, op.GoName)
	b.line("")
	if op.Deprecated {
		b.para("**Deprecated.**")
	}
	if sop != nil {
		// The description usually repeats the summary as its first line.
		summary := strings.TrimSuffix(strings.TrimSpace(sop.Summary), ".")
		if summary != "" && !strings.HasPrefix(strings.TrimSpace(sop.Description), summary) {
			b.para(sop.Summary)
		}
		b.para(sop.Description)
	}

	b.line("## Request syntax")
	b.line("")
	writeSyntax(&b, a, op)

	b.line("## Request parameters")
	b.line("")
	writeParams(&b, op, sop)
	if op.Body != nil {
		b.line("### Request body")
		b.line("")
		b.para(op.Body.Doc)
		t := newTree(a)
		t.typ(&b, op.Body.Type, 0)
		b.line("")
	}
	if r := op.Raw; r != nil {
		b.line("### Request body")
		b.line("")
		b.para(r.Doc)
		kind, req := "bytes", "optional"
		if r.Text {
			kind = "text"
		}
		if r.Required {
			req = "required"
		}
		b.linef("The %s of `Body` (Go `%s`), sent as they are with Content-Type `%s`; %s.", kind, rawGoType(r), r.MediaType, req)
		b.line("")
	}

	b.line("## Response")
	b.line("")
	if r := op.RawResponse; r != nil {
		b.para(r.Doc)
		if r.Text {
			b.linef("Text (`%s`), read whole into `%s.Body` (Go `string`), its Content-Type in `ContentType`.", r.MediaType, op.Response)
		} else {
			b.linef("A body of `%s` handed on unread as `%s.Body` (Go `io.ReadCloser`, which the caller reads and closes), its Content-Type in `ContentType`.", r.MediaType, op.Response)
		}
	} else {
		b.linef("A JSON body decoded into `%s`:", op.Response)
		b.line("")
		newTree(a).model(&b, op.Response, 0)
	}
	b.line("")

	b.line("## Examples")
	b.line("")
	b.line("### Go")
	b.line("")
	b.linef("From `ExampleClient_%s` in `%s`, which `go test` compiles.", op.GoName, example.File)
	b.line("")
	b.code("go", example.Source)
	b.line("### HTTP request")
	b.line("")
	b.code("http", rawRequest(a, op, sop))
	if ex, ok := responseExample(sop, true); ok {
		b.line("### Response")
		b.line("")
		b.code("json", ex)
	}

	b.line("## Errors")
	b.line("")
	writeErrors(&b, a, op, sop)
	return b.bytes(), nil
}

// specOperation is the kin-openapi operation op was built from.
func specOperation(p Product, op *ir.Operation) *openapi3.Operation {
	spec := p.Specs[op.Pos.File]
	if spec == nil || spec.Doc.Paths == nil {
		return nil
	}
	item := spec.Doc.Paths.Value(op.PathKey)
	if item == nil {
		return nil
	}
	return item.GetOperation(op.Method)
}

func writeSyntax(b *md, a *ir.API, op *ir.Operation) {
	host := hostTemplate(a)
	switch a.Style {
	case ir.RPC:
		where := "with the parameters in the query string"
		if op.Form {
			where += " and the form fields (formData) in an application/x-www-form-urlencoded body"
		}
		b.linef("RPC action `%s`, version `%s`: `%s %s` %s.", op.Action, a.Version, op.Method, op.Path, where)
	default:
		b.linef("ROA: `%s %s`, action `%s`, version `%s`.", op.Method, op.Path, op.Action, a.Version)
	}
	b.line("")
	b.code("http", fmt.Sprintf("%s %s\nHost: %s", op.Method, op.Path, host))
	if len(a.Regions) > 0 {
		b.linef("The host depends on the region: `%s` with `{regionId}` one of the [%d regions](README.md#endpoints) (default `%s`, host `%s`).",
			host, len(a.Regions), a.DefaultRegion, regionHost(a, a.DefaultRegion))
		b.line("")
	}
	if a.Signed {
		b.linef("Headers: `x-acs-action: %s`, `x-acs-version: %s`, plus the ACS3-HMAC-SHA256 signature headers the client adds.", op.Action, a.Version)
		b.line("")
	}
}

// hostTemplate is the endpoint without its scheme.
func hostTemplate(a *ir.API) string {
	_, host, ok := strings.Cut(a.Endpoint, "://")
	if !ok {
		return a.Endpoint
	}
	return strings.TrimSuffix(host, "/")
}

func regionHost(a *ir.API, region string) string {
	return strings.ReplaceAll(hostTemplate(a), "{regionId}", region)
}

// specParam finds the spec parameter behind p.
func specParam(sop *openapi3.Operation, p *ir.Param) *openapi3.Parameter {
	if sop == nil {
		return nil
	}
	if p.In == ir.InForm {
		return formField(sop, p.Name)
	}
	for _, ref := range sop.Parameters {
		if v := ref.Value; v != nil && v.Name == p.Name && v.In == string(p.In) {
			return v
		}
	}
	return nil
}

// formField is the property of the form body named name, as a parameter.
func formField(sop *openapi3.Operation, name string) *openapi3.Parameter {
	if sop.RequestBody == nil || sop.RequestBody.Value == nil {
		return nil
	}
	mt, _ := build.FormContent(sop.RequestBody.Value.Content)
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil || mt.Schema.Value.Properties[name] == nil {
		return nil
	}
	prop := mt.Schema.Value.Properties[name]
	if prop.Value == nil {
		return nil
	}
	return &openapi3.Parameter{Name: name, In: string(ir.InForm), Description: prop.Value.Description, Schema: prop}
}

func writeParams(b *md, op *ir.Operation, sop *openapi3.Operation) {
	if len(op.Params) == 0 {
		b.para("None.")
		return
	}
	b.line("| Name | Location | Type | Go field | Required | Constraints | Enum values | Description | Example |")
	b.line("|---|---|---|---|---|---|---|---|---|")
	for _, p := range op.Params {
		sp := specParam(sop, p)
		var s *openapi3.Schema
		desc, example := p.Doc, ""
		if sp != nil {
			desc = sp.Description
			if sp.Schema != nil {
				s = sp.Schema.Value
			}
			example = exampleValue(sp.Example, s)
		}
		req := "no"
		if p.Required {
			req = "yes"
		}
		constraints := constraintsOf(s)
		if p.Type.Kind == ir.Array {
			if p.Explode && p.Sep == "" {
				constraints = append(constraints, "repeated name per item")
			} else {
				constraints = append(constraints, "items joined with "+ir.SepWord(p.Sep))
			}
		}
		b.linef("| %s | %s | %s | `%s` | %s | %s | %s | %s | %s |", cell(codeSpan(p.Name)), p.In, cell(schemaType(s)), p.GoName, req,
			cell(strings.Join(constraints, "; ")), cell(enumValues(s)), cell(desc), cell(example))
	}
	b.line("")
}

// schemaType is "string", "integer (int64)", "array of string" and so on.
func schemaType(s *openapi3.Schema) string {
	if s == nil {
		return ""
	}
	var t string
	switch {
	case s.Type != nil && len(s.Type.Slice()) > 0:
		t = strings.Join(s.Type.Slice(), " or ")
	case len(s.OneOf) > 0:
		t = "one of"
	case len(s.AnyOf) > 0:
		t = "any of"
	default:
		t = "any"
	}
	if s.Format != "" {
		t += " (" + s.Format + ")"
	}
	if s.Type.Is("array") && s.Items != nil && s.Items.Value != nil {
		t = "array of " + schemaType(s.Items.Value)
	}
	return t
}

// constraintsOf lists the validation keywords of s (and of its items).
func constraintsOf(s *openapi3.Schema) []string {
	if s == nil {
		return nil
	}
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if s.MinLength > 0 {
		add("minLength %d", s.MinLength)
	}
	if s.MaxLength != nil {
		add("maxLength %d", *s.MaxLength)
	}
	if s.Pattern != "" {
		add("pattern `%s`", s.Pattern)
	}
	if s.Min != nil {
		op := "≥"
		if s.ExclusiveMin.IsTrue() {
			op = ">"
		}
		add("%s %v", op, *s.Min)
	}
	if s.Max != nil {
		op := "≤"
		if s.ExclusiveMax.IsTrue() {
			op = "<"
		}
		add("%s %v", op, *s.Max)
	}
	if s.MinItems > 0 {
		add("minItems %d", s.MinItems)
	}
	if s.MaxItems != nil {
		add("maxItems %d", *s.MaxItems)
	}
	if s.UniqueItems {
		add("unique items")
	}
	if s.Default != nil {
		add("default %s", jsonText(s.Default))
	}
	if s.Items != nil && s.Items.Value != nil {
		for _, c := range constraintsOf(s.Items.Value) {
			out = append(out, "items: "+c)
		}
	}
	return out
}

func enumValues(s *openapi3.Schema) string {
	if s == nil {
		return ""
	}
	if len(s.Enum) == 0 && s.Items != nil && s.Items.Value != nil {
		s = s.Items.Value
	}
	var vals []string
	for _, v := range s.Enum {
		vals = append(vals, codeSpan(fmt.Sprint(v)))
	}
	return strings.Join(vals, ", ")
}

// exampleValue is a parameter's example: its own, else its schema's.
func exampleValue(v any, s *openapi3.Schema) string {
	if v == nil && s != nil {
		v = s.Example
	}
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return codeSpan(x)
	}
	return codeSpan(jsonText(v))
}

func jsonText(v any) string {
	out, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(out)
}

// responseExample is the JSON example of the success response (success) or of
// the first error response that has one, pretty-printed with sorted keys.
func responseExample(sop *openapi3.Operation, success bool) (string, bool) {
	if sop == nil || sop.Responses == nil {
		return "", false
	}
	codes := slices.Sorted(mapsKeys(sop.Responses.Map()))
	for _, code := range codes {
		if strings.HasPrefix(code, "2") != success {
			continue
		}
		r := sop.Responses.Value(code)
		if r == nil || r.Value == nil {
			continue
		}
		for _, ctype := range slices.Sorted(mapsKeys(r.Value.Content)) {
			mt := r.Value.Content[ctype]
			v := mt.Example
			if v == nil && mt.Schema != nil && mt.Schema.Value != nil {
				v = mt.Schema.Value.Example
			}
			if v == nil {
				continue
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // URLs in examples keep their &
			enc.SetIndent("", "  ")
			if err := enc.Encode(v); err != nil {
				continue
			}
			return buf.String(), true
		}
	}
	return "", false
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func writeErrors(b *md, a *ir.API, op *ir.Operation, sop *openapi3.Operation) {
	if len(op.Errors) == 0 {
		b.para("The spec declares no error responses.")
		return
	}
	b.line("The client returns a non-2xx answer as `*acs.Error` with the HTTP status, `Code`, `Message` and `RequestID` of the body.")
	b.line("")
	b.line("| Status | Body | Description |")
	b.line("|---|---|---|")
	// Statuses sharing body and description (often 4XX and 5XX) share a row.
	type row struct {
		codes      []string
		body, desc string
	}
	var rows []*row
	var models []string
	for _, st := range op.Errors {
		desc := ""
		if sop != nil && sop.Responses != nil {
			if r := sop.Responses.Value(st.Code); r != nil && r.Value != nil && r.Value.Description != nil {
				desc = cell(*r.Value.Description)
			}
		}
		body := ""
		if st.Model != "" {
			body = "`" + st.Model + "`"
			if !slices.Contains(models, st.Model) {
				models = append(models, st.Model)
			}
		}
		i := slices.IndexFunc(rows, func(r *row) bool { return r.body == body && r.desc == desc })
		if i < 0 {
			rows = append(rows, &row{body: body, desc: desc})
			i = len(rows) - 1
		}
		rows[i].codes = append(rows[i].codes, st.Code)
	}
	for _, r := range rows {
		b.linef("| %s | %s | %s |", strings.Join(r.codes, ", "), r.body, r.desc)
	}
	b.line("")
	for _, m := range models {
		b.linef("### Error body `%s`", m)
		b.line("")
		newTree(a).model(b, m, 0)
		b.line("")
	}
	if ex, ok := responseExample(sop, false); ok {
		b.line("### Error example")
		b.line("")
		b.code("json", ex)
	}
}

// rawGoType is the Go type of a raw body's field.
func rawGoType(r *ir.RawBody) string {
	if r.Text {
		return "string"
	}
	return "[]byte"
}
