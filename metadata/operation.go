package metadata

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

var methods = []string{"get", "put", "post", "delete", "patch", "head", "options"}

// paramStyles are the parameter styles OpenAPI cannot state and the spec keeps
// as x-acs-param-style; "simple" becomes style: form, explode: false.
var paramStyles = []string{"repeatList", "flat", "json"}

// child returns the value of key in mapping m, adding an empty mapping if absent.
func child(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	v := mapping()
	set(m, key, v)
	return v
}

// operation adds one API to paths (and its response schema to responses).
func (c *converter) operation(paths, responses *yaml.Node, name string, api *API, seen map[string]string) {
	at := "apis." + name
	if len(api.Methods) == 0 {
		c.problem(at+".methods", "no HTTP method; the operation is not imported")
		return
	}
	method := strings.ToLower(api.Methods[0]) // the SDKs send the first
	if !slices.Contains(methods, method) {
		c.problem(at+".methods", "%q is not an HTTP method; the operation is not imported", api.Methods[0])
		return
	}
	key := "/#Action=" + name
	if c.doc.Info.Style == "ROA" {
		key = api.Path
		if !strings.HasPrefix(key, "/") {
			c.problem(at+".path", "ROA path %q does not start with /; the operation is not imported", api.Path)
			return
		}
	}
	if prev, dup := seen[method+" "+key]; dup {
		c.problem(at, "%s %s is also %s; the operation is not imported", strings.ToUpper(method), key, prev)
		return
	}
	seen[method+" "+key] = name
	if len(api.Schemes) > 0 && !slices.Contains(api.Schemes, "https") {
		c.warn(at+".schemes", "the metadata lists no https scheme; the spec's server is https")
	}
	op := mapping()
	set(op, "operationId", str(name))
	setStr(op, "summary", oneLine(firstNonEmpty(api.Summary, api.Title)))
	setStr(op, "description", strings.TrimRight(api.Description, "\n")+descriptionEnd(api.Description))
	if api.Deprecated {
		set(op, "deprecated", boolean(true))
	}
	params := sequence()
	var body, form []Parameter
	var bodyAt, formAt []string
	for _, ip := range mergeDotted(api.Parameters) {
		p, i := ip.Parameter, ip.index
		pat := fmt.Sprintf("%s.parameters[%d] (%s)", at, i, p.Name)
		switch p.In {
		case "query", "header", "path":
			if n := c.parameter(p, pat, key); n != nil {
				params.Content = append(params.Content, n)
			}
		case "body":
			body, bodyAt = append(body, p), append(bodyAt, pat)
		case "formData":
			form, formAt = append(form, p), append(formAt, pat)
		case "host":
			c.problem(pat+".in", "host parameters reach the wire only through a product gateway (darabonba's HostMap), which CallApi and acsgen clients do not use; not imported")
		default:
			c.problem(pat+".in", "parameters in %q are not supported; not imported", p.In)
		}
	}
	if len(params.Content) > 0 {
		set(op, "parameters", params)
	}
	switch {
	case len(body) > 0 && len(form) > 0:
		c.problem(at+".parameters", "both body and formData parameters; only the body is imported")
		set(op, "requestBody", c.requestBody(body, bodyAt, "application/json"))
	case len(body) > 0:
		set(op, "requestBody", c.requestBody(body, bodyAt, "application/json"))
	case len(form) > 0:
		set(op, "requestBody", c.requestBody(form, formAt, "application/x-www-form-urlencoded"))
	}
	set(op, "responses", c.responses(responses, name, api, at))
	if codes := errorCodes(api.ErrorCodes); codes != nil {
		set(op, "x-acs-error-codes", codes)
	}
	set(child(paths, key), method, op)
}

// parameter converts a query, header or path parameter.
func (c *converter) parameter(p Parameter, at, key string) *yaml.Node {
	if p.Name == "" {
		c.problem(at+".name", "a parameter without a name; not imported")
		return nil
	}
	if p.Schema == nil {
		c.problem(at+".schema", "no schema; not imported")
		return nil
	}
	n := mapping()
	set(n, "name", str(p.Name))
	set(n, "in", str(p.In))
	required := p.Schema.Required || p.In == "path"
	if p.In == "path" && !strings.Contains(key, "{"+p.Name+"}") {
		c.problem(at, "path parameter %q is not in the path %s", p.Name, key)
	}
	if required {
		set(n, "required", boolean(true))
	}
	setStr(n, "description", strings.TrimRight(p.Schema.Description, "\n")+descriptionEnd(p.Schema.Description))
	if p.Schema.Deprecated {
		set(n, "deprecated", boolean(true))
	}
	switch {
	case p.Style == "":
	case p.Style == "simple" && p.Schema.Type == "array":
		set(n, "style", str("form"))
		if p.In != "query" {
			set(n, "style", nil) // simple is already the style of path and header parameters
		}
		set(n, "explode", boolean(false))
	case p.Style == "simple":
	case slices.Contains(paramStyles, p.Style):
		set(n, "x-acs-param-style", str(wireStyle(p.Style, p.Schema)))
	default:
		c.problem(at+".style", "parameter style %q is not supported; the parameter is imported without it", p.Style)
	}
	if p.AllowEmptyValue && p.In == "query" {
		set(n, "allowEmptyValue", boolean(true))
	}
	s := *p.Schema
	s.Description, s.Deprecated, s.Example = "", false, nil
	set(n, "schema", c.schema(&s, at+".schema"))
	c.example(n, p.Schema, p.Schema.Type, p.Schema.Example)
	return n
}

