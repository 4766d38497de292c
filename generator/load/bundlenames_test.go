package load

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Files whose names the spec already uses, or that share a name, are bundled
// under the name after their directories (nearest first), or numbered, with a
// warning at the $ref; the same spec always gets the same names.
func TestBundledNamesThatAreTaken(t *testing.T) {
	files := map[string]string{
		"spec/book/record.yaml": "type: object\nproperties:\n  isbn: {type: string}\n",
		"spec/cd/record.yaml":   "type: object\nproperties:\n  tracks: {type: integer}\n",
		"spec/foo.yaml":         "type: string\n",
		"spec/lib/defs.yaml":    "components:\n  schemas:\n    Foo: {type: integer}\n",
	}
	src := header + `components:
  schemas:
    Foo:
      type: object
      properties:
        id: {$ref: 'foo.yaml'}
        book: {$ref: 'book/record.yaml'}
        cd: {$ref: 'cd/record.yaml'}
        n: {$ref: 'lib/defs.yaml#/components/schemas/Foo'}
`
	for range 2 {
		spec, err := Options{ReadFile: func(path string) ([]byte, error) { return []byte(files[path]), nil }}.Data("spec/s.yaml", []byte(src))
		require.NoError(t, err)
		props := spec.Doc.Components.Schemas["Foo"].Value.Properties
		assert.Equal(t, "#/components/schemas/foo_2", props["id"].Ref, "foo becomes the Go name Foo, which the spec has")
		assert.Equal(t, "#/components/schemas/record", props["book"].Ref)
		assert.Equal(t, "#/components/schemas/cd_record", props["cd"].Ref)
		assert.Equal(t, "#/components/schemas/defs_Foo", props["n"].Ref, "a fragment is named after its file first")
		assert.Equal(t, []string{
			`spec/s.yaml:9:20: warning: $ref "foo.yaml" is bundled as components.schemas.foo_2, since foo would be the same Go name as the spec's Foo; to choose the name, declare it in the spec's components (Name: {$ref: "foo.yaml"})`,
			`spec/s.yaml:11:20: warning: $ref "cd/record.yaml" is bundled as components.schemas.cd_record, since record would be the same Go name as the spec's record; to choose the name, declare it in the spec's components (Name: {$ref: "cd/record.yaml"})`,
			`spec/s.yaml:12:19: warning: $ref "lib/defs.yaml#/components/schemas/Foo" is bundled as components.schemas.defs_Foo, since Foo would be the same Go name as the spec's Foo; to choose the name, declare it in the spec's components (Name: {$ref: "lib/defs.yaml#/components/schemas/Foo"})`,
		}, warningLines(spec))
	}
}
