package mock

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/acsgen/acsgen/contract"
)

// validate checks the request against its operation, as the product would before
// acting on it. Parameters the operation does not declare (credentials, V1 common
// parameters) are not its business: openapi3filter ignores undeclared query
// parameters, and authentication is the signature check's job.
func validate(r *http.Request, body []byte, rt *contract.Route, params map[string]string) *apiError {
	req := r.Clone(r.Context())
	req.Body = io.NopCloser(bytes.NewReader(body))
	// Flattened and JSON-encoded parameters and form fields are read back and
	// checked first; openapi3filter checks the rest.
	query, route, styled := rt.CheckStyled(req.URL.Query(), req.Header, body)
	if len(styled) > 0 {
		return styledError(styled[0])
	}
	req.URL.RawQuery = query.Encode()
	// The service answers a required parameter sent empty as one not sent at all.
	pathParams := contract.PathValues(params)
	if contract.EmptyRequired(route, query, req.Header, pathParams) != nil {
		req.URL.RawQuery = query.Encode()
	}
	in := &openapi3filter.RequestValidationInput{
		Request: req, PathParams: pathParams, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	}
	err := openapi3filter.ValidateRequest(context.Background(), in)
	if err == nil {
		return nil
	}
	var reqErr *openapi3filter.RequestError
	if errors.As(err, &reqErr) && reqErr.Parameter != nil {
		name := reqErr.Parameter.Name
		if errors.Is(err, openapi3filter.ErrInvalidRequired) {
			return &apiError{http.StatusBadRequest, "MissingParameter",
				fmt.Sprintf("The input parameter %q that is mandatory for processing this request is not supplied.", name)}
		}
		msg := fmt.Sprintf("The specified parameter %q is not valid: %s", name, reason(err))
		if v, ok := sent(r, reqErr.Parameter, params); ok {
			msg += fmt.Sprintf(" (got %q)", v)
		}
		return &apiError{http.StatusBadRequest, "InvalidParameter", msg}
	}
	if errors.As(err, &reqErr) && reqErr.RequestBody != nil {
		if errors.Is(err, openapi3filter.ErrInvalidRequired) {
			return &apiError{http.StatusBadRequest, "MissingParameter", "The request body that is mandatory for processing this request is not supplied."}
		}
		return &apiError{http.StatusBadRequest, "InvalidParameter", "The request body is not valid: " + reason(err)}
	}
	return &apiError{http.StatusBadRequest, "InvalidParameter", reason(err)}
}

// styledError answers a styled parameter's problem as the service would: the
// parameter by its wire name, MissingParameter when it is required and absent.
func styledError(f contract.Finding) *apiError {
	_, rest, _ := strings.Cut(f.Pointer, "/") // query/Tag/0/Key, form/Name
	name, member, _ := strings.Cut(rest, "/")
	if f.Rule == "required" && member == "" {
		return &apiError{http.StatusBadRequest, "MissingParameter",
			fmt.Sprintf("The input parameter %q that is mandatory for processing this request is not supplied.", name)}
	}
	return &apiError{http.StatusBadRequest, "InvalidParameter",
		fmt.Sprintf("The specified parameter %q is not valid: /%s: %s", name, rest, f.Message)}
}

// reason is the schema's one-line verdict, with a JSON pointer into the value when
// there is one.
func reason(err error) string {
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		if ptr := se.JSONPointer(); len(ptr) > 0 {
			return "/" + strings.Join(ptr, "/") + ": " + se.Reason
		}
		return se.Reason
	}
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// sent is the value the request gave a parameter, cut to a readable length.
func sent(r *http.Request, p *openapi3.Parameter, params map[string]string) (string, bool) {
	var v string
	var ok bool
	switch p.In {
	case openapi3.ParameterInQuery:
		var vs []string
		vs, ok = r.URL.Query()[p.Name]
		v = strings.Join(vs, ",")
	case openapi3.ParameterInHeader:
		v = r.Header.Get(p.Name)
		ok = v != ""
	case openapi3.ParameterInPath:
		v, ok = params[p.Name]
	}
	if len(v) > 64 {
		v = v[:64] + "..."
	}
	return v, ok
}
