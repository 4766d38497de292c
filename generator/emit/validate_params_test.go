package emit

import (
	"bytes"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/ir"
)

// The two specs have no allowEmptyValue parameter, so its branches are checked on
// the emitted source: an empty value skips the schema, as kin-openapi skips it.
func TestAllowEmptyValueSkipsTheChecksOfAnEmptyValue(t *testing.T) {
	str := ir.TypeRef{Kind: ir.Primitive, Name: "string"}
	short := str
	short.Constraints = &ir.Constraints{MinLength: 2}
	three := int64(3)
	api := &ir.API{Package: "p", Operations: []*ir.Operation{{GoName: "Op", Request: "OpRequest", Params: []*ir.Param{
		{Name: "Mode", GoName: "Mode", In: ir.InQuery, Pointer: true, AllowEmpty: true, Scalar: "string", Type: short},
		{Name: "Tags", GoName: "Tags", In: ir.InQuery, AllowEmpty: true, Scalar: "string", Sep: ",",
			Type: ir.TypeRef{Kind: ir.Array, Elem: &str, Constraints: &ir.Constraints{MaxItems: &three}}},
		{Name: "Kinds", GoName: "Kinds", In: ir.InQuery, Explode: true, Scalar: "string",
			Type: ir.TypeRef{Kind: ir.Array, Elem: &str, Constraints: &ir.Constraints{MaxItems: &three}}},
	}}}}
	f := jen.NewFile("p")
	require.True(t, genValidateFile(f, api))
	var buf bytes.Buffer
	require.NoError(t, f.Render(&buf))
	src := buf.String()
	assert.Contains(t, src, `if r.Mode != nil && *r.Mode != "" {`)
	assert.Contains(t, src, "if len(r.Tags) > 0 && !(len(r.Tags) < 2 && acs.Missing(r.Tags...)) {")
	// Without allowEmptyValue, repeated items that are all empty are an empty value.
	assert.Contains(t, src, "if acs.Missing(r.Kinds...) {\n\t\t\tv.Enter(\"Kinds\")\n\t\t\tv.Fail(\"empty value is not allowed\")")
}
