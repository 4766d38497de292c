package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
)

const (
	specDir     = "../../spec"
	harDir      = "../../contract/testdata/har"
	cassetteDir = "../../contracttests/testdata"
)

func TestContractConformingRecordingsExitZero(t *testing.T) {
	code, stdout, stderr := acsgen(t, "contract", "--spec", specDir, "--strict",
		cassetteDir+"/apig", cassetteDir+"/cloudapi")
	assert.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout)
	// Every conforming body is compiled code's.
	var files, n int
	for _, dir := range []string{"apig", "cloudapi"} {
		paths, err := filepath.Glob(filepath.Join(cassetteDir, dir, "*.yaml"))
		require.NoError(t, err)
		for _, p := range paths {
			ixs, err := contract.ReadCassette(p)
			require.NoError(t, err)
			n += len(ixs)
		}
		files += len(paths)
	}
	require.Greater(t, n, files, "the lifecycle session holds several interactions")
	assert.Contains(t, stderr, fmt.Sprintf("%d interaction(s) in %d recording(s), 0 finding(s); %d response body(ies) checked by compiled validators", n, files, n))
}

func TestContractCompiledChecksCanBeTurnedOff(t *testing.T) {
	code, _, stderr := acsgen(t, "contract", "--spec", specDir, "--compiled=false", cassetteDir+"/apig")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "0 finding(s)")
	assert.NotContains(t, stderr, "compiled")

	code, stdout, _ := acsgen(t, "contract", "--spec", specDir, "--format", "json", cassetteDir+"/apig")
	assert.Equal(t, exitOK, code)
	var doc struct {
		Summary struct{ Interactions, Compiled int } `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Positive(t, doc.Summary.Compiled)
	assert.LessOrEqual(t, doc.Summary.Compiled, doc.Summary.Interactions)
}

func TestContractFindingsInEveryFormat(t *testing.T) {
	code, stdout, stderr := acsgen(t, "contract", "--spec", specDir, "--strict", harDir)
	assert.Equal(t, exitFindings, code, stderr)
	assert.Contains(t, stdout, "browser.har#3 request: no spec declares GET /favicon.ico [route]\n")
	assert.Contains(t, stderr, "7 interaction(s) in 2 recording(s), 6 finding(s)")

	code, stdout, _ = acsgen(t, "contract", "--spec", specDir, "--format", "json", harDir)
	assert.Equal(t, exitFindings, code)
	var doc struct {
		Summary struct{ Findings int } `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
	assert.Equal(t, 3, doc.Summary.Findings, "without --strict the undocumented properties and the open enum's new value are not findings")

	code, stdout, _ = acsgen(t, "contract", "--spec", specDir, "--format", "junit", harDir)
	assert.Equal(t, exitFindings, code)
	var suites struct {
		Tests int `xml:"tests,attr"`
	}
	require.NoError(t, xml.Unmarshal([]byte(stdout), &suites))
	assert.Equal(t, 7, suites.Tests)

	code, stdout, _ = acsgen(t, "contract", "--spec", specDir, "--format", "github", harDir)
	assert.Equal(t, exitFindings, code)
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		assert.True(t, strings.HasPrefix(l, "::error file="), l)
	}
}

func TestContractCoverage(t *testing.T) {
	code, stdout, stderr := acsgen(t, "contract", "--spec", specDir, "--coverage", cassetteDir+"/cloudapi")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "coverage of ../../spec/cloudapi-2016-07-14.yaml\n  AttachPlugin: 1 call(s)\n    statuses seen: 200 x1\n    statuses never seen: 4XX, 5XX\n")
	assert.Contains(t, stdout, "coverage of ../../spec/apig-2024-03-27.yaml\n  CreatePluginAttachment: never called\n")
	assert.Contains(t, stdout, "\n  GetPluginAttachment: never called\n")

	// junit keeps stdout XML; coverage goes to stderr.
	code, stdout, stderr = acsgen(t, "contract", "--spec", specDir, "--coverage", "--format", "junit", cassetteDir+"/cloudapi")
	assert.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, stdout, "coverage of")
	assert.Contains(t, stderr, "AttachPlugin: 1 call(s)")
}

