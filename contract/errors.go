package contract

import (
	"errors"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

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
		f.schema, f.value = se.Schema, keep(se.Value)
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
