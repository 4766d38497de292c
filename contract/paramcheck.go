package contract

import (
	"net/http"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/acs"
)

// paramCheck is a generated check of an operation's parameters that may stand
// in for openapi3filter.ValidateRequest: UseCompiled keeps one only where
// everything else ValidateRequest would look at is known to pass (security with
// a no-op authenticator, defaults) and the check reads the very parameters of
// the route kin-openapi validates, in the same styles and types.
type paramCheck struct {
	check acs.ParamChecks
	// bodyRequired says the route (styled.plain) declares a required body, and
	// hasBody that it declares one: a request without a body then fails
	// ValidateRequest, or passes it when the body is optional.
	hasBody, bodyRequired bool
}

// accepts reports whether the check says yes to the request's parameters, as
// Examine hands them to ValidateRequest.
func (c *paramCheck) accepts(path map[string]string, query map[string][]string, header http.Header) bool {
	return c.check.Accepts(acs.Params{Path: path, Query: query, Header: header})
}

// skipsRequest reports whether ValidateRequest would find nothing, given that the
// parameters were accepted: the body is checked (compiled code accepted it, the
// route declares none) or absent and optional.
func (c *paramCheck) skipsRequest(body []byte, bodyCompiled bool) bool {
	return bodyCompiled || !c.hasBody || len(body) == 0 && !c.bodyRequired
}

// newParamCheck returns the generated check of o's parameters if it can stand in
// for kin-openapi's, nil otherwise.
func newParamCheck(o *operation, check acs.ParamChecks) *paramCheck {
	route := o.styled.plain
	if check.Check == nil || route.Spec.IsOpenAPI31OrLater() || !noopSecurityPasses(route.Spec, route.Operation) {
		return nil
	}
	var params []*openapi3.Parameter
	for _, ref := range route.PathItem.Parameters {
		if ref == nil || ref.Value == nil {
			return nil
		}
		if route.Operation.Parameters.GetByInAndName(ref.Value.In, ref.Value.Name) == nil {
			params = append(params, ref.Value)
		}
	}
	for _, ref := range route.Operation.Parameters {
		if ref == nil || ref.Value == nil {
			return nil
		}
		params = append(params, ref.Value)
	}
	descs := make([]string, 0, len(params))
	headers := map[string]bool{}
	cookies := false
	for _, p := range params {
		d := describeParam(p)
		if d == "" {
			return nil
		}
		descs = append(descs, d)
		switch p.In {
		case openapi3.ParameterInHeader:
			// A default kin-openapi adds to the header must not be what another
			// header parameter, or a cookie parameter, then reads.
			key := http.CanonicalHeaderKey(p.Name)
			if headers[key] {
				return nil
			}
			headers[key] = true
		case openapi3.ParameterInCookie:
			cookies = true
		}
	}
	if cookies && headers["Cookie"] {
		return nil
	}
	slices.Sort(descs)
	if !slices.Equal(descs, check.Params) {
		return nil
	}
	c := &paramCheck{check: check}
	if rb := route.Operation.RequestBody; rb != nil {
		if rb.Value == nil {
			return nil
		}
		c.hasBody, c.bodyRequired = true, rb.Value.Required
	}
	return c
}

// noopSecurityPasses reports whether ValidateRequest's security check passes
// with openapi3filter.NoopAuthenticationFunc: there is no requirement, or one
// whose schemes are all declared.
func noopSecurityPasses(doc *openapi3.T, op *openapi3.Operation) bool {
	reqs := op.Security
	if reqs == nil {
		reqs = &doc.Security
	}
	if len(*reqs) == 0 {
		return true
	}
	var schemes openapi3.SecuritySchemes
	if doc.Components != nil {
		schemes = doc.Components.SecuritySchemes
	}
	for _, req := range *reqs {
		declared := true
		for name := range req {
			if ref := schemes[name]; ref == nil || ref.Value == nil {
				declared = false
			}
		}
		if declared {
			return true
		}
	}
	return false
}

