package contract

import (
	"net/http"
	"net/url"

	"github.com/getkin/kin-openapi/openapi3"
)

// commonParams are the protocol parameters of Alibaba Cloud RPC requests: routing,
// response format and the V2 (HMAC-SHA1) signature (reference/alibaba.md B.2). They
// are not business parameters, so an operation need not declare them and a check
// must not report them. A spec that does declare one (AttachPlugin's SDK lists
// SecurityToken) gets it validated as usual.
var commonParams = map[string]bool{
	"Action": true, "Version": true, "Format": true, "RegionId": true,
	"AccessKeyId": true, "Signature": true, "SignatureMethod": true, "SignatureVersion": true,
	"SignatureNonce": true, "SignatureType": true, "Timestamp": true,
	"SecurityToken": true, "BearerToken": true,
}

// requestParams are the query parameters of a request and, for a form-encoded body
// (V2-signed RPC POSTs may carry every parameter there), the form.
type requestParams struct {
	query url.Values
	form  url.Values // nil unless the body is application/x-www-form-urlencoded
}

// readParams parses the query of u and the form of a form body into maps of
// their own, which the check then changes.
func readParams(u *url.URL, header http.Header, body []byte) requestParams {
	p := requestParams{query: u.Query()}
	if isForm(header.Get("Content-Type")) {
		if form, err := url.ParseQuery(string(body)); err == nil {
			p.form = form
		}
	}
	return p
}

// get returns the first value of name in the query, then the form.
func (p requestParams) get(name string) string {
	if v := p.query.Get(name); v != "" {
		return v
	}
	return p.form.Get(name)
}

// declaredParams names the parameters an operation declares, by location.
func declaredParams(op *openapi3.Operation, item *openapi3.PathItem) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, list := range []openapi3.Parameters{item.Parameters, op.Parameters} {
		for _, ref := range list {
			if ref == nil || ref.Value == nil {
				continue
			}
			if out[ref.Value.In] == nil {
				out[ref.Value.In] = map[string]bool{}
			}
			out[ref.Value.In][ref.Value.Name] = true
		}
	}
	return out
}

// businessQuery prepares the query an operation's parameters are validated against:
// form parameters join the query when the operation declares no request body (the
// spec describes RPC parameters as "in: query" wherever the client put them), and
// common parameters the operation does not declare are dropped. It reports whether
// the form was moved, in which case the body is no longer part of the request.
// The query is p's, changed in place: readParams parsed it for this check alone.
func businessQuery(p requestParams, declared map[string]bool, hasBody bool) (url.Values, bool) {
	q := p.query
	moved := p.form != nil && !hasBody
	if moved {
		for k, vs := range p.form {
			q[k] = append(q[k], vs...)
		}
	}
	for k := range q {
		if commonParams[k] && !declared[k] {
			delete(q, k)
		}
	}
	return q, moved
}
