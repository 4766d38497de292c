// Package mock is an HTTP server that answers every operation of a set of specs the
// way the Alibaba Cloud product would: RPC operations routed by action (x-acs-action
// header or Action query parameter), ROA operations by method and path template.
//
// A request is checked in this order, each failure answered with the product's own
// error shape (RPC: RequestId, HostId, Code, Message, Recommend; ROA: requestId,
// code, message) and a fresh request ID:
//
//  1. routing: an unknown action or path is 404 InvalidAction.NotFound;
//  2. signature, when credentials are configured: ACS3-HMAC-SHA256 through
//     acs.Verifier, and the V1 HMAC-SHA1 query signature of the older SDK core; a
//     mismatch is 400 SignatureDoesNotMatch whose message carries the string to sign
//     the server computed (never the secret); a nonce seen before within twice the
//     allowed clock skew is 400 SignatureNonceUsed, and two Authorization headers
//     (or two Signature parameters) are 400 IncompleteSignature;
//  3. the request against the spec with openapi3filter (parameters and body;
//     credentials and common parameters are not the spec's business): 400
//     MissingParameter or InvalidParameter. A required parameter sent empty
//     (`PluginId=`) is MissingParameter, as the service answers it (acs.Missing).
//
// The answer comes from a recording (a go-vcr cassette interaction whose operation
// and business parameters equal the request's; see record.Params) when one matches,
// otherwise from the spec's example for the success status.
package mock