// describeParam is p as acs.ParamChecks.Params describes it, "" when kin-openapi
// reads it in a way no generated check follows: content, a schema with
// combinators, objects, styles beyond the plain ones, a format kin-openapi checks
// that the generated code does not, a default it would find invalid.
func describeParam(p *openapi3.Parameter) string {
	if p.Content != nil || p.Schema == nil || p.Schema.Value == nil {
		return ""
	}
	sm, err := p.SerializationMethod()
	if err != nil {
		return ""
	}
	s := p.Schema.Value
	typ := scalarDesc(s)
	array := s.Type != nil && s.Type.Is(openapi3.TypeArray) && len(s.Type.Slice()) == 1 && plainSchema(s) &&
		s.Items != nil && s.Items.Value != nil
	if array {
		if typ = scalarDesc(s.Items.Value); typ != "" {
			typ = "[" + typ + "]"
		}
	}
	if typ == "" || array && len(s.Enum) > 0 {
		return ""
	}
	switch style := sm.Style; {
	case p.In == openapi3.ParameterInPath && style == openapi3.SerializationSimple,
		p.In == openapi3.ParameterInHeader && style == openapi3.SerializationSimple,
		p.In == openapi3.ParameterInQuery && style == openapi3.SerializationForm,
		p.In == openapi3.ParameterInQuery && array && (style == openapi3.SerializationSpaceDelimited || style == openapi3.SerializationPipeDelimited),
		p.In == openapi3.ParameterInCookie && style == openapi3.SerializationForm && (!array || !sm.Explode):
	default:
		return ""
	}
	if s.Default != nil && s.VisitJSON(s.Default, openapi3.MultiErrors()) != nil {
		return ""
	}
	style := sm.Style
	if sm.Explode {
		style += "*"
	}
	return p.In + "/" + p.Name + " " + style + " " + typ
}

// scalarDesc is the type part, "+enum" marking one that lists values, of a description of a string, number or boolean
// schema with none of the keywords plainSchema refuses; "" for any other.
func scalarDesc(s *openapi3.Schema) string {
	if s.Type == nil || len(s.Type.Slice()) != 1 || !plainSchema(s) {
		return ""
	}
	t := scalarType(s)
	if t == "" || len(s.Enum) == 0 {
		return t
	}
	// A generated enum checks membership alone, which says valid only if every
	// listed value also meets the schema's other keywords (a pattern, a length).
	for _, v := range s.Enum {
		if s.VisitJSON(v, openapi3.MultiErrors()) != nil {
			return ""
		}
	}
	return t + "+enum"
}

func scalarType(s *openapi3.Schema) string {
	switch t := s.Type.Slice()[0]; t {
	case openapi3.TypeString:
		if s.Format != "" && !slices.Contains([]string{"date", "date-time", "byte"}, s.Format) && openapi3.SchemaStringFormats[s.Format] != nil {
			return ""
		}
		return t
	case openapi3.TypeInteger:
		if s.Format == "int32" {
			return "integer:int32"
		}
		if s.Format != "" && s.Format != "int64" && openapi3.SchemaIntegerFormats[s.Format] != nil {
			return ""
		}
		return t
	case openapi3.TypeNumber:
		if s.Format != "" && openapi3.SchemaNumberFormats[s.Format] != nil {
			return ""
		}
		return t
	case openapi3.TypeBoolean:
		return t
	}
	return ""
}

// plainSchema reports whether s decodes as its type alone: no allOf, anyOf,
// oneOf or not, which make kin-openapi decode a parameter otherwise.
func plainSchema(s *openapi3.Schema) bool {
	return len(s.AllOf) == 0 && len(s.AnyOf) == 0 && len(s.OneOf) == 0 && s.Not == nil
}

// useCompiledParams takes the generated checks of o's parameters from cs, and
// notes which responses declare no header, whose check ValidateResponse would
// then skip too.
func (o *operation) useCompiledParams(cs acs.CompiledSpec) {
	o.params = nil
	if check, ok := cs.Params[o.op.ID]; ok {
		o.params = newParamCheck(o, check)
	}
	o.bare = map[string]bool{}
	for key, r := range o.route.Operation.Responses.Map() {
		if r != nil && r.Value != nil {
			o.bare[key] = bareHeaders(r.Value.Headers)
		}
	}
}

// skipsResponse reports whether ValidateResponse, told to leave the body out,
// finds nothing in a response of status, which selected the response key:
// kin-openapi selects the same response (it does for any status from 100 to
// 599), which declares no header it would check.
func (o *operation) skipsResponse(status int, key string) bool {
	return o.bare[key] && status >= 100 && status <= 599
}

// bareHeaders reports whether a response declares no header ValidateResponse
// checks: it skips only Content-Type, spelt so.
func bareHeaders(headers openapi3.Headers) bool {
	for k := range headers {
		if k != "Content-Type" {
			return false
		}
	}
	return true
}

// CompiledParams lists the operations (by operationId, in load order) whose
// parameters generated code checks, as UseCompiled arranged.
func (s *Set) CompiledParams() []string {
	var out []string
	for _, o := range s.ops {
		if o.params != nil {
			out = append(out, o.op.ID)
		}
	}
	return out
}

// RequestCompiled reports whether generated code accepted the request's
// parameters and body, so that kin-openapi's ValidateRequest was not run.
func (r Result) RequestCompiled() bool { return r.requestCompiled }
