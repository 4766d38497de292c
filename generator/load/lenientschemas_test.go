package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// properties: left null is no properties, with a warning at the key.
func TestNullPropertiesAreNone(t *testing.T) {
	spec, err := Data("s.yaml", []byte(`openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
    B:
      type: object
      properties: ~
`))
	require.NoError(t, err)
	assert.Equal(t, []string{
		`s.yaml:8:7: warning: components.schemas.A.properties: properties is null, not an object; the schema has no properties`,
		`s.yaml:11:7: warning: components.schemas.B.properties: properties is null, not an object; the schema has no properties`,
	}, warningLines(spec))
	assert.Empty(t, spec.Doc.Components.Schemas["A"].Value.Properties)
}
