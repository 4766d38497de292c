//go:build unix

package contract

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specialFiles makes, under names a recording could have, a FIFO with no writer
// (opening it would wait for ever), a symlink to /dev/zero (reading it never ends)
// and a directory.
func specialFiles(t *testing.T, ext string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo"+ext)
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	zero := filepath.Join(dir, "zero"+ext)
	require.NoError(t, os.Symlink("/dev/zero", zero))
	sub := filepath.Join(dir, "dir"+ext)
	require.NoError(t, os.Mkdir(sub, 0o755))
	return map[string]string{"a named pipe": fifo, "a character device": zero, "a directory": sub}
}

func TestSpecialFilesRefused(t *testing.T) {
	readers := map[string]func(string) ([]Interaction, error){
		".yaml": ReadCassette, ".har": ReadHAR,
	}
	for ext, read := range readers {
		for kind, path := range specialFiles(t, ext) {
			for name, f := range map[string]func(string) ([]Interaction, error){"direct": read, "ReadRecording": ReadRecording} {
				done := make(chan error, 1)
				go func() { _, err := f(path); done <- err }()
				select {
				case err := <-done:
					require.Error(t, err, "%s %s", name, path)
					assert.Contains(t, err.Error(), path)
					assert.Contains(t, err.Error(), "not a regular file ("+kind+")")
				case <-time.After(5 * time.Second):
					t.Fatalf("%s %s: still reading after 5s", name, path)
				}
			}
		}
	}
}
