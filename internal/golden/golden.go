// Package golden compares test output with files kept in the repository, and
// rewrites them when a test runs with -update.
package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Compare checks got against the file at path, or writes got there when update is set.
// rerun is the command that regenerates the file, shown on a mismatch.
func Compare(t testing.TB, path string, got []byte, update bool, rerun string) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v\nrerun: %s", path, err, rerun)
	}
	assert.Equal(t, string(want), string(got), "%s differs from the golden file\nrerun: %s", path, rerun)
}
