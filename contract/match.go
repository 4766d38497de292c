package contract

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/getkin/kin-openapi/routers"
)

// ErrNoRoute is wrapped by Match's error when no spec declares the request.
var ErrNoRoute = errors.New("no route")

// Route is the operation a request was routed to, for servers and recorders built
// on a Set (acsgen mock, acsgen record).
type Route struct {
	OperationID string // e.g. "GetPluginAttachment"
	Action      string // x-acs-action, e.g. "AttachPlugin"
	Product     string // e.g. "APIG"
	Version     string // e.g. "2024-03-27"
	Style       string // "RPC" or "ROA"
	Spec        string // file the operation is declared in
	Route       *routers.Route

	styled *styledInput
}

// CheckStyled checks what a request to rt carries in Alibaba's flattened styles
// (x-acs-param-style repeatList, flat, json) and in a form body, as Check does. It
// returns the query without the keys it read, the route that declares the rest
// (for openapi3filter), and the problems found, Operation filled in.
func (rt *Route) CheckStyled(query url.Values, header http.Header, body []byte) (url.Values, *routers.Route, []Finding) {
	if rt.styled == nil {
		return query, rt.Route, nil
	}
	rest, found := rt.styled.check(query, header, body, false)
	for i := range found {
		found[i].Operation = rt.OperationID
	}
	return rest, rt.styled.plain, found
}

// Match routes a request as Check does: RPC by action (and version when given), ROA
// by method and escaped path. It returns the route and the still-escaped path
// parameters. An error wraps ErrNoRoute when no operation has the action or path.
func (s *Set) Match(method, escapedPath, action, version string) (*Route, map[string]string, error) {
	if escapedPath == "" {
		escapedPath = "/"
	}
	o, params, err := s.route(method, escapedPath, action, version)
	if err != nil {
		if strings.HasPrefix(err.Error(), "no spec declares") {
			err = noRoute{err}
		}
		return nil, nil, err
	}
	return &Route{OperationID: o.op.ID, Action: o.op.Action, Product: o.api.Product, Version: o.api.Version,
		Style: string(o.api.Style), Spec: o.spec.Loc.File(), Route: o.route, styled: o.styled}, params, nil
}

// API names the product and style ("RPC" or "ROA") of an API version the set knows,
// so that a server can shape an error for a request it could not route.
func (s *Set) API(version string) (product, style string, ok bool) {
	for _, o := range s.ops {
		if o.api.Version == version {
			return o.api.Product, string(o.api.Style), true
		}
	}
	return "", "", false
}

// PathValues is params, the still-escaped path parameters Match returns, as
// openapi3filter is to read them: unescaped, as a router hands them over
// (openapi3filter unescapes nothing itself, and a content parameter's JSON text is
// %22…%22 on the wire). A value that is not a valid escape stays as it is.
func PathValues(params map[string]string) map[string]string {
	out := make(map[string]string, len(params))
	for k, v := range params {
		out[k] = v
	}
	unescapePathValues(out)
	return out
}

// unescapePathValues is PathValues in place, for a map of the caller's own.
func unescapePathValues(params map[string]string) {
	for k, v := range params {
		if strings.IndexByte(v, '%') < 0 {
			continue // nothing to unescape, nothing to refuse
		}
		if u, err := url.PathUnescape(v); err == nil {
			params[k] = u
		}
	}
}

// noRoute keeps route's message and answers errors.Is(err, ErrNoRoute).
type noRoute struct{ error }

func (noRoute) Is(target error) bool { return target == ErrNoRoute }
