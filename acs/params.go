package acs

// Missing reports whether a required parameter counts as not supplied: it has no
// value on the wire, or every value it has is empty. Alibaba Cloud answers
// `?PluginId=` exactly as it answers a request without PluginId (MissingParameter,
// "... is not supplied"), so an empty value cannot stand in for a required one.
//
// This is the one definition of "missing" for request parameters: the generated
// Validate methods apply it to the values a request would put on the wire, and the
// mock server and the contract checker apply it to the values a request did put
// there. An optional parameter is not held to it: an empty value there is a value,
// judged by the parameter's schema.
func Missing[T ~string](values ...T) bool {
	for _, v := range values {
		if v != "" {
			return false
		}
	}
	return true
}
