package acs

import "github.com/acsgen/acsgen/acs/jsondec"

// CompiledSpec is what a generated package compiled from its spec files: their
// digests, and checks of the operations' JSON response bodies. Package contract uses
// a check in place of interpreting the schema for as long as the spec file that
// declares the operation is byte for byte the one the code was generated from.
type CompiledSpec struct {
	Specs []SpecDigest // the spec files, sorted by path
	// Responses maps operationId to the checks of its responses. Operation IDs are
	// unique within a package, whichever of its spec files declares them.
	Responses map[string]ResponseChecks
	// RequestBodies maps operationId to the check of its JSON request body, for
	// operations whose body is a generated struct. A check is the same as a
	// response's and is compared with the body the same way.
	RequestBodies map[string]BodyCheck
	// Params maps operationId to the check of its parameters (paramcheck.go).
	Params map[string]ParamChecks
	// Walks maps operationId to walkers of its responses' JSON bodies, and
	// RequestWalks to the walker of its JSON request body: validate-only checks
	// over a body's bytes that decode nothing. Package contract asks a walker
	// first; its yes means the schema's rules all hold, and on a no the body is
	// left to kin-openapi.
	Walks        map[string]ResponseWalks
	RequestWalks map[string]BodyWalk
}

// SpecDigest identifies one spec file by the SHA-256 of its bytes.
type SpecDigest struct {
	Source string // path of the spec file when the code was generated
	Digest string // hex SHA-256 of its bytes, line endings normalised
}

// Covers reports whether digest is one of the package's spec files.
func (c CompiledSpec) Covers(digest string) bool {
	for _, s := range c.Specs {
		if s.Digest == digest {
			return true
		}
	}
	return false
}

// ResponseChecks maps a responses key ("200", "4XX", "default") to the check of that
// response's JSON body.
type ResponseChecks map[string]BodyCheck

// A BodyCheck decodes a JSON body into a generated type as the client does,
// validates the value, and returns a pointer to it. The caller then needs to know
// whether the value's JSON encoding is the body: what decoding cannot see
// (unknown, null or differently cased properties, absent required ones held by
// value) makes the two differ. Given an exact to fill in, the check decodes with
// jsondec.UnmarshalExact, which tells that in the same walk; with nil, as the
// client decodes.
type BodyCheck func(body []byte, exact *jsondec.Exact) (any, error)

// CheckResponse is the check of a response, or of a request body, whose JSON
// body is the generated type T.
func CheckResponse[T any, P interface {
	*T
	Validate() error
}](body []byte, exact *jsondec.Exact) (any, error) {
	var v T
	if err := decodeBody(body, &v, exact); err != nil {
		return nil, err
	}
	if err := P(&v).Validate(); err != nil {
		return nil, err
	}
	return P(&v), nil
}

// ResponseWalks maps a responses key to the walker of that response's JSON body.
type ResponseWalks map[string]BodyWalk

// A BodyWalk is the generated walker of a body's top-level value, which
// jsondec.Judge runs over a whole body: it judges whether the body keeps every
// rule of its schema that kin-openapi checks of a response (or request) body,
// reading its bytes once and keeping nothing. Accepted means kin-openapi finds
// nothing; it errs towards Refused (a member the schema does not name, a key
// given twice), and answers Unsure of what it cannot judge cheaply (a union
// value that needs trying, uniqueItems), which the BodyCheck then judges. In
// strict mode it also refuses a value outside an open enum.
type BodyWalk func(w *jsondec.Walk) bool
