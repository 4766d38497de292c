package contract

import (
	"net/http"
	"net/url"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"

	"github.com/acsgen/acsgen/acs"
)

// EmptyRequired applies acs.Missing to a request about to be checked against route:
// every required query, header or path parameter that the request sends with no
// non-empty value is deleted from query, header and pathParams, so that
// openapi3filter (which takes `PluginId=` for a supplied empty string) reports it
// as missing. It returns those parameters as "<in>/<name>", the pointers of their
// findings. The contract check and the mock server both call it, so a recording and
// a live request are judged alike.
func EmptyRequired(route *routers.Route, query url.Values, header http.Header, pathParams map[string]string) map[string]bool {
	return emptyRequired(requiredParams(route), query, header, pathParams)
}

// requiredParams lists the required parameters of route, by "<in>/<name>", the
// operation's overriding the path's.
func requiredParams(route *routers.Route) map[string]*openapi3.Parameter {
	params := map[string]*openapi3.Parameter{}
	for _, list := range []openapi3.Parameters{route.PathItem.Parameters, route.Operation.Parameters} {
		for _, ref := range list {
			if ref != nil && ref.Value != nil {
				params[ref.Value.In+"/"+ref.Value.Name] = ref.Value
			}
		}
	}
	for key, p := range params {
		if !p.Required {
			delete(params, key)
		}
	}
	return params
}

// emptyRequired is EmptyRequired with the route's requiredParams.
func emptyRequired(params map[string]*openapi3.Parameter, query url.Values, header http.Header, pathParams map[string]string) map[string]bool {
	var out map[string]bool
	for key, p := range params {
		var values []string
		var found bool
		switch p.In {
		case openapi3.ParameterInQuery:
			values, found = query[p.Name]
		case openapi3.ParameterInHeader:
			values, found = header[http.CanonicalHeaderKey(p.Name)]
		case openapi3.ParameterInPath:
			var v string
			v, found = pathParams[p.Name]
			values = []string{v}
		}
		if !found || !acs.Missing(values...) {
			continue // absent already reads as missing; a value is the schema's to judge
		}
		switch p.In {
		case openapi3.ParameterInQuery:
			delete(query, p.Name)
		case openapi3.ParameterInHeader:
			header.Del(p.Name)
		case openapi3.ParameterInPath:
			delete(pathParams, p.Name)
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[key] = true
	}
	return out
}
