package contract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// Interaction is one recorded request and its response.
type Interaction struct {
	Method     string
	URL        string
	Header     http.Header
	Body       []byte
	Status     int
	RespHeader http.Header
	RespBody   []byte
}

// Options tune a check.
type Options struct {
	// Strict adds drift findings: response properties the spec does not document.
	Strict bool
}

// Check validates one interaction and returns its findings, with Recording and
// Entry left for the caller to fill in.
func (s *Set) Check(ix Interaction, opts Options) []Finding {
	u, err := url.Parse(ix.URL)
	if err != nil {
		return []Finding{{Where: "request", Rule: "url", Message: fmt.Sprintf("unparseable URL %q: %v", ix.URL, err)}}
	}
	action := ix.Header.Get("x-acs-action")
	if action == "" {
		action = u.Query().Get("Action")
	}
	version := ix.Header.Get("x-acs-version")
	if version == "" {
		version = u.Query().Get("Version")
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	o, params, err := s.route(ix.Method, path, action, version)
	if err != nil {
		return []Finding{{Where: "request", Rule: "route", Message: err.Error()}}
	}
	req, err := http.NewRequest(ix.Method, u.String(), bytes.NewReader(ix.Body))
	if err != nil {
		return []Finding{{Operation: o.op.ID, Where: "request", Rule: "url", Message: err.Error()}}
	}
	req.Header = ix.Header.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	in := &openapi3filter.RequestValidationInput{
		Request: req, PathParams: params, Route: o.route,
		Options: &openapi3filter.Options{
			MultiError: true,
			// Authentication is the signature's business, checked elsewhere; recorded
			// credentials are redacted and must not fail a schema check.
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		},
	}
	var out []Finding
	ctx := context.Background()
	if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
		out = append(out, findings(o.op.ID, "request", err)...)
	}
	rin := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 ix.Status,
		Header:                 ix.RespHeader,
		Body:                   io.NopCloser(bytes.NewReader(ix.RespBody)),
		Options:                &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true},
	}
	if rin.Header == nil {
		rin.Header = http.Header{}
	}
	if err := openapi3filter.ValidateResponse(ctx, rin); err != nil {
		out = append(out, findings(o.op.ID, "response", err)...)
	}
	if opts.Strict {
		out = append(out, o.undocumented(ix)...)
	}
	return out
}

// findings flattens openapi3filter's errors into findings with pointer, rule and
// the schema's spec location.
func findings(opID, where string, err error) []Finding {
	// A oneOf/anyOf that no alternative matched is one finding at the union, not one
	// per alternative: the branches' reasons become its message.
	if se, ok := err.(*openapi3.SchemaError); ok && (se.SchemaField == "oneOf" || se.SchemaField == "anyOf") {
		msg := se.Reason
		if reasons := branchReasons(se.Origin); len(reasons) > 0 {
			msg += ": " + strings.Join(reasons, "; ")
		}
		return []Finding{{Operation: opID, Where: where, Pointer: "/" + strings.Join(se.JSONPointer(), "/"),
			Rule: se.SchemaField, Schema: schemaPos(se.Schema), Message: msg}}
	}
	var me openapi3.MultiError
	if errors.As(err, &me) && len(me) > 0 {
		prefix := ""
		if _, isMulti := err.(openapi3.MultiError); !isMulti {
			prefix = paramPointer(err) // a parameter error wrapping several schema errors
		}
		var out []Finding
		for _, e := range me {
			for _, f := range findings(opID, where, e) {
				if prefix != "" && !strings.HasPrefix(f.Pointer, prefix) {
					f.Pointer = prefix + strings.TrimSuffix(f.Pointer, "/")
				}
				out = append(out, f)
			}
		}
		return out
	}
	f := Finding{Operation: opID, Where: where, Rule: "schema", Message: firstLine(err.Error()), Pointer: paramPointer(err)}
	var respErr *openapi3filter.ResponseError
	if errors.As(err, &respErr) {
		switch {
		case respErr.Err == nil && strings.Contains(respErr.Reason, "Content-Type"):
			f.Rule, f.Message = "content-type", respErr.Reason
		case respErr.Err == nil:
			f.Rule, f.Message = "status", respErr.Reason
		case respErr.Reason == "failed to decode response body":
			f.Rule, f.Message = "decode", respErr.Reason+": "+firstLine(respErr.Err.Error())
		}
	}
	var reqErr *openapi3filter.RequestError
	if errors.As(err, &reqErr) && reqErr.Parameter != nil {
		switch {
		case errors.Is(err, openapi3filter.ErrInvalidRequired):
			f.Rule, f.Message = "required", "required parameter is missing"
		case errors.Is(err, openapi3filter.ErrInvalidEmptyValue):
			f.Rule, f.Message = "allowEmptyValue", "empty value is not allowed"
		}
		f.Schema = originPos(reqErr.Parameter.Origin)
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		if ptr := se.JSONPointer(); len(ptr) > 0 || f.Pointer == "" {
			f.Pointer += "/" + strings.Join(ptr, "/")
		}
		f.Rule, f.Message, f.Schema = se.SchemaField, se.Reason, schemaPos(se.Schema)
	}
	return []Finding{f}
}