func TestContractSuggest(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "suggest.yaml")
	code, _, stderr := acsgen(t, "contract", "--spec", specDir, "--strict", "--suggest", file, harDir)
	assert.Equal(t, exitFindings, code, stderr)
	want, err := os.ReadFile("../../contract/testdata/golden/suggest-apig.yaml")
	require.NoError(t, err)
	got, err := os.ReadFile(file)
	require.NoError(t, err)
	// The golden was made from the contract package, whose paths are one level up.
	assert.Equal(t, strings.ReplaceAll(string(want), "testdata/har/", "../../contract/testdata/har/"),
		strings.ReplaceAll(string(got), "../../spec/", "../spec/"))

	// Suggestions for two specs go to two files named after the specs.
	har := filepath.Join(dir, "prod.har")
	require.NoError(t, os.WriteFile(har, []byte(`{"log":{"entries":[{
		"request":{"method":"POST","url":"https://apigateway.cn-hangzhou.aliyuncs.com/?Action=AttachPlugin&Version=2016-07-14&PluginId=p&StageName=PROD","headers":[]},
		"response":{"status":200,"headers":[{"name":"Content-Type","value":"application/json"}],"content":{"size":17,"text":"{\"RequestId\":\"r\"}"}}}]}}`), 0o644))
	code, _, stderr = acsgen(t, "contract", "--spec", specDir, "--suggest", file, harDir, har)
	assert.Equal(t, exitFindings, code, stderr)
	assert.FileExists(t, filepath.Join(dir, "suggest.apig-2024-03-27.yaml"))
	assert.FileExists(t, filepath.Join(dir, "suggest.cloudapi-2016-07-14.yaml"))

	code, _, stderr = acsgen(t, "contract", "--spec", specDir, "--suggest", filepath.Join(dir, "none.yaml"), cassetteDir+"/cloudapi")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "no spec changes to suggest")
	assert.NoFileExists(t, filepath.Join(dir, "none.yaml"))
}

func TestContractUnreadableInputExitsTwo(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "cut.har")
	require.NoError(t, os.WriteFile(bad, []byte(`{"log":{"entries":[{"request":{"method":"GET","url":"https://x/"}}]}}`), 0o644))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "sarif", harDir}, `unknown --format "sarif"`},
		{[]string{"does/not/exist.har"}, "does/not/exist.har"},
		{[]string{bad}, bad + ": log.entries[0]: no response"},
		{[]string{"--spec", "../../generator/testdata/errors/invalid.yaml", harDir}, "the specs have problems"},
	} {
		code, stdout, stderr := acsgen(t, append([]string{"contract", "--spec", specDir}, tc.args...)...)
		assert.Equal(t, exitUsage, code, "%v", tc.args)
		assert.Contains(t, stderr, tc.want)
		assert.Empty(t, stdout)
	}
}

func TestProgressOnlyOnTerminals(t *testing.T) {
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer w.Close()
	assert.False(t, isTerminal(w), "a pipe is not a terminal")
	assert.False(t, isTerminal(&bytes.Buffer{}))
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		defer null.Close()
		assert.True(t, isTerminal(null), "character devices count as terminals")
	}

	var b bytes.Buffer
	p := &progress{w: &b, total: 2, enabled: true}
	p.step("a.har")
	p.step("b.yaml")
	p.done()
	assert.Equal(t, "\r\033[K[1/2] a.har\r\033[K[2/2] b.yaml\r\033[K", b.String())

	code, _, stderr := acsgen(t, "contract", "--spec", specDir, cassetteDir+"/apig")
	assert.Equal(t, exitOK, code)
	assert.NotContains(t, stderr, "\r", "no progress when stderr is not a terminal")
}

// Recordings without a single interaction check nothing; passing them would be
// a false pass in CI.
func TestContractWithoutInteractionsExitsTwo(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"braces.yaml":    "{}\n",
		"empty.yml":      "interactions: []\n",
		"versioned.yaml": "version: 2\ninteractions: []\n",
		"empty.har":      `{"log":{"entries":[]}}`,
	}
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	for _, tc := range []struct {
		args []string
		n    int
	}{
		{[]string{filepath.Join(dir, "braces.yaml")}, 1},
		{[]string{filepath.Join(dir, "empty.yml")}, 1},
		{[]string{filepath.Join(dir, "empty.har"), "--format", "junit"}, 1},
		{[]string{dir}, len(files)},
	} {
		code, stdout, stderr := acsgen(t, append([]string{"contract", "--spec", specDir}, tc.args...)...)
		assert.Equal(t, exitUsage, code, "%v: %s", tc.args, stderr)
		assert.Empty(t, stdout, "%v: no report", tc.args)
		assert.Equal(t, fmt.Sprintf("acsgen contract: no interactions in the given recordings (%d file(s)): nothing was checked\n", tc.n), stderr)
	}

	// A directory without any recording file stops earlier, as unreadable input.
	code, _, stderr := acsgen(t, "contract", "--spec", specDir, t.TempDir())
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "holds no .yaml, .yml or .har files")

	// One interaction among empty files is a check.
	code, _, stderr = acsgen(t, "contract", "--spec", specDir, dir, cassetteDir+"/apig")
	assert.Equal(t, exitOK, code, stderr)
}
