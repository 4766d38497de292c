package mock

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
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
	// The service answers a required parameter sent empty as one not sent at all.
	query, pathParams := req.URL.Query(), maps.Clone(params)
	if contract.EmptyRequired(rt.Route, query, req.Header, pathParams) != nil {
		req.URL.RawQuery = query.Encode()
	}
	in := &openapi3filter.RequestValidationInput{
		Request: req, PathParams: pathParams, Route: rt.Route,
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
