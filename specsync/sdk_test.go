package specsync

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/load"
)

// sdkFacts lists every field of the official Go SDK's GetPluginAttachment response
// model tree (apig-20240327 v10.1.0) with its JSON key and Go type. It is kept beside
// the metadata, outside this repository.
const sdkFacts = "../../shared/reference/getpluginattachment-sdk-v10.1.0.json"

// legacyOnly are the response fields the spec keeps although SDK v10.1.0 no longer
// has them, each for a reason: responses still carry them.
var legacyOnly = map[string]string{
	"/data/parentResourceInfo/apiInfo/enabelAuth":                                                  "the misspelt key of the documentation, the metadata and SDK <= v9.1.0",
	"/data/parentResourceInfo/apiInfo/deployCntMap/*/Cnt":                                          "the capitalised key of the metadata and SDK <= v9.1.0",
	"/data/parentResourceInfo/apiInfo/deployConfigs/*/policyConfigs/*/aiFallbackConfig/serviceIds": "the documentation example and SDK v4",
}

type sdkField struct {
	JSON     string     `json:"json"`
	Type     string     `json:"type"`
	Children []sdkField `json:"children"`
}

// TestGetPluginAttachmentCarriesTheSDKTree holds the APIG spec to the SDK facts:
// every field of the v10.1.0 model tree is in GetPluginAttachmentResponse with the
// SDK's type (a schema marked x-acs-sync: keep differs on purpose: the port union),
// and every field the spec has beyond the tree is one of legacyOnly.
func TestGetPluginAttachmentCarriesTheSDKTree(t *testing.T) {
	data, err := os.ReadFile(sdkFacts)
	if err != nil {
		t.Skipf("no SDK facts at %s (CI has them there): %v", sdkFacts, err)
	}
	var facts struct {
		Tree []sdkField `json:"tree"`
	}
	require.NoError(t, json.Unmarshal(data, &facts))
	want := map[string]string{}
	var flatten func(fields []sdkField, at string)
	flatten = func(fields []sdkField, at string) {
		for _, f := range fields {
			p := at + "/" + f.JSON
			want[p] = f.Type
			switch {
			case strings.HasPrefix(f.Type, "array<"), strings.HasPrefix(f.Type, "map<"):
				flatten(f.Children, p+"/*")
			default:
				flatten(f.Children, p)
			}
		}
	}
	flatten(facts.Tree, "")
	require.Len(t, want, 390, "the v10.1.0 tree has 390 field paths")

	spec, err := load.File(filepath.Join("..", "spec", "apig-2024-03-27.yaml"))
	require.NoError(t, err)
	have := map[string]*openapi3.Schema{}
	var walk func(s *openapi3.Schema, at string, depth int)
	walk = func(s *openapi3.Schema, at string, depth int) {
		if depth > 30 {
			return
		}
		for name, p := range s.Properties {
			path := at + "/" + name
			have[path] = p.Value
			v := p.Value
			switch {
			case v.Items != nil && v.Items.Value != nil:
				walk(v.Items.Value, path+"/*", depth+1)
			case v.AdditionalProperties.Schema != nil:
				walk(v.AdditionalProperties.Schema.Value, path+"/*", depth+1)
			default:
				walk(v, path, depth+1)
			}
		}
	}
	walk(spec.Doc.Components.Schemas["GetPluginAttachmentResponse"].Value, "", 0)

	for _, path := range slices.Sorted(maps.Keys(want)) {
		s, ok := have[path]
		if !assert.True(t, ok, "the SDK has %s (%s), the spec does not", path, want[path]) {
			continue
		}
		if s.Extensions["x-acs-sync"] == "keep" {
			continue
		}
		assert.Equal(t, objectName.ReplaceAllString(want[path], "object"), sdkType(s), "%s", path)
	}
	for _, path := range slices.Sorted(maps.Keys(have)) {
		if _, ok := want[path]; !ok {
			assert.Contains(t, legacyOnly, path, "the spec has %s, which SDK v10.1.0 does not; say why in legacyOnly", path)
		}
	}
	for path := range legacyOnly {
		assert.Contains(t, have, path, "legacyOnly names %s, which the spec no longer has", path)
	}
}

// sdkType writes a schema in the notation of the SDK facts: string, boolean, int32,
// int64, float32, array<T>, map<T>, object:Name.
func sdkType(s *openapi3.Schema) string {
	switch {
	case s.Type.Is("string"):
		return "string"
	case s.Type.Is("boolean"):
		return "boolean"
	case s.Type.Is("integer"):
		return s.Format
	case s.Type.Is("number") && s.Format == "float":
		return "float32"
	case s.Type.Is("array"):
		return "array<" + sdkType(s.Items.Value) + ">"
	case s.AdditionalProperties.Schema != nil:
		return "map<" + sdkType(s.AdditionalProperties.Schema.Value) + ">"
	case len(s.Properties) > 0:
		return "object"
	case s.Type == nil || len(*s.Type) == 0:
		return "any"
	}
	return "?"
}

// objectName matches the model name of an object type in the facts.
var objectName = regexp.MustCompile(`object:\w+`)
