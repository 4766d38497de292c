package names

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGoName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"pluginAttachmentId", "PluginAttachmentID"},
		{"PluginId", "PluginID"},
		{"ApiIds", "APIIDs"},
		{"api_id", "APIID"},
		{"api-id", "APIID"},
		{"ApiID", "APIID"},
		{"apiId", "APIID"},
		{"requestId", "RequestID"},
		{"HttpApiApiInfo", "HTTPAPIAPIInfo"},
		{"HTTPServer", "HTTPServer"},
		{"k8sClusterInfo", "K8sClusterInfo"},
		{"enabelAuth", "EnabelAuth"},
		{"RELEASE", "Release"},
		{"PRE", "Pre"},
		{"OpenAI/v1", "OpenAIV1"},
		{"x-rate-limit", "XRateLimit"},
		{"Cnt", "Cnt"},
		{"cnt", "Cnt"},
		{"default", "Default"},
		{"type", "Type"},
		{"2fa", "X2fa"},
		{"日本語", "X日本語"},
		{"émile", "Émile"},
		{"urls", "URLs"},
		{"status", "Status"},
		{"", ""},
		{"---", ""},
		{"größe", "Größe"},
	} {
		assert.Equal(t, tc.want, GoName(tc.in), "GoName(%q)", tc.in)
	}
}

func TestWords(t *testing.T) {
	assert.Equal(t, []string{"HTTP", "Server", "v2"}, Words("HTTPServer_v2"))
	assert.Equal(t, []string{"api", "Ids"}, Words("apiIds"))
}

func TestIsExported(t *testing.T) {
	assert.True(t, IsExported("PetID"))
	assert.False(t, IsExported("petID"))
	assert.False(t, IsExported("Pet ID"))
	assert.False(t, IsExported(""))
}

func TestPackage(t *testing.T) {
	assert.Equal(t, "cloudapi", Package("CloudAPI"))
	assert.Equal(t, "apig", Package("APIG"))
	assert.Equal(t, "p3d", Package("3D"))
}
