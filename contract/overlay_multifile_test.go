package contract

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/speakeasy-api/openapi/overlay"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// In a multi-file spec a suggestion goes to the file where the schema or path
// item is written (schemas/pet.yaml), at its place there, not to a component the
// bundle made of it in the root file. Applied to those files, the overlays
// document what the recording showed: checked again, it has no findings left.
func TestSuggestionsOfAMultiFileSpecTargetTheirFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("../generator/internal/cases/multifile")))
	spec := filepath.Join(dir, "spec.yaml")
	set, err := Load([]string{spec})
	require.NoError(t, err)
	recorded := []Interaction{
		{Method: "GET", URL: "https://pets.example.com/pets/p1", Header: http.Header{}, Status: 200,
			RespHeader: http.Header{"Content-Type": {"application/json"}},
			RespBody:   []byte(`{"name":"Rex","color":"red","owner":{"name":"a","age":3}}`)},
		{Method: "GET", URL: "https://pets.example.com/pets", Header: http.Header{}, Status: 202,
			RespHeader: http.Header{"Content-Type": {"application/json"}}, RespBody: []byte(`[]`)},
	}
	check := func(set *Set) []Result {
		var out []Result
		for i, ix := range recorded {
			r := set.Examine(ix, Options{Strict: true})
			r.Recording, r.Entry = "x.yaml", i
			for j := range r.Findings {
				r.Findings[j].Recording, r.Findings[j].Entry = r.Recording, i
			}
			out = append(out, r)
		}
		return out
	}
	overlays, err := set.Suggest(check(set))
	require.NoError(t, err)
	var files []string
	for _, ov := range overlays {
		rel, err := filepath.Rel(dir, ov.Spec)
		require.NoError(t, err)
		files = append(files, filepath.ToSlash(rel))

		parsed, err := overlay.ParseReader(bytes.NewReader(ov.YAML))
		require.NoError(t, err)
		require.NoError(t, parsed.Validate())
		root := specRoot(t, ov.Spec)
		warnings, err := parsed.ApplyToStrict(root)
		require.NoError(t, err, "every target of %s must resolve in it", rel)
		assert.Empty(t, warnings)
		var out bytes.Buffer
		enc := yaml.NewEncoder(&out)
		enc.SetIndent(2)
		require.NoError(t, enc.Encode(root))
		require.NoError(t, os.WriteFile(ov.Spec, out.Bytes(), 0o644))
	}
	assert.Equal(t, []string{"paths/pets.yaml", "schemas/owner.yaml", "schemas/pet.yaml"}, files)

	after, err := Load([]string{spec})
	require.NoError(t, err, "the patched files must still load and build")
	for _, r := range check(after) {
		assert.Empty(t, r.Findings, "entry %d", r.Entry)
	}
}
