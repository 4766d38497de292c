package load

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A spec split into files loads as one document: components $ref'd from other
// files become components of their own, and every position names the file the
// node is written in.
func TestMultiFileSpec(t *testing.T) {
	spec, err := File("testdata/multi/spec.yaml")
	require.NoError(t, err)
	assert.Equal(t, []string{"testdata/multi/common.yaml", "testdata/multi/paths/pets.yaml", "testdata/multi/schemas/pet.yaml",
		"testdata/multi/schemas/owner.yaml", "testdata/multi/parameters.yaml"}, spec.Files)

	schemas := spec.Doc.Components.Schemas
	assert.ElementsMatch(t, []string{"Error", "Code", "pet", "owner"}, keys(schemas))
	assert.Equal(t, "#/components/schemas/pet", schemas["owner"].Value.Properties["pets"].Value.Items.Ref)
	assert.Same(t, schemas["Code"].Value, schemas["pet"].Value.Properties["tags"].Value.Items.Value)
	assert.Same(t, schemas["Error"].Value, spec.Doc.Components.Responses["Problem"].Value.Content["application/json"].Schema.Value)
	list := spec.Doc.Paths.Value("/pets").Get
	require.NotNil(t, list)
	assert.Equal(t, "ListPets", list.OperationID)
	get := spec.Doc.Paths.Value("/pets/{petId}").Get
	assert.Equal(t, "#/components/parameters/petId", get.Parameters[0].Ref)
	assert.Equal(t, "petId", get.Parameters[0].Value.Name)

	for _, tc := range []struct {
		path []string
		want string
	}{
		{[]string{"components", "schemas", "Error"}, "testdata/multi/spec.yaml:21:5"},
		{[]string{"components", "schemas", "Error", "properties", "message"}, "testdata/multi/common.yaml:8:9"},
		{[]string{"components", "schemas", "pet"}, "testdata/multi/schemas/pet.yaml:1:1"},
		{[]string{"components", "schemas", "pet", "properties", "name", "example"}, "testdata/multi/schemas/pet.yaml:4:24"},
		{[]string{"components", "schemas", "Code"}, "testdata/multi/common.yaml:9:5"},
		{[]string{"paths", "/pets"}, "testdata/multi/spec.yaml:4:3"},
		{[]string{"paths", "/pets", "get", "operationId"}, "testdata/multi/paths/pets.yaml:2:3"},
	} {
		assert.Equal(t, tc.want, spec.Loc.Pos(tc.path...).String(), "%v", tc.path)
	}

	// With origins (acsgen contract), schemas and parameters carry the same places.
	withOrigins, err := Options{Origins: true}.File("testdata/multi/spec.yaml")
	require.NoError(t, err)
	name := withOrigins.Doc.Components.Schemas["pet"].Value.Properties["name"].Value
	require.NotNil(t, name.Origin)
	assert.Equal(t, "testdata/multi/schemas/pet.yaml", name.Origin.Key.File)
	assert.Equal(t, 4, name.Origin.Key.Line)
	assert.Equal(t, spec.Digest, withOrigins.Digest)
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// A symbolic link inside the spec's directory that leads out of it is refused
// like a $ref that does.
func TestSymlinkOutOfTheTree(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "outside.yaml"), []byte("type: string\n"), 0o644))
	dir := filepath.Join(root, "spec")
	require.NoError(t, os.Mkdir(dir, 0o755))
	require.NoError(t, os.Symlink(filepath.Join(root, "outside.yaml"), filepath.Join(dir, "link.yaml")))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s.yaml"), []byte(header+"components:\n  schemas:\n    A: {$ref: link.yaml}\n"), 0o644))
	t.Chdir(root)
	_, err := File("spec/s.yaml")
	assert.EqualError(t, err, `spec/s.yaml:6:15: $ref "link.yaml": spec/link.yaml is a symbolic link that leads outside the spec's directory tree`)
}

// Options.ReadFile supplies the other files (acsgen diff reads them from git).
func TestReadFileOption(t *testing.T) {
	var asked []string
	spec, err := Options{ReadFile: func(path string) ([]byte, error) {
		asked = append(asked, path)
		return []byte("type: object\nproperties:\n  id: {type: string}\n"), nil
	}}.Data("rev:spec/s.yaml", []byte(header+"components:\n  schemas:\n    A: {$ref: 'parts/a.yaml'}\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"rev:spec/parts/a.yaml"}, asked)
	assert.Contains(t, spec.Doc.Components.Schemas["A"].Value.Properties, "id")
	assert.Equal(t, "rev:spec/parts/a.yaml:3:3", spec.Loc.Pos("components", "schemas", "A", "properties", "id").String())
}
