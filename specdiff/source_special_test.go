//go:build unix

package specdiff

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/boundedfile/specialfiles"
)

// acsgen diff reads its spec arguments as load reads specs: a FIFO or a symlink to
// /dev/zero is refused at once, not read (or waited on) for ever.
func TestReadRefusesSpecialFiles(t *testing.T) {
	for kind, path := range specialfiles.Make(t, ".yaml") {
		done := make(chan error, 1)
		go func() { _, err := Read(path, ""); done <- err }()
		select {
		case err := <-done:
			require.Error(t, err, kind)
			assert.Contains(t, err.Error(), "not a regular file ("+kind+")")
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10 s", path)
		}
	}
}
