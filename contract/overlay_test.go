package contract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/speakeasy-api/jsonpath/pkg/jsonpath"
	"github.com/speakeasy-api/openapi/overlay"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/acsgen/acsgen/internal/overlaydoc"
)

func TestSuggestGolden(t *testing.T) {
	set := loadReal(t)
	overlays, err := set.Suggest(fixtureResults(t, set))
	require.NoError(t, err)
	require.Len(t, overlays, 1, "only the APIG recordings show drift a spec change could document")
	assert.Equal(t, "../spec/apig-2024-03-27.yaml", overlays[0].Spec)
	golden(t, "suggest-apig.yaml", overlays[0].YAML)

	// Every target is an RFC 9535 JSONPath selecting exactly one node of the spec.
	var doc overlaydoc.Doc
	require.NoError(t, yaml.Unmarshal(overlays[0].YAML, &doc))
	root := specRoot(t, overlays[0].Spec)
	for _, a := range doc.Actions {
		p, err := jsonpath.NewPath(a.Target)
		require.NoError(t, err, a.Target)
		assert.Len(t, p.Query(root), 1, a.Target)
	}

	again, err := set.Suggest(fixtureResults(t, set))
	require.NoError(t, err)
	assert.Equal(t, overlays, again, "suggestions are deterministic")
}

// TestSuggestionDocumentsWhatWasSeen applies the suggested overlay to the spec with
// speakeasy's Overlay implementation (every target must select a node) and checks
// the recordings again: the drift it addressed is gone, the rest remains.
func TestSuggestionDocumentsWhatWasSeen(t *testing.T) {
	set := loadReal(t)
	before := fixtureResults(t, set)
	overlays, err := set.Suggest(before)
	require.NoError(t, err)
	require.Len(t, overlays, 1)

	ov, err := overlay.ParseReader(bytes.NewReader(overlays[0].YAML))
	require.NoError(t, err)
	require.NoError(t, ov.Validate())
	root := specRoot(t, overlays[0].Spec)
	warnings, err := ov.ApplyToStrict(root)
	require.NoError(t, err, "every action's target must resolve in the spec")
	assert.Empty(t, warnings)
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	require.NoError(t, enc.Encode(root))
	patched := filepath.Join(t.TempDir(), filepath.Base(overlays[0].Spec))
	require.NoError(t, os.WriteFile(patched, out.Bytes(), 0o644))

	after, err := Load([]string{patched, "../spec/cloudapi-2016-07-14.yaml"})
	require.NoError(t, err, "the patched spec must still load and build")
	var left []string
	for _, r := range fixtureResults(t, after) {
		for _, f := range r.Findings {
			left = append(left, f.Rule+" "+f.Pointer)
		}
	}
	assert.Equal(t, []string{"route ", "required query/PluginId"}, left,
		"only what no spec change should paper over remains")
	var drift int
	for _, r := range before {
		drift += len(r.Findings)
	}
	assert.Equal(t, 6, drift, "the fixtures show enum, two undocumented, status, route and required findings")
}

func TestSuggestRequestEnumOnlyWhenAccepted(t *testing.T) {
	set := loadReal(t)
	ix := Interaction{Method: "POST", URL: "https://apigateway.cn-hangzhou.aliyuncs.com/?Action=AttachPlugin&Version=2016-07-14&PluginId=p&StageName=PROD",
		Status: 200, RespHeader: map[string][]string{"Content-Type": {"application/json"}}, RespBody: []byte(`{"RequestId":"r"}`)}
	accepted := set.Examine(ix, Options{})
	ix.Status, ix.RespBody = 400, []byte(`{"RequestId":"r","Code":"InvalidStageName","Message":"m"}`)
	rejected := set.Examine(ix, Options{})
	require.Len(t, rejected.Findings, 1)

	none, err := set.Suggest([]Result{rejected})
	require.NoError(t, err)
	assert.Empty(t, none)
	got, err := set.Suggest([]Result{accepted})
	require.NoError(t, err)
	require.Len(t, got, 1)
	text := string(got[0].YAML)
	assert.Contains(t, text, "target: $.paths['/#Action=AttachPlugin'].post.parameters[3].schema.enum")
	assert.True(t, strings.Contains(text, "update:\n      - PROD\n"), text)
	p, err := jsonpath.NewPath("$.paths['/#Action=AttachPlugin'].post.parameters[3].schema.enum")
	require.NoError(t, err)
	require.Len(t, p.Query(specRoot(t, got[0].Spec)), 1)
}

func specRoot(t *testing.T, path string) *yaml.Node {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	var root yaml.Node
	require.NoError(t, yaml.Unmarshal(src, &root))
	return &root
}
