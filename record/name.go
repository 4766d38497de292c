package record

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/contract"
)

// commonParams are the query parameters of V2-signed RPC requests that are not the
// operation's own: they never tell two calls apart.
var commonParams = []string{"Action", "Version", "Format", "RegionId", "Timestamp", "SignatureMethod",
	"SignatureVersion", "SignatureType", "AccessKeyId", "Signature", "SecurityToken", "SignatureNonce", "BearerToken"}

// Params is the business content of a request in one canonical string: the escaped
// path, the query parameters rt's operation declares (all but commonParams when rt is
// nil), sorted and encoded as ACS3 signs them, and the body (JSON re-encoded with
// sorted keys, so that formatting does not count). acsgen mock matches recordings
// by operation and Params; Recorder names cassettes by a hash of it.
func Params(rt *contract.Route, escapedPath string, query url.Values, body []byte) string {
	keep := url.Values{}
	for k, vs := range query {
		if declared(rt, k) {
			keep[k] = vs
		}
	}
	return escapedPath + "\n" + acs.EncodeQuery(keep) + "\n" + canonicalBody(body)
}

func declared(rt *contract.Route, name string) bool {
	if rt == nil || rt.Route.Operation == nil {
		return !slices.ContainsFunc(commonParams, func(c string) bool { return strings.EqualFold(c, name) })
	}
	for _, p := range rt.Route.Operation.Parameters {
		if p.Value != nil && p.Value.In == openapi3.ParameterInQuery && p.Value.Name == name {
			return true
		}
	}
	for _, p := range rt.Route.PathItem.Parameters {
		if p.Value != nil && p.Value.In == openapi3.ParameterInQuery && p.Value.Name == name {
			return true
		}
	}
	return false
}

func canonicalBody(body []byte) string {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber() // large integers keep every digit
	var v any
	if dec.Decode(&v) != nil || dec.More() {
		return string(body)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return string(body)
	}
	return string(b)
}

// cassetteName is "<product>/<OperationId>_<hash>" for a routed request and
// "unrouted/<METHOD>_<hash>" otherwise, the hash taken over the method and the
// redacted request's Params: the same call always lands in the same file, and a
// name reveals nothing a redacted cassette does not.
func cassetteName(rt *contract.Route, method, params string) string {
	sum := sha256.Sum256([]byte(method + "\n" + params))
	hash := hex.EncodeToString(sum[:6])
	if rt == nil {
		return "unrouted/" + strings.ToUpper(method) + "_" + hash
	}
	product := safeName(strings.ToLower(rt.Product))
	if product == "" {
		product = "api"
	}
	return product + "/" + safeName(rt.OperationID) + "_" + hash
}

// safeName keeps a spec-given name from escaping the output directory.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, s)
}
