//go:build unix

package mock_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/mock"
)

const attachCassette = "../contracttests/testdata/cloudapi/AttachPlugin.yaml"

// withStatus writes the committed AttachPlugin cassette with its status replaced.
func withStatus(t *testing.T, dir string, code int) string {
	t.Helper()
	src, err := os.ReadFile(attachCassette)
	require.NoError(t, err)
	text := strings.Replace(string(src), "\n        code: 200\n", fmt.Sprintf("\n        code: %d\n", code), 1)
	require.True(t, code == 200 || text != string(src), "the status line was found")
	file := filepath.Join(dir, "status.yaml")
	require.NoError(t, os.WriteFile(file, []byte(text), 0o644))
	return file
}

// net/http panics on WriteHeader(0), (-1), (99) and (1000), and a 101 leaves the
// client waiting: the mock refuses such recordings when it loads them.
func TestUnsendableRecordedStatusesRefused(t *testing.T) {
	for _, code := range []int{0, -1, 99, 100, 101, 103, 199, 600, 1000} {
		dir := t.TempDir()
		file := withStatus(t, dir, code)
		_, err := mock.New(specSet(t), mock.Options{Recordings: dir})
		require.Error(t, err, "status %d", code)
		assert.Contains(t, err.Error(), filepath.ToSlash(file)+"#0")
		assert.Contains(t, err.Error(), fmt.Sprintf("status %d cannot be replayed", code))
	}
	for _, code := range []int{200, 204, 404, 599} {
		dir := t.TempDir()
		withStatus(t, dir, code)
		_, err := mock.New(specSet(t), mock.Options{Recordings: dir})
		assert.NoError(t, err, "status %d", code)
	}
}

func TestHostileRecordingFilesRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	zero := filepath.Join(dir, "zero.yaml")
	require.NoError(t, os.Symlink("/dev/zero", zero))
	bomb := filepath.Join(dir, "bomb.yaml")
	var b strings.Builder
	b.WriteString("---\nversion: 2\ninteractions:\n")
	for i := range 80 {
		body := "*big"
		if i == 0 {
			body = "&big " + strings.Repeat("x", 1<<20)
		}
		fmt.Fprintf(&b, "  - id: %d\n    request: {method: GET, url: 'http://h/'}\n    response: {code: 200, body: %s}\n", i, body)
	}
	require.NoError(t, os.WriteFile(bomb, []byte(b.String()), 0o644))

	for path, want := range map[string]string{
		fifo: "neither a directory nor a regular file",
		zero: "neither a directory nor a regular file",
		bomb: "aliases expand the cassette past",
	} {
		done := make(chan error, 1)
		go func() { _, err := mock.New(specSet(t), mock.Options{Recordings: path}); done <- err }()
		select {
		case err := <-done:
			require.Error(t, err, path)
			assert.Contains(t, err.Error(), path)
			assert.Contains(t, err.Error(), want)
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still loading after 10s", path)
		}
	}
}

// A symlink named as the recordings directory is followed, and the files are
// named under the link as given.
func TestRecordingsThroughSymlinkedDirectory(t *testing.T) {
	// A bad status behind the link shows that the cassette was read, and where.
	dir := t.TempDir()
	withStatus(t, dir, 101)
	link := filepath.Join(t.TempDir(), "link")
	require.NoError(t, os.Symlink(dir, link))
	_, err := mock.New(specSet(t), mock.Options{Recordings: link})
	require.Error(t, err, "the cassette behind the link was read")
	assert.Contains(t, err.Error(), filepath.ToSlash(filepath.Join(link, "status.yaml"))+"#0")
}

// A cassette written from a darabonba/tea client keeps its lower-case header keys;
// the mock routes it by them all the same.
func TestRecordingWithLowerCaseHeaderKeysIsRouted(t *testing.T) {
	src, err := os.ReadFile(attachCassette)
	require.NoError(t, err)
	text := strings.NewReplacer("X-Acs-Action:", "x-acs-action:", "X-Acs-Version:", "x-acs-version:").Replace(string(src))
	// The URL has no Action: only the header can route it.
	require.Contains(t, text, "x-acs-action:")
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "lower.yaml"), []byte(text), 0o644))
	_, err = mock.New(specSet(t), mock.Options{Recordings: dir})
	require.NoError(t, err)
}
