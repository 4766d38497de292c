package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// started runs a serving command in the background and returns its base URL, read
// from the address it prints, and a channel with its result.
func started(t *testing.T, run func(stdout, stderr io.Writer) error) (string, <-chan error) {
	t.Helper()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := run(pw, io.Discard)
		_ = pw.Close()
		done <- err
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	_, url, ok := strings.Cut(strings.TrimSpace(line), "listening on ")
	require.True(t, ok, "first line %q names the address", line)
	return url, done
}

// exitError turns a non-zero exit status into an error.
func exitError(code int) error {
	if code != exitOK {
		return fmt.Errorf("exit status %d", code)
	}
	return nil
}

func wait(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("the server did not stop")
		return nil
	}
}

func TestMockServesAndStopsGracefully(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	secret := filepath.Join(t.TempDir(), "secret")
	require.NoError(t, os.WriteFile(secret, []byte("cmd-test-secret\n"), 0o600))
	url, done := started(t, func(stdout, stderr io.Writer) error {
		return exitError(runContext(ctx, []string{"mock", "--addr", "127.0.0.1:0", "--spec", "../../spec",
			"--access-key-id", "LTAI5tCmdTestKey00000001", "--access-key-secret-file", secret}, stdout, stderr))
	})
	resp, err := http.Post(url+"/?Action=AttachPlugin&Version=2016-07-14&PluginId=p&StageName=TEST", "", nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 400, resp.StatusCode, "verification is on: an unsigned call is refused")
	assert.Contains(t, string(body), `"Code":"IncompleteSignature"`)
	cancel()
	assert.NoError(t, wait(t, done))
}

func TestRecordProxiesRecordsAndStopsOnSIGTERM(t *testing.T) {
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"RequestId":"r-1"}`)
	}))
	t.Cleanup(upstream.Close)
	out := t.TempDir()
	url, done := started(t, func(stdout, stderr io.Writer) error {
		return exitError(runContext(context.Background(), []string{"record", "--addr", "127.0.0.1:0", "--spec", "../../spec",
			"--upstream", upstream.URL, "--out", out}, stdout, stderr))
	})
	req, err := http.NewRequest("POST", url+"/?PluginId=p&StageName=TEST", nil)
	require.NoError(t, err)
	req.Header.Set("x-acs-action", "AttachPlugin")
	req.Header.Set("x-acs-version", "2016-07-14")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, `{"RequestId":"r-1"}`, string(body))
	files, err := filepath.Glob(filepath.Join(out, "cloudapi", "AttachPlugin_*.yaml"))
	require.NoError(t, err)
	assert.Len(t, files, 1)

	// The command's own handler catches the signal: the test process lives on.
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	assert.NoError(t, wait(t, done))
}

func TestMockAndRecordUsageErrors(t *testing.T) {
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "")
	for _, args := range [][]string{
		{"mock", "--no-such-flag"},
		{"mock", "stray"},
		{"mock", "--access-key-id", "only-an-id"},
		{"mock", "--recordings", "does/not/exist"},
		{"mock", "--spec", "does/not/exist.yaml"},
		{"mock", "--spec", "../../spec", "--addr", "not-an-address"},
		{"mock", "--spec", "../../spec", "--recordings", "../../generator"},
		{"record"},
		{"record", "--upstream", "https://apig.cn-hangzhou.aliyuncs.com"},
		{"record", "--out", "x"},
		{"record", "--upstream", "ftp://example.com", "--out", "x"},
		{"record", "--upstream", "https://apig.cn-hangzhou.aliyuncs.com", "--out", "x", "--max-body", "0"},
		{"record", "--upstream", "https://apig.cn-hangzhou.aliyuncs.com", "--out", "x", "--resign"},
		{"record", "--upstream", "https://apig.cn-hangzhou.aliyuncs.com", "--out", "x", "stray"},
	} {
		code, _, stderr := acsgen(t, args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, stderr)
		assert.Contains(t, stderr, "acsgen "+args[0]+": ", "%v must say what is wrong", args)
	}
}