// requestBody is a JSON or form body. A single body parameter named "body" is the
// body itself; other parameters are the properties of the body object, as the
// SDKs put each under its name.
func (c *converter) requestBody(params []Parameter, at []string, media string) *yaml.Node {
	rb := mapping()
	var schema *yaml.Node
	required := false
	if len(params) == 1 && params[0].Name == "body" && media == "application/json" {
		if params[0].Style != "" && params[0].Style != "json" {
			c.problem(at[0]+".style", "body style %q is not supported; taken as JSON", params[0].Style)
		}
		schema = c.schema(params[0].Schema, at[0]+".schema")
		required = params[0].Schema != nil && params[0].Schema.Required
	} else {
		schema = mapping()
		set(schema, "type", str("object"))
		props := mapping()
		req := flowSequence()
		for i, p := range params {
			if p.Name == "" || p.Schema == nil {
				c.problem(at[i], "a body parameter without a name or schema; not imported")
				continue
			}
			ps := c.schema(p.Schema, at[i]+".schema")
			switch {
			case p.Style == "" || (p.Style == "json" && media == "application/json"):
			case slices.Contains(paramStyles, p.Style):
				set(ps, "x-acs-param-style", str(wireStyle(p.Style, p.Schema)))
			default:
				c.problem(at[i]+".style", "parameter style %q is not supported; imported without it", p.Style)
			}
			set(props, p.Name, ps)
			if p.Schema.Required {
				req.Content = append(req.Content, str(p.Name))
				required = true
			}
		}
		if len(req.Content) > 0 {
			set(schema, "required", req)
		}
		set(schema, "properties", props)
	}
	if required {
		set(rb, "required", boolean(true))
	}
	content := mapping()
	mt := mapping()
	set(mt, "schema", schema)
	set(content, media, mt)
	set(rb, "content", content)
	return rb
}

// responses declares the success response (its schema becomes the component
// <Operation>Response, with the documented example) and the error body for 4XX
// and 5XX.
func (c *converter) responses(components *yaml.Node, name string, api *API, at string) *yaml.Node {
	out := mapping()
	code := ""
	for _, k := range []string{"200", "201", "202", "204"} {
		if _, ok := api.Responses[k]; ok {
			code = k
			break
		}
	}
	if code == "" {
		for k := range api.Responses {
			if strings.HasPrefix(k, "2") && (code == "" || k < code) {
				code = k
			}
		}
	}
	if code == "" {
		c.problem(at+".responses", "no success response; declared as 200 without a body")
		ok := mapping()
		set(ok, "description", str("The call succeeded."))
		set(out, "200", ok)
	} else {
		resp := mapping()
		set(resp, "description", str("The call succeeded."))
		if s := api.Responses[code].Schema; s != nil {
			set(components, name+"Response", c.schema(s, at+".responses."+code+".schema"))
			mt := mapping()
			ref := mapping()
			set(ref, "$ref", str(refPrefix+name+"Response"))
			set(mt, "schema", ref)
			set(mt, "example", c.demo(api, code, at))
			content := mapping()
			set(content, "application/json", mt)
			set(resp, "content", content)
		}
		set(out, code, resp)
	}
	for _, k := range []string{"4XX", "5XX"} {
		e := mapping()
		set(e, "description", str("The call failed; the body says why."))
		mt := mapping()
		ref := mapping()
		set(ref, "$ref", str(refPrefix+"ErrorResponse"))
		set(mt, "schema", ref)
		content := mapping()
		set(content, "application/json", mt)
		set(e, "content", content)
		set(out, k, e)
	}
	return out
}

// demo is the JSON example of responseDemo (a JSON text holding a list of
// examples by type), nil when there is none.
func (c *converter) demo(api *API, code, at string) *yaml.Node {
	if api.Demo == nil || *api.Demo == "" {
		return nil
	}
	var demos []struct {
		Type    string `json:"type"`
		Example string `json:"example"`
	}
	if err := json.Unmarshal([]byte(*api.Demo), &demos); err != nil {
		c.warn(at+".responseDemo", "not a JSON list of examples (%v); no response example", err)
		return nil
	}
	for _, d := range demos {
		if d.Type != "json" || strings.TrimSpace(d.Example) == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(d.Example))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil || dec.More() {
			c.warn(at+".responseDemo", "the JSON example does not parse; no response example")
			return nil
		}
		v = plainJSON(v)
		if m := c.misfit(api.Responses[code].Schema, v, "", 0); m != "" {
			c.warn(at+".responseDemo", "the JSON example does not fit the response schema (%s); no response example", m)
			return nil
		}
		return value(v)
	}
	return nil
}

// errorCodes lists the documented errors by status, nil without any.
func errorCodes(codes map[string][]ErrCode) *yaml.Node {
	if len(codes) == 0 {
		return nil
	}
	var statuses []string
	for k := range codes {
		statuses = append(statuses, k)
	}
	slices.Sort(statuses)
	out := mapping()
	for _, st := range statuses {
		list := sequence()
		for _, e := range codes[st] {
			item := mapping()
			set(item, "code", str(e.Code))
			setStr(item, "message", e.Message)
			list.Content = append(list.Content, item)
		}
		set(out, st, list)
	}
	return out
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// oneLine joins the lines of a summary.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// wireStyle is the style as the spec states it. The metadata marks some arrays
// flat: Alibaba's runtime flattens a list with 1-based indexes whatever the
// style says, which is what repeatList means, so the spec says repeatList.
func wireStyle(style string, s *Schema) string {
	if style == "flat" && s != nil && s.Type == "array" {
		return "repeatList"
	}
	return style
}
