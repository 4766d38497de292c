//go:build unix

// Package specialfiles makes, for tests, the files a reader of user-named files
// must refuse without reading: a FIFO with no writer (opening it waits for ever), a
// symlink to /dev/zero (reading it never ends) and a directory.
package specialfiles

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Make creates them in a temporary directory, each named with ext (".yaml"), and
// returns their paths keyed by the kind boundedfile.Kind names.
func Make(t testing.TB, ext string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo"+ext)
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero"+ext)
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "dir"+ext)
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"a named pipe": fifo, "a character device": zero, "a directory": sub}
}
