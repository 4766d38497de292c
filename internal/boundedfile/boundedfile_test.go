//go:build unix

package boundedfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/boundedfile/specialfiles"
)

// What is not a regular file is refused without being opened or read: a FIFO
// with no writer (opening it waits for ever), a symlink to /dev/zero (reading it
// never ends) and a directory.
func TestSpecialFilesRefused(t *testing.T) {
	for kind, path := range specialfiles.Make(t, "") {
		done := make(chan error, 1)
		go func() { _, err := Read(path, 1<<20, "test"); done <- err }()
		select {
		case err := <-done:
			require.Error(t, err, path)
			assert.Equal(t, path+": not a regular file ("+kind+")", err.Error())
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5s", path)
		}
	}
}

func TestReadStopsAtTheLimit(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f")
	require.NoError(t, os.WriteFile(file, make([]byte, 11), 0o644))
	_, err := Read(file, 10, "recording")
	assert.EqualError(t, err, file+": 11 bytes exceeds the 10-byte recording limit")
	data, err := Read(file, 11, "recording")
	require.NoError(t, err)
	assert.Len(t, data, 11)
	_, err = Read(filepath.Join(t.TempDir(), "missing"), 10, "recording")
	assert.ErrorIs(t, err, os.ErrNotExist)
}
