// Package record writes go-vcr v4 cassettes of real traffic with every credential and
// every spec-marked secret redacted before anything touches disk. Recorder is an
// http.RoundTripper a client sends through (acs.WithHTTPClient); Proxy is a reverse
// proxy (`acsgen record`) that forwards to an upstream and records through a Recorder.
//
// Redacted always: the Authorization header (its SignedHeaders list is kept, since it
// documents what the client signed), x-acs-security-token, x-acs-signature-nonce,
// x-acs-bearer-token, Cookie, Set-Cookie and Proxy-Authorization, in the headers and
// trailers of request and response; the V2 credential parameters AccessKeyId,
// Signature, SecurityToken, SignatureNonce and BearerToken in the query, the form,
// a form-encoded body and the fields of a multipart/form-data body; and the string values of AccessKeySecret, SecurityToken and
// BearerToken keys in JSON bodies of either side, and the same V2 parameters where a
// response body quotes a V1 string to sign (SignatureDoesNotMatch). Redacted when the specs are given (WithSpecs): query and header
// parameters, and properties of JSON request and response bodies, whose schema (or
// parameter) is marked sensitive by `x-acs-sensitive: true`, `format: password` or
// `writeOnly: true`; body schemas count under every media type and every response
// of the operation, whatever the recorded status, and property names match in any
// letter case. Header names match in any letter case, including keys set
// in the map without canonicalisation, as darabonba/tea clients do.
package record
