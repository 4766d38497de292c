package multifile_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/internal/cases/multifile"
)

// Types from three files of the spec work together: a pet (schemas/pet.yaml)
// holds its owner (schemas/owner.yaml) and codes (common.yaml), and validation
// follows the enum declared in common.yaml.
func TestTypesAcrossFiles(t *testing.T) {
	body := `{"name":"Rex","owner":{"name":"Ann","pets":[{"name":"Tom"}]},"tags":["NotFound"]}`
	var pet multifile.Pet
	require.NoError(t, json.Unmarshal([]byte(body), &pet))
	require.NoError(t, pet.Validate())
	assert.Equal(t, "Tom", pet.Owner.Pets[0].Name)
	out, err := json.Marshal(pet)
	require.NoError(t, err)
	assert.JSONEq(t, body, string(out))

	pet.Tags = []multifile.Code{"Unheard"}
	assert.Error(t, pet.Validate())
}
