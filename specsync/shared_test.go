package specsync

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/speakeasy-api/openapi/overlay"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3" // the yaml speakeasy's overlay applies to

	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/metadata"
)

// sharedMetadata is where CI keeps Alibaba's metadata; never part of this repository.
const sharedMetadata = "../../shared/metadata"

// TestOwnSpecsAgainstTheMetadata compares the project's two specs with the
// metadata of their products: with their deliberate differences marked
// (cloudapi's comma-joined ApiIds, two regions left out) they are in sync. Should
// the metadata move on, the proposed overlay, applied, must leave nothing to add.
func TestOwnSpecsAgainstTheMetadata(t *testing.T) {
	for spec, meta := range map[string]string{
		"../spec/apig-2024-03-27.yaml":     "apig/2024-03-27/api-docs.json",
		"../spec/cloudapi-2016-07-14.yaml": "cloudapi/2016-07-14/api-docs.json",
	} {
		t.Run(filepath.Base(spec), func(t *testing.T) {
			path := filepath.Join(sharedMetadata, meta)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("no Alibaba metadata at %s (CI has it there): %v", path, err)
			}
			doc, err := metadata.ReadFile(path)
			require.NoError(t, err)
			s, err := load.File(spec)
			require.NoError(t, err)
			res, err := Compare(s, doc, meta)
			require.NoError(t, err)
			for _, it := range res.Items {
				t.Error(it) // the project's specs mark every deliberate difference
			}
			if res.Overlay == nil {
				return
			}
			patched := apply(t, spec, res.Overlay)
			after, err := load.Data(spec, patched)
			require.NoError(t, err, "the patched spec loads")
			res2, err := Compare(after, doc, meta)
			require.NoError(t, err)
			for _, it := range res2.Items {
				assert.NotContains(t, []string{MissingParameter, MissingProperty}, it.Kind, "still reported after the overlay: %s", it)
			}
			assert.Nil(t, res2.Overlay, "nothing left to add")
		})
	}
}

func apply(t *testing.T, spec string, ov []byte) []byte {
	t.Helper()
	o, err := overlay.ParseReader(bytes.NewReader(ov))
	require.NoError(t, err)
	require.NoError(t, o.Validate())
	data, err := os.ReadFile(spec)
	require.NoError(t, err)
	var root yaml.Node
	require.NoError(t, yaml.Unmarshal(data, &root))
	warnings, err := o.ApplyToStrict(&root)
	require.NoError(t, err, "every target resolves:\n%s", ov)
	assert.Empty(t, warnings)
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	require.NoError(t, enc.Encode(&root))
	return out.Bytes()
}
