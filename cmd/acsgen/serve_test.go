package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
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

// limitedServer runs serveWith with tiny limits; its handler reads the whole
// body and reports how that went.
func limitedServer(t *testing.T) (addr string, bodyErr <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 16)
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := io.ReadAll(r.Body)
		errs <- err
		_, _ = io.WriteString(w, "ok")
	})
	ln, err := listen("127.0.0.1:0")
	require.NoError(t, err)
	limits := serverLimits{readHeader: time.Second, read: 300 * time.Millisecond, write: 2 * time.Second,
		idle: 300 * time.Millisecond, maxHeader: 4 << 10}
	url, done := started(t, func(stdout, _ io.Writer) error {
		return serveWith(ctx, ln, "mock", handler, limits, stdout)
	})
	t.Cleanup(func() {
		cancel()
		assert.NoError(t, wait(t, done))
	})
	return strings.TrimPrefix(url, "http://"), errs
}

// closedWithin reads conn to its end and reports how long the server took to
// close it, failing if it is still open after limit.
func closedWithin(t *testing.T, conn net.Conn, limit time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	require.NoError(t, conn.SetReadDeadline(start.Add(limit)))
	_, err := io.Copy(io.Discard, conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("the server still holds the connection after %v", limit)
	}
	return time.Since(start)
}

func TestServeCutsOffSlowBodies(t *testing.T) {
	addr, bodyErr := limitedServer(t)
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "POST / HTTP/1.1\r\nHost: mock\r\nContent-Length: 1000\r\n\r\n")
	require.NoError(t, err)
	go func() { // one byte every 50 ms: the body would take 50 s
		for {
			if _, err := conn.Write([]byte("x")); err != nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	took := closedWithin(t, conn, 5*time.Second)
	assert.Less(t, took, 2*time.Second, "cut off near the 300 ms read timeout")
	select {
	case err := <-bodyErr:
		assert.Error(t, err, "the handler's body read fails at the deadline")
	case <-time.After(time.Second):
		t.Fatal("the handler never finished reading")
	}
}

func TestServeClosesIdleConnections(t *testing.T) {
	addr, _ := limitedServer(t)
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "GET / HTTP/1.1\r\nHost: mock\r\n\r\n")
	require.NoError(t, err)
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, "ok", string(body))
	// The connection is kept alive, then idle: the server closes it.
	start := time.Now()
	require.NoError(t, conn.SetReadDeadline(start.Add(5*time.Second)))
	_, err = br.ReadByte()
	var ne net.Error
	require.False(t, errors.As(err, &ne) && ne.Timeout(), "the server still holds the idle connection after 5 s")
	assert.ErrorIs(t, err, io.EOF)
	assert.Less(t, time.Since(start), 2*time.Second, "closed near the 300 ms idle timeout")
}

func TestServeRefusesHugeHeaders(t *testing.T) {
	addr, _ := limitedServer(t)
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	// The server may answer before it has read everything: a write error is fine.
	_, _ = fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: mock\r\nX-Big: %s\r\n\r\n", strings.Repeat("a", 64<<10))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)
}

func TestServeLimitsAreSet(t *testing.T) {
	for name, l := range map[string]serverLimits{"mock": mockLimits, "record": recordLimits} {
		assert.Positive(t, l.readHeader, name)
		assert.Positive(t, l.read, name)
		assert.Positive(t, l.write, name)
		assert.Positive(t, l.idle, name)
		assert.Positive(t, l.maxHeader, name)
		assert.LessOrEqual(t, l.read, time.Minute, name)
		assert.LessOrEqual(t, l.idle, 2*time.Minute, name)
	}
}
