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

func TestPackageProblem(t *testing.T) {
	for name, want := range map[string]string{
		"apig": "", "p3d": "", "client": "", "fmt": "",
		"type":   "is a Go keyword",
		"func":   "is a Go keyword",
		"main":   "names a command, not an importable package",
		"string": "is a predeclared Go identifier, which a file importing the package could no longer use",
		"nil":    "is a predeclared Go identifier, which a file importing the package could no longer use",
		"Apig":   "is not a lower-case Go identifier",
		"a_b":    "is not a lower-case Go identifier",
		"":       "is not a lower-case Go identifier",
	} {
		assert.Equal(t, want, PackageProblem(name), name)
	}
}

// A name made from the spec (its product, its file name) that cannot name a
// package gets "api" appended; one that can is left alone.
func TestDerivedPackage(t *testing.T) {
	assert.Equal(t, "typeapi", DerivedPackage("type"))
	assert.Equal(t, "mainapi", DerivedPackage("main"))
	assert.Equal(t, "stringapi", DerivedPackage("string"))
	assert.Equal(t, "apig", DerivedPackage("apig"))
}

// An operation without operationId is named after its method and path: literal
// segments as words, each parameter as By<Name>.
func TestOperationName(t *testing.T) {
	for _, tc := range []struct{ method, path, want string }{
		{"GET", "/pets", "GetPets"},
		{"POST", "/pets", "PostPets"},
		{"GET", "/pets/{petId}", "GetPetsByPetID"},
		{"DELETE", "/v1/pets/{pet_id}/toys/{toyId}", "DeleteV1PetsByPetIDToysByToyID"},
		{"GET", "/files/{name}.json", "GetFilesByNameJSON"},
		{"GET", "/", "GetRoot"},
		{"PATCH", "/user-groups/", "PatchUserGroups"},
		{"OPTIONS", "/api/2.0/items", "OptionsAPI20Items"},
		{"GET", "/v1/2fa/{xray}/{1st}", "GetV12faByXrayBy1st"},
	} {
		assert.Equal(t, tc.want, OperationName(tc.method, tc.path), "%s %s", tc.method, tc.path)
	}
}

func TestCodePoints(t *testing.T) {
	for in, want := range map[string]string{"=": "U003D", "*/": "U002AU002F", "": "Empty", "+": "U002B", "😀": "U1F600"} {
		assert.Equal(t, want, CodePoints(in), in)
		assert.True(t, IsExported(CodePoints(in)), in)
	}
}
