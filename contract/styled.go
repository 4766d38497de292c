package contract

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
)

// Parameters in Alibaba's styles (x-acs-param-style repeatList, flat and json) and
// the fields of a form body are beyond openapi3filter: it would take Tag.1.Key for
// an undeclared parameter and miss Tag. They are read back into values here
// (unflatten.go) and checked against their schemas; openapi3filter checks the rest
// of the request against a route that declares neither.

// styledParam is one parameter, or form-body field, read back from dotted keys.
type styledParam struct {
	name     string
	style    string // repeatList, flat or json; "" for a plain form field
	schema   *openapi3.Schema
	required bool
	pos      string // where the spec declares it
}

// styledInput is what an operation takes that openapi3filter cannot check.
type styledInput struct {
	query    []styledParam
	form     []styledParam // the fields of an application/x-www-form-urlencoded body
	hasForm  bool
	formPos  string
	plain    *routers.Route // the route without the above
	declared map[string]bool
}

var paramStyles = []string{"repeatList", "flat", "json"}

func styleOf(ext map[string]any) string {
	s, _ := ext["x-acs-param-style"].(string)
	if slices.Contains(paramStyles, s) {
		return s
	}
	return ""
}

// newStyledInput finds the styled parameters and the form body of route.
func newStyledInput(route *routers.Route) *styledInput {
	si := &styledInput{plain: route, declared: map[string]bool{}}
	op, item := *route.Operation, *route.PathItem
	filter := func(list openapi3.Parameters) openapi3.Parameters {
		var keep openapi3.Parameters
		for _, ref := range list {
			if ref == nil || ref.Value == nil {
				keep = append(keep, ref)
				continue
			}
			p := ref.Value
			if style := styleOf(p.Extensions); style != "" && p.In == openapi3.ParameterInQuery && p.Schema != nil && p.Schema.Value != nil {
				si.query = append(si.query, styledParam{name: p.Name, style: style, schema: p.Schema.Value,
					required: p.Required, pos: originPos(p.Origin)})
				si.declared[p.Name] = true
				continue
			}
			keep = append(keep, ref)
		}
		return keep
	}
	op.Parameters, item.Parameters = filter(op.Parameters), filter(item.Parameters)
	if rb := op.RequestBody; rb != nil && rb.Value != nil {
		for ct, mt := range rb.Value.Content {
			if t, _, err := mime.ParseMediaType(ct); err != nil || t != "application/x-www-form-urlencoded" || mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
				continue
			}
			s := mt.Schema.Value
			si.hasForm, si.formPos = true, schemaPos(s)
			for _, name := range slices.Sorted(func(yield func(string) bool) {
				for k := range s.Properties {
					if !yield(k) {
						return
					}
				}
			}) {
				ps := s.Properties[name]
				if ps == nil || ps.Value == nil {
					continue
				}
				si.form = append(si.form, styledParam{name: name, style: styleOf(ps.Value.Extensions), schema: ps.Value,
					required: slices.Contains(s.Required, name), pos: schemaPos(ps.Value)})
			}
			op.RequestBody = nil
			break
		}
	}
	if len(si.query) == 0 && !si.hasForm {
		return si
	}
	plain := *route
	plain.Operation, plain.PathItem = &op, &item
	si.plain = &plain
	return si
}

// check reads the styled query parameters out of query and the form fields out
// of a form body, and checks them. It returns the query without the keys it read,
// and the findings (Operation left empty).
func (si *styledInput) check(query url.Values, header http.Header, body []byte, strict bool) (url.Values, []Finding) {
	var out []Finding
	if len(si.query) > 0 {
		query = cloneValues(query)
		for _, p := range si.query {
			out = append(out, p.check(query, "query")...)
		}
	}
	if si.hasForm {
		mt, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
		form, err := url.ParseQuery(string(body))
		switch {
		case len(body) > 0 && mt != "application/x-www-form-urlencoded":
			out = append(out, Finding{Where: "request", Rule: "content-type", Schema: si.formPos,
				Message: fmt.Sprintf("the body is %q, not the application/x-www-form-urlencoded form the spec declares", mt)})
			return query, out
		case err != nil:
			out = append(out, Finding{Where: "request", Rule: "decode", Schema: si.formPos,
				Message: "the form body does not decode: " + err.Error()})
			return query, out
		}
		for _, p := range si.form {
			out = append(out, p.check(form, "form")...)
		}
		if strict {
			for _, k := range slices.Sorted(func(yield func(string) bool) {
				for k := range form {
					if !yield(k) {
						return
					}
				}
			}) {
				if !slices.ContainsFunc(si.form, func(p styledParam) bool { return p.owns(k) }) && !commonParams[k] {
					out = append(out, Finding{Where: "request", Pointer: "form/" + k, Rule: "undocumented",
						Schema: si.formPos, Message: "form field is not in the spec"})
				}
			}
		}
	}
	return query, out
}

// owns reports whether key is p's or one of its flattened members.
func (p styledParam) owns(key string) bool {
	return key == p.name || len(key) > len(p.name) && key[len(p.name)] == '.' && key[:len(p.name)] == p.name
}

// check reads p from values (removing its keys) and checks it; in is "query" or
// "form", the pointer's first segment.
func (p styledParam) check(values url.Values, in string) []Finding {
	ptr := in + "/" + p.name
	var v any
	present := false
	var err error
	if p.style == "json" {
		raw, sent := values[p.name]
		delete(values, p.name)
		if sent && len(raw) > 0 {
			v, present, err = jsonValue(raw[0], p.name)
		}
	} else {
		n, keys := gather(values, p.name)
		for _, k := range keys {
			delete(values, k)
		}
		if n != nil {
			present = n.children != nil || (n.value != nil && *n.value != "")
			if present {
				v, err = unflatten(n, p.schema, p.name)
			}
		}
	}
	switch {
	case err != nil:
		return []Finding{{Where: "request", Pointer: ptr, Rule: "style", Schema: p.pos, Message: err.Error()}}
	case !present && p.required:
		return []Finding{{Where: "request", Pointer: ptr, Rule: "required", Schema: p.pos, Message: "required parameter is missing"}}
	case !present:
		return nil
	}
	verr := p.schema.VisitJSON(v, openapi3.MultiErrors())
	if verr == nil {
		return nil
	}
	fs := findings("", "request", verr)
	for i := range fs {
		fs[i].Pointer = ptr + trimRoot(fs[i].Pointer)
	}
	return fs
}

func trimRoot(ptr string) string {
	if ptr == "/" {
		return ""
	}
	return ptr
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}
