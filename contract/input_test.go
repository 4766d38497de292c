package contract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var realSpecs = []string{"../spec/apig-2024-03-27.yaml", "../spec/cloudapi-2016-07-14.yaml"}

func loadReal(t *testing.T) *Set {
	t.Helper()
	set, err := Load(realSpecs)
	require.NoError(t, err)
	return set
}

func TestRecordingFilesWalksDirectories(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.yaml", "sub/b.yml", "sub/c.har", "notes.txt", "sub/d.json"} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, nil, 0o644))
	}
	got, err := RecordingFiles([]string{dir, filepath.Join(dir, "a.yaml")})
	require.NoError(t, err)
	d := filepath.ToSlash(dir)
	assert.Equal(t, []string{d + "/a.yaml", d + "/sub/b.yml", d + "/sub/c.har"}, got)

	_, err = RecordingFiles([]string{filepath.Join(dir, "missing")})
	assert.ErrorContains(t, err, "missing")
	empty := t.TempDir()
	_, err = RecordingFiles([]string{empty})
	assert.ErrorContains(t, err, "holds no .yaml, .yml or .har files")
}

func TestReadRecordingByExtension(t *testing.T) {
	src, err := os.ReadFile("../contracttests/testdata/cloudapi/AttachPlugin.yaml")
	require.NoError(t, err)
	yml := filepath.Join(t.TempDir(), "AttachPlugin.yml")
	require.NoError(t, os.WriteFile(yml, src, 0o644))
	ixs, err := ReadRecording(yml)
	require.NoError(t, err, "a cassette may end in .yml")
	require.Len(t, ixs, 1)
	assert.Equal(t, "AttachPlugin", ixs[0].Header.Get("X-Acs-Action"))

	_, err = ReadRecording("notes.txt")
	assert.ErrorContains(t, err, "notes.txt: not a recording")
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("version: 1\n"), 0o644))
	_, err = ReadRecording(bad)
	assert.ErrorContains(t, err, bad+": not a go-vcr v4 cassette")
}

func TestV2SignedRPCFromHARConforms(t *testing.T) {
	set := loadReal(t)
	results, err := set.CheckRecording(mitmproxyHAR, Options{Strict: true})
	require.NoError(t, err)
	require.Len(t, results, 3)
	for _, r := range results {
		assert.Equal(t, "AttachPlugin", r.Operation, "routed by the Action query or form parameter")
		assert.Equal(t, "/", r.Path)
	}
	assert.Empty(t, results[0].Findings, "common parameters in the query are not findings")
	assert.Empty(t, results[1].Findings, "parameters in a form body count as the query's")
	require.Len(t, results[2].Findings, 1, "%v", results[2].Findings)
	f := results[2].Findings[0]
	assert.Equal(t, "query/PluginId", f.Pointer)
	assert.Equal(t, "required", f.Rule)
}

func TestFormParametersAreValidated(t *testing.T) {
	set := loadReal(t)
	ix := Interaction{Method: "POST", URL: "https://apigateway.cn-hangzhou.aliyuncs.com/",
		Header: map[string][]string{"Content-Type": {"application/x-www-form-urlencoded; charset=utf-8"}},
		Body:   []byte("Action=AttachPlugin&Version=2016-07-14&PluginId=p&StageName=PROD&Signature=x&Colour=red"),
		Status: 200, RespHeader: map[string][]string{"Content-Type": {"application/json"}}, RespBody: []byte(`{"RequestId":"r"}`)}
	found := set.Check(ix, Options{})
	require.Len(t, found, 1, "%v", found)
	assert.Equal(t, "query/StageName", found[0].Pointer)
	assert.Equal(t, "enum", found[0].Rule)

	strict := set.Check(ix, Options{Strict: true})
	require.Len(t, strict, 2, "%v", strict)
	assert.Equal(t, "query/Colour", strict[1].Pointer, "a business parameter the spec lacks is drift; Signature is not")
	assert.Equal(t, "undocumented", strict[1].Rule)
	assert.Regexp(t, `cloudapi-2016-07-14.yaml:\d+:\d+$`, strict[1].Schema)
}