// branchReasons lists the distinct reasons the alternatives of a union failed with.
func branchReasons(err error) []string {
	var out []string
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *openapi3.SchemaError:
			if !slices.Contains(out, e.Reason) {
				out = append(out, e.Reason)
			}
		case openapi3.MultiError:
			for _, sub := range e {
				walk(sub)
			}
		default:
			walk(errors.Unwrap(err))
		}
	}
	walk(err)
	return out
}

// paramPointer names the parameter a request error is about: "query/ApiIds".
func paramPointer(err error) string {
	var reqErr *openapi3filter.RequestError
	if errors.As(err, &reqErr) && reqErr.Parameter != nil {
		return reqErr.Parameter.In + "/" + reqErr.Parameter.Name
	}
	return ""
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}

// undocumented reports response body properties no schema declares.
func (o *operation) undocumented(ix Interaction) []Finding {
	resp := o.route.Operation.Responses.Status(ix.Status)
	if resp == nil || resp.Value == nil {
		return nil
	}
	mt := resp.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	var v any
	if json.Unmarshal(ix.RespBody, &v) != nil {
		return nil // already reported by the schema check
	}
	var out []Finding
	walkUndocumented(mt.Schema.Value, v, "", func(ptr string, s *openapi3.Schema) {
		out = append(out, Finding{Operation: o.op.ID, Where: "response", Pointer: ptr, Rule: "undocumented",
			Schema: schemaPos(s), Message: "property is not in the spec"})
	})
	return out
}

func walkUndocumented(s *openapi3.Schema, v any, ptr string, report func(string, *openapi3.Schema)) {
	if s == nil {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		props, ap := collectProps(s)
		for _, k := range sortedKeys(x) {
			p := ptr + "/" + escapePointer(k)
			if sub, ok := props[k]; ok {
				walkUndocumented(sub, x[k], p, report)
			} else if ap != nil {
				walkUndocumented(ap, x[k], p, report)
			} else if s.AdditionalProperties.Has == nil || *s.AdditionalProperties.Has {
				report(p, s)
			}
		}
	case []any:
		if s.Items != nil {
			for i, item := range x {
				walkUndocumented(s.Items.Value, item, fmt.Sprintf("%s/%d", ptr, i), report)
			}
		}
	}
}

// collectProps gathers the properties of s and of its allOf/oneOf/anyOf parts.
func collectProps(s *openapi3.Schema) (map[string]*openapi3.Schema, *openapi3.Schema) {
	props := map[string]*openapi3.Schema{}
	var ap *openapi3.Schema
	var visit func(s *openapi3.Schema)
	visit = func(s *openapi3.Schema) {
		for k, p := range s.Properties {
			props[k] = p.Value
		}
		if s.AdditionalProperties.Schema != nil {
			ap = s.AdditionalProperties.Schema.Value
		}
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
			for _, sub := range list {
				if sub.Value != nil {
					visit(sub.Value)
				}
			}
		}
	}
	visit(s)
	return props, ap
}

func escapePointer(k string) string {
	return strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
