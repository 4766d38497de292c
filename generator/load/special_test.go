//go:build unix

package load

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/boundedfile/specialfiles"
	"github.com/acsgen/acsgen/internal/memprobe"
)

// A spec named by a symlink to /dev/zero or by a FIFO is refused without being
// read: the first would never end (and ran out of memory), the second would wait
// for a writer for ever. Nothing near the file's endless size is allocated.
func TestSpecialFilesAreNotSpecs(t *testing.T) {
	for kind, path := range specialfiles.Make(t, ".yaml") {
		t.Run(kind, func(t *testing.T) {
			var err error
			done := make(chan struct{})
			got := memprobe.Allocated(func() {
				go func() { defer close(done); _, err = File(path) }()
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					t.Fatalf("%s: still reading after 10 s", path)
				}
			})
			require.Error(t, err)
			assert.Contains(t, err.Error(), path+": not a regular file ("+kind+")")
			assert.Less(t, got, uint64(64<<10), "bytes allocated refusing %s", path)
		})
	}
}
