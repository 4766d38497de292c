// Package contract checks recorded HTTP interactions (go-vcr v4 cassettes, HAR 1.2
// files) against the specs: it routes each one to its operation (RPC by action, ROA
// by method and path template), validates request and response with kin-openapi's
// openapi3filter, and in strict mode reports drift. Results become reports (text,
// JSON, JUnit, GitHub annotations), coverage, and Overlay documents that suggest
// the spec changes which would document what the traffic showed.
package contract

import (
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Finding is one way an interaction disagrees with the spec.
type Finding struct {
	Recording string `json:"recording"`           // file the interaction came from
	Entry     int    `json:"entry"`               // index of the interaction in the file
	Operation string `json:"operation,omitempty"` // operationId, "" when the interaction matched none
	Where     string `json:"where,omitempty"`     // "request" or "response"
	Pointer   string `json:"pointer,omitempty"`   // JSON pointer into the body, or "query/<name>", "path/<name>", "header/<name>"
	Schema    string `json:"schema,omitempty"`    // spec location of the rule, e.g. "spec/apig-2024-03-27.yaml:120:9"
	// Rule is the keyword or check that failed: type, enum, required, maxItems, route,
	// status, and in strict mode the drift rules undocumented, undeclared-status, enum-drift.
	Rule    string `json:"rule"`
	Message string `json:"message"`

	schema *openapi3.Schema // the schema the rule belongs to, for suggestions
	value  *recorded        // the offending instance value, for suggestions
}

// recorded holds a value taken from a recording, which can be a whole response
// object with credentials in it (an STS answer's AccessKeySecret and
// SecurityToken). Finding and Result keep it behind a pointer because fmt prints a
// pointer field as an address: %v, %+v and %#v of either never show it.
type recorded struct{ v any }

func keep(v any) *recorded { return &recorded{v} }

// get is the value kept, nil for none.
func (r *recorded) get() any {
	if r == nil {
		return nil
	}
	return r.v
}

// Drift reports whether f is a drift finding of strict mode: the traffic shows
// something the spec does not document, rather than something it forbids.
func (f Finding) Drift() bool {
	switch f.Rule {
	case "undocumented", "undeclared-status", "enum-drift":
		return true
	}
	return false
}

// String formats f on one line: recording#entry operation where pointer: message [rule at schema].
func (f Finding) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s#%d", f.Recording, f.Entry)
	if f.Operation != "" {
		fmt.Fprintf(&b, " %s", f.Operation)
	}
	if f.Where != "" {
		fmt.Fprintf(&b, " %s", f.Where)
	}
	if f.Pointer != "" {
		fmt.Fprintf(&b, " %s", f.Pointer)
	}
	fmt.Fprintf(&b, ": %s [%s", f.Message, f.Rule)
	if f.Schema != "" {
		fmt.Fprintf(&b, " at %s", f.Schema)
	}
	b.WriteString("]")
	return b.String()
}
