package acs

// CompiledSpec is what a generated package compiled from its spec: the spec's
// digest, and checks of the operations' JSON response bodies. Package contract uses
// it in place of interpreting the schema for as long as the spec being checked
// against is byte for byte the one the code was generated from.
type CompiledSpec struct {
	Source string // path of the spec when the code was generated
	Digest string // hex SHA-256 of the spec's bytes
	// Responses maps operationId to the checks of its responses.
	Responses map[string]ResponseChecks
}

// ResponseChecks maps a responses key ("200", "4XX", "default") to the check of that
// response's JSON body. A check decodes the body into the generated type as the
// client does, validates the value, and returns a pointer to it. The caller
// compares the value's JSON encoding with the body: what decoding cannot see
// (unknown, null or differently cased properties, absent required ones held by
// value) makes the two differ.
type ResponseChecks map[string]func(body []byte) (any, error)

// CheckResponse is the check of a response whose body is the generated type T.
func CheckResponse[T any, P interface {
	*T
	Validate() error
}](body []byte) (any, error) {
	var v T
	if err := decodeJSON(body, &v); err != nil {
		return nil, err
	}
	if err := P(&v).Validate(); err != nil {
		return nil, err
	}
	return P(&v), nil
}
