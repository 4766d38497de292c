package main

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"github.com/stretchr/testify/require"
)

// TestSpecsGenerateClientsWithOapiCodegen is the portability gate beyond models: every
// spec must also give oapi-codegen's full client (types, request builders, response
// parsers) as valid Go. The client is not committed: it would need
// github.com/oapi-codegen/runtime, which nothing else here uses.
func TestSpecsGenerateClientsWithOapiCodegen(t *testing.T) {
	specs, err := filepath.Glob(filepath.Join(specDir, "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, specs)
	for _, spec := range specs {
		t.Run(filepath.Base(spec), func(t *testing.T) {
			doc, err := openapi3.NewLoader().LoadFromFile(spec)
			require.NoError(t, err)
			code, err := codegen.Generate(doc, codegen.Configuration{
				PackageName: packageName(doc, spec),
				Generate:    codegen.GenerateOptions{Models: true, Client: true},
			})
			require.NoError(t, err)
			_, err = parser.ParseFile(token.NewFileSet(), "client.gen.go", code, parser.AllErrors)
			require.NoError(t, err, "oapi-codegen's client for %s does not parse", spec)
			require.Contains(t, code, "func (c *Client) "+operationOf(doc)+"(")
		})
	}
}

// operationOf returns the operationId of the spec's only operation.
func operationOf(doc *openapi3.T) string {
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			return op.OperationID
		}
	}
	return ""
}
