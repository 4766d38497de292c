package main

import (
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Without --spec the commands read spec/; run elsewhere, they say so plainly.
func TestNoSpecDirectory(t *testing.T) {
	recordings, err := filepath.Abs(cassetteDir + "/apig")
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"lint"},
		{"generate", "--check"},
		{"docs", "--check"},
		{"contract", recordings},
		{"mock", "--addr", "127.0.0.1:0"},
		{"record", "--upstream", "https://apig.cn-hangzhou.aliyuncs.com", "--out", "rec", "--addr", "127.0.0.1:0"},
	} {
		code, stdout, stderr := acsgen(t, args...)
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.Empty(t, stdout, "%v", args)
		assert.Equal(t, "acsgen "+args[0]+": no spec/ directory in the current directory; pass --spec, or run from the project root\n", stderr)
	}
}

func TestSpecDirectoryIsTheDefault(t *testing.T) {
	src, err := os.ReadFile(caseSpec)
	require.NoError(t, err)
	t.Chdir(t.TempDir())
	require.NoError(t, os.Mkdir("spec", 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("spec", "rpcmulti.yaml"), src, 0o644))
	code, _, stderr := acsgen(t, "lint")
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "1 spec(s) OK\n", stderr)
}

// Errors that are not the command line's (a missing file, unreadable input, a
// port in use) print one line, without the pointer to usage, and exit 2.
func TestErrorsThatAreNotUsageErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	busy := ln.Addr().String()
	bad := filepath.Join(t.TempDir(), "cut.har")
	require.NoError(t, os.WriteFile(bad, []byte(`{"log":{"entries":[{"request":{"method":"GET","url":"https://x/"}}]}}`), 0o644))
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "")

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"generate", "--spec", "does/not/exist.yaml"}, "spec does/not/exist.yaml: no such file or directory"},
		{[]string{"lint", "--spec", "does/not/exist.yaml"}, "spec does/not/exist.yaml: no such file or directory"},
		{[]string{"contract", "--spec", specDir, "does/not/exist.har"}, "does/not/exist.har"},
		{[]string{"contract", "--spec", specDir, bad}, bad + ": log.entries[0]: no response"},
		{[]string{"diff", "does/not/exist.yaml", "missing.yaml"}, "does/not/exist.yaml"},
		{[]string{"mock", "--spec", specDir, "--addr", busy}, "--addr: listen tcp " + busy},
		{[]string{"mock", "--spec", specDir, "--recordings", "does/not/exist"}, "--recordings: "},
		{[]string{"record", "--spec", specDir, "--upstream", "https://apig.cn-hangzhou.aliyuncs.com", "--out", t.TempDir(), "--addr", busy}, "--addr: listen tcp " + busy},
		{[]string{"record", "--spec", specDir, "--upstream", "https://apig.cn-hangzhou.aliyuncs.com", "--out", t.TempDir(), "--resign"}, "--resign needs"},
	} {
		code, stdout, stderr := acsgen(t, tc.args...)
		assert.Equal(t, exitUsage, code, "%v: %s", tc.args, stderr)
		assert.Empty(t, stdout, "%v", tc.args)
		assert.True(t, strings.HasPrefix(stderr, "acsgen "+tc.args[0]+": "), "%v: %s", tc.args, stderr)
		assert.Contains(t, stderr, tc.want, "%v", tc.args)
		assert.Equal(t, 1, strings.Count(stderr, "\n"), "%v: one line:\n%s", tc.args, stderr)
		assert.NotContains(t, stderr, "usage", "%v", tc.args)
	}
}

// Usage errors point to the command's help.
func TestUsageErrorsPointToHelp(t *testing.T) {
	for _, args := range [][]string{
		{"generate", "stray"},
		{"contract", "--spec", specDir},
		{"contract", "--spec", specDir, "--format", "sarif", harDir},
		{"diff", "only-one.yaml"},
		{"mock", "--access-key-id", "only-an-id"},
		{"record", "--out", "x"},
		{"sign", "--method", "GET"},
	} {
		code, _, stderr := acsgen(t, args...)
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.True(t, strings.HasPrefix(stderr, "acsgen "+args[0]+": "), "%v: %s", args, stderr)
		assert.True(t, strings.HasSuffix(stderr, "\nrun 'acsgen help "+args[0]+"' for usage\n"), "%v: %s", args, stderr)
		assert.Equal(t, 2, strings.Count(stderr, "\n"), "%v:\n%s", args, stderr)
		assert.NotContains(t, stderr, "usage:", "%v: the message carries no label", args)
	}
}

// A --package Go refuses (a keyword, main) is a usage error naming the flag,
// before any spec is read.
func TestPackageFlagMustNameAPackage(t *testing.T) {
	for _, name := range []string{"type", "main", "Foo"} {
		code, _, stderr := acsgen(t, "generate", "--spec", caseSpec, "--out", t.TempDir(), "--package", name)
		assert.Equal(t, exitUsage, code, name)
		assert.True(t, strings.HasPrefix(stderr, "acsgen generate: --package "+strconv.Quote(name)+" "), stderr)
	}
}
