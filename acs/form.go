package acs

import "net/url"

// FormContentType is the Content-Type of a Form body, as darabonba-openapi v2 sends it.
const FormContentType = "application/x-www-form-urlencoded"

// Form is a request body of form fields: the `in: formData` parameters of an RPC
// operation. Set as Request.Body, it is sent as Encode renders it, with Content-Type
// FormContentType (no charset), and signed over those bytes. Fill it with Flatten,
// one call per parameter, exactly as the query is filled.
//
// This is what darabonba-openapi v2's CallApi does with ReqBodyType "formData": it
// flattens the body map as utils.Query flattens the query (utils.ToForm) and encodes
// it with tea's ToFormString. The official SDKs pass a body map for every operation
// that has formData parameters, even when none is set: CallApi then sends an empty
// body with the form Content-Type, and so does an empty (or nil) Form.
type Form url.Values

// Encode renders f as tea's ToFormString does: url.Values.Encode, that is fields sorted
// by name, names and values escaped with url.QueryEscape (a space is "+", "*" is
// %2A, "~" stays). It is never nil, so that an empty Form still counts as a body.
func (f Form) Encode() []byte {
	if len(f) == 0 {
		return []byte{}
	}
	return []byte(url.Values(f).Encode())
}
