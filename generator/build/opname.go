package build

import (
	"cmp"
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/names"
)

// opName is how an operation is named: ID (ir.Operation.ID), its Go name, the
// action it sends, and how messages call it.
type opName struct {
	id, goName, action, what string
}

// operationName names an operation by, first match wins, its operationId, its
// x-acs-action, the action of an RPC path key ("/#Action=X"), or else its method
// and path (names.OperationName: GET /pets/{petId} → GetPetsByPetID), which then
// serves as ID too; x-go-name overrides the Go name of any. A signed API sends the
// action in the x-acs-action header, so an operation of one needs a real action.
// ok is false when the operation cannot be named (reported).
func (b *builder) operationName(key, method string, op *openapi3.Operation, path []string) (opName, bool) {
	action := cmp.Or(stringExt(op.Extensions, "x-acs-action"), op.OperationID)
	if b.api.Style == ir.RPC && action == "" {
		_, frag, _ := strings.Cut(key, "#")
		action, _ = strings.CutPrefix(frag, "Action=")
	}
	n := opName{id: cmp.Or(op.OperationID, action), action: action}
	if n.id != "" {
		n.what = fmt.Sprintf("operation %q", n.id)
		n.goName = b.goName(op.Extensions, n.id, path)
		return n, n.goName != ""
	}
	if b.api.Signed {
		b.errorf(path, "operation has neither operationId nor x-acs-action; a signed API sends the action in the x-acs-action header")
		return n, false
	}
	wire, _, _ := strings.Cut(key, "#")
	n.what = fmt.Sprintf("operation %s %s", method, key)
	n.goName = names.OperationName(method, wire)
	if stringExt(op.Extensions, "x-go-name") != "" {
		n.goName = b.goName(op.Extensions, "", path)
	}
	n.id, n.action = n.goName, n.goName
	return n, n.goName != ""
}
