//go:build unix

package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
)

const mockPlantedSecret = "mock-planted-secret-4f2e9a"

// A secret on the command line is readable by every user in ps: the mock refuses
// --access-key-secret with a reason, and never repeats the value.
func TestMockRefusesSecretOnCommandLine(t *testing.T) {
	for _, args := range [][]string{
		{"--access-key-id", "LTAIx", "--access-key-secret", mockPlantedSecret},
		{"--access-key-secret=" + mockPlantedSecret, "--access-key-id", "LTAIx"},
		{"--access-key-secret", mockPlantedSecret},
	} {
		code, stdout, stderr := acsgen(t, append([]string{"mock", "--spec", "../../spec"}, args...)...)
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.Empty(t, stdout)
		assert.Contains(t, stderr, "--access-key-secret is refused")
		assert.Contains(t, stderr, "ps")
		assert.Contains(t, stderr, "--access-key-secret-file")
		assert.NotContains(t, stderr, mockPlantedSecret)
	}
}

func TestMockSecretFileProblems(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	big := filepath.Join(dir, "big")
	require.NoError(t, os.WriteFile(big, make([]byte, maxSecretFile+1), 0o600))
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, []byte("\n"), 0o600))
	two := filepath.Join(dir, "two")
	require.NoError(t, os.WriteFile(two, []byte(mockPlantedSecret+"\nmore\n"), 0o600))
	zero := filepath.Join(dir, "zero")
	require.NoError(t, os.Symlink("/dev/zero", zero))
	for file, want := range map[string]string{
		fifo: "not a regular file", zero: "not a regular file", big: "exceeds the 4096-byte secret file limit",
		empty: "on one line", two: "on one line", filepath.Join(dir, "missing"): "no such file",
	} {
		done := make(chan [2]string, 1)
		go func() {
			_, _, stderr := acsgen(t, "mock", "--spec", "../../spec", "--access-key-id", "LTAIx", "--access-key-secret-file", file)
			done <- [2]string{stderr}
		}()
		select {
		case got := <-done:
			assert.Contains(t, got[0], file)
			assert.Contains(t, got[0], want)
			assert.NotContains(t, got[0], mockPlantedSecret)
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5s", file)
		}
	}

	code, _, stderr := acsgen(t, "mock", "--spec", "../../spec", "--access-key-id", "LTAIx")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--access-key-id and --access-key-secret-file go together")
	code, _, stderr = acsgen(t, "mock", "--spec", "../../spec", "--access-key-secret-file", two)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "go together")
}

// The secret read from the file is the one signatures are verified with.
func TestMockVerifiesWithSecretFile(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret")
	require.NoError(t, os.WriteFile(secret, []byte(mockPlantedSecret+"\r\n"), 0o600))
	ctx, cancel := context.WithCancel(context.Background())
	url, done := started(t, func(stdout, stderr io.Writer) error {
		return exitError(runContext(ctx, []string{"mock", "--addr", "127.0.0.1:0", "--spec", "../../spec",
			"--access-key-id", "LTAIfile", "--access-key-secret-file", secret}, stdout, stderr))
	})
	for s, want := range map[string]int{mockPlantedSecret: 200, "another-secret": 400} {
		req, err := http.NewRequest("POST", url+"/?Action=AttachPlugin&Version=2016-07-14&PluginId=p&StageName=TEST", nil)
		require.NoError(t, err)
		req.Header.Set("x-acs-action", "AttachPlugin")
		req.Header.Set("x-acs-version", "2016-07-14")
		acs.Signer{}.Sign(req, nil, acs.Credential{AccessKeyID: "LTAIfile", AccessKeySecret: s})
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		assert.Equal(t, want, resp.StatusCode, "signed with %s: %s", s, body)
	}
	cancel()
	assert.NoError(t, wait(t, done))
}
