package specdiff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden reports")

type specWant struct{ level, id, text string }
type goWant struct {
	identifier, kind string
	compatible       bool
}

// The four histories under testdata, each derived from spec/apig-2024-03-27.yaml;
// the first two are the SDK changes of reference A.6 (v5.0.0 and v9.1.1).
var cases = []struct {
	name   string
	spec   []specWant
	goAPI  []goWant
	semver string
}{
	{
		name: "fallback-service-configs",
		spec: []specWant{
			{LevelInfo, "response-optional-property-added", "aiFallbackConfig/serviceConfigs"},
			{LevelInfo, "response-optional-property-removed", "aiFallbackConfig/serviceIds"},
		},
		goAPI: []goWant{
			{"HTTPAPIDeployConfigPolicyConfigsAIFallbackConfig.ServiceIDs", Removed, false},
			{"HTTPAPIDeployConfigPolicyConfigsAIFallbackConfig.ServiceConfigs", Added, true},
			{"HTTPAPIDeployConfigPolicyConfigsAIFallbackConfigServiceConfigs", Added, true},
		},
		semver: Major,
	},
	{
		name: "enable-auth-rename",
		spec: []specWant{
			{LevelInfo, "response-optional-property-added", "apiInfo/enableAuth"},
			{LevelInfo, "response-optional-property-removed", "apiInfo/enabelAuth"},
		},
		goAPI: []goWant{
			{"HTTPAPIAPIInfo.EnabelAuth", Removed, false},
			{"HTTPAPIAPIInfo.EnableAuth", Added, true},
		},
		semver: Major,
	},
	{
		name: "new-required-parameter",
		spec: []specWant{
			{LevelBreaking, "new-required-request-parameter", "`gatewayId`"},
		},
		// A new struct field is source compatible for Go callers, although the
		// service now rejects requests without it: the spec side says breaking.
		goAPI: []goWant{
			{"GetPluginAttachmentRequest.GatewayID", Added, true},
		},
		semver: Minor,
	},
	{
		name: "new-optional-response-field",
		spec: []specWant{
			{LevelInfo, "response-optional-property-added", "deployConfigs/items/envDomainIds"},
		},
		goAPI: []goWant{
			{"HTTPAPIDeployConfig.EnvDomainIDs", Added, true},
		},
		semver: Minor,
	},
}

func diffCase(t *testing.T, name string) *Report {
	t.Helper()
	old, err := Read(filepath.Join("testdata", name, "old.yaml"), "")
	require.NoError(t, err)
	new, err := Read(filepath.Join("testdata", name, "new.yaml"), "")
	require.NoError(t, err)
	r, err := Diff(old, new, Options{})
	require.NoError(t, err)
	return r
}

func TestDiffClassifiesHistories(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := diffCase(t, tc.name)
			assert.Equal(t, "apig", r.Package)
			require.Len(t, r.Spec, len(tc.spec), "%+v", r.Spec)
			for i, w := range tc.spec {
				got := r.Spec[i]
				assert.Equal(t, w.level, got.Level, got.Text)
				assert.Equal(t, w.id, got.ID)
				assert.Contains(t, got.Text, w.text)
				assert.Equal(t, "GET", got.Operation)
				assert.Equal(t, "/v1/plugin-attachments/{pluginAttachmentId}", got.Path)
			}
			require.Len(t, r.Go, len(tc.goAPI), "%+v", r.Go)
			for i, w := range tc.goAPI {
				got := r.Go[i]
				assert.Equal(t, w.identifier, got.Identifier)
				assert.Equal(t, w.kind, got.Kind)
				assert.Equal(t, w.compatible, got.Compatible, got.Message)
			}
			assert.Equal(t, tc.semver, r.Semver)
		})
	}
}

func TestDiffOfIdenticalSpecsIsPatch(t *testing.T) {
	src, err := Read("../spec/apig-2024-03-27.yaml", "")
	require.NoError(t, err)
	r, err := Diff(src, src, Options{})
	require.NoError(t, err)
	assert.Empty(t, r.Spec)
	assert.Empty(t, r.Go)
	assert.Equal(t, Patch, r.Semver)
}

func TestDiffReportsChangedIdentifier(t *testing.T) {
	// A response field whose type changes from integer to string: apidiff calls
	// it changed and incompatible, oasdiff a breaking type change.
	old, err := Read("testdata/new-optional-response-field/old.yaml", "")
	require.NoError(t, err)
	text := strings.Replace(string(old.Data), `        responseCode:
          type: integer
          format: int32
          description: The HTTP status code of the mock response.
          example: 200`, `        responseCode:
          type: string
          description: The HTTP status code of the mock response.
          example: "200"`, 1)
	require.NotEqual(t, string(old.Data), text)
	r, err := Diff(old, Source{Name: "typed.yaml", Data: []byte(text)}, Options{})
	require.NoError(t, err)
	require.Len(t, r.Go, 1)
	assert.Equal(t, "HTTPAPIMockContract.ResponseCode", r.Go[0].Identifier)
	assert.Equal(t, Changed, r.Go[0].Kind)
	assert.False(t, r.Go[0].Compatible)
	assert.Equal(t, Major, r.Semver)
	require.NotEmpty(t, r.Spec)
	assert.Equal(t, LevelBreaking, r.Spec[0].Level, "%+v", r.Spec)
}

func TestDiffRejectsBrokenSpecWithPosition(t *testing.T) {
	good, err := Read("testdata/enable-auth-rename/old.yaml", "")
	require.NoError(t, err)
	_, err = Diff(good, Source{Name: "bad.yaml", Data: []byte("openapi: 3.0.3\ninfo: [\n")}, Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.yaml:")
}

func TestGoldenReports(t *testing.T) {
	for _, tc := range cases {
		r := diffCase(t, tc.name)
		for format, ext := range map[string]string{"text": "txt", "markdown": "md", "json": "json"} {
			var buf bytes.Buffer
			require.NoError(t, r.Write(&buf, format))
			path := filepath.Join("testdata", tc.name, "report."+ext)
			if *update {
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
				continue
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./specdiff -update")
			assert.Equal(t, string(want), buf.String(), "%s differs; run go test ./specdiff -update after checking the change", path)
		}
	}
}

func TestWriteRejectsUnknownFormat(t *testing.T) {
	err := (&Report{}).Write(&bytes.Buffer{}, "html")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"html"`)
}
