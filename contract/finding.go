// Package contract checks recorded HTTP interactions against the specs: it routes
// each one to its operation (RPC by action, ROA by method and path template) and
// validates request and response with kin-openapi's openapi3filter.
package contract

import (
	"fmt"
	"strings"
)

// Finding is one way an interaction disagrees with the spec.
type Finding struct {
	Recording string // file the interaction came from
	Entry     int    // index of the interaction in the file
	Operation string // operationId, "" when the interaction matched none
	Where     string // "request" or "response"
	Pointer   string // JSON pointer into the body, or "query/<name>", "path/<name>", "header/<name>"
	Schema    string // spec location of the rule, e.g. "spec/apig-2024-03-27.yaml:120:9"
	Rule      string // the keyword or check that failed: type, enum, required, maxItems, route, status, undocumented
	Message   string
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
