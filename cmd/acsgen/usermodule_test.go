package main

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/gomodtest"
)

// The credentials of the user's program, the mock that verifies its signatures and
// the recorder that signs again for the mock. The secret must appear in no file
// the run writes.
const (
	e2eKeyID  = "LTAIe2eUserModule01"
	e2eSecret = "e2e-secret-never-on-disk"
)

// TestUserModuleEndToEnd plays a team's own project: a Go module of its own with
// an acsgen.yaml and two spec files of one product (testdata/userproj), driven by
// go generate (acsgen as a tool of the module) and then the built binary, as the
// README tells a user to. It generates into
// internal/acsapi, builds and vets the module (so the generated examples compile),
// writes docs that name the module's import path, then runs the user's program
// against the mock through the recorder and checks the recording with contract.
func TestUserModuleEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds acsgen and a module with the go command")
	}
	bin := filepath.Join(t.TempDir(), "acsgen")
	_, err := gomodtest.Go(".", "build", "-o", bin, ".")
	require.NoError(t, err)

	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS("testdata/userproj")))
	require.NoError(t, gomodtest.Write(dir, "example.com/userproj", "../.."))
	env := append(os.Environ(), "ALIBABA_CLOUD_ACCESS_KEY_ID="+e2eKeyID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET="+e2eSecret)
	acsgen := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		cmd.Dir, cmd.Env = dir, env
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode(), stdout.String(), stderr.String()
		}
		require.NoError(t, err)
		return 0, stdout.String(), stderr.String()
	}

	// As the README says: acsgen as a tool of the module, run by go generate.
	gomod, err := os.OpenFile(filepath.Join(dir, "go.mod"), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = gomod.WriteString("\ntool github.com/acsgen/acsgen/cmd/acsgen\n")
	require.NoError(t, errors.Join(err, gomod.Close()))
	out, err := gomodtest.Go(dir, "generate", "./...")
	require.NoError(t, err)
	assert.Contains(t, string(out), "spec/things-get.yaml, spec/things-list.yaml → internal/acsapi/things (9 files)\n")
	assert.FileExists(t, filepath.Join(dir, "docs/api/things/GetThing.md"))

	code, stdout, stderr := acsgen("generate")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, "spec/things-get.yaml, spec/things-list.yaml → internal/acsapi/things (9 files)\n", stdout)
	_, err = gomodtest.Go(dir, "vet", "./...")
	require.NoError(t, err)
	_, err = gomodtest.Go(dir, "test", "./...") // compiles ExampleClient_GetThing and _ListThings
	require.NoError(t, err)

	code, _, stderr = acsgen("docs")
	require.Equal(t, exitOK, code, stderr)
	for _, op := range []string{"GetThing", "ListThings"} {
		page, err := os.ReadFile(filepath.Join(dir, "docs/api/things", op+".md"))
		require.NoError(t, err)
		assert.Contains(t, string(page), "func ExampleClient_"+op+"()", "the generated example is on the page")
		assert.Contains(t, string(page), `"example.com/userproj/internal/acsapi/things"`)
		assert.NotContains(t, string(page), "github.com/acsgen/acsgen/generated")
	}
	for _, check := range [][]string{{"generate", "--check"}, {"docs", "--check"}, {"lint"}} {
		code, _, stderr = acsgen(check...)
		assert.Equal(t, exitOK, code, "%v: %s", check, stderr)
	}

	// The user's program calls the mock through the recorder, which signs again
	// for the mock's host; the mock verifies every signature.
	mockURL := startServer(t, dir, env, bin, "mock", "--addr", "127.0.0.1:0")
	recURL := startServer(t, dir, env, bin, "record", "--upstream", mockURL, "--out", "recordings", "--addr", "127.0.0.1:0", "--resign")
	cmd := exec.Command("go", "run", "./cmd/call", recURL)
	cmd.Dir, cmd.Env = dir, append(env, "GOFLAGS=-mod=readonly", "GOWORK=off")
	out, err = cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "thing first\nlisted 1\n")
	assert.Contains(t, string(out), "refused: things: ListThings: request: /owner: required parameter is missing")

	code, stdout, stderr = acsgen("contract", "recordings", "--strict")
	assert.Equal(t, exitOK, code, "%s%s", stdout, stderr)
	assert.Contains(t, stderr, "2 interaction(s) in 2 recording(s), 0 finding(s)", "the refused call never reached the wire")
	assertNoSecret(t, dir)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.yaml"), []byte("{}\n"), 0o644))
	code, _, stderr = acsgen("contract", "empty.yaml")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "no interactions in the given recordings (1 file(s)): nothing was checked")

	code, stdout, _ = acsgen("--version")
	assert.Equal(t, exitOK, code)
	assert.True(t, strings.HasPrefix(stdout, "acsgen "), stdout)
}

// startServer runs acsgen mock or record in dir until the test ends and returns
// the URL it prints when it listens. The rest of its output is left unread: it
// prints only a line when it stops.
func startServer(t *testing.T, dir string, env []string, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Env = dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	})
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			if _, url, ok := strings.Cut(sc.Text(), "listening on "); ok {
				lines <- url
				return
			}
		}
		lines <- "" // the process ended (or closed its output) without listening
	}()
	select {
	case url := <-lines:
		if url == "" {
			t.Fatalf("acsgen %s ended without listening: %s", args[0], stderr.String())
		}
		return url
	case <-time.After(60 * time.Second):
		t.Fatalf("acsgen %s did not start listening: %s", args[0], stderr.String())
		return ""
	}
}

// assertNoSecret fails if the access key secret appears in any file under dir.
func assertNoSecret(t *testing.T, dir string) {
	t.Helper()
	n := 0
	require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		assert.NotContains(t, string(data), e2eSecret, "%s holds the secret", path)
		return nil
	}))
	require.Positive(t, n)
}
