//go:build unix

package boundedfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/boundedfile/specialfiles"
	"github.com/acsgen/acsgen/internal/memprobe"
)

// What is not a regular file is refused without being opened or read: a FIFO
// with no writer (opening it waits for ever), a symlink to /dev/zero (reading it
// never ends) and a directory. The refusal allocates its error and little else
// (BenchmarkReadSpecialFiles: 416 bytes), where reading /dev/zero up to the
// limit would allocate the limit and more.
//
// The allocation is the process's, so what the runtime and other goroutines
// allocate meanwhile counts too; the least of five refusals is the refusal's.
func TestSpecialFilesRefused(t *testing.T) {
	for kind, path := range specialfiles.Make(t, "") {
		least := uint64(1) << 63
		for range 5 {
			done := make(chan error, 1)
			allocated := memprobe.Allocated(func() {
				go func() { _, err := Read(path, 1<<20, "test"); done <- err }()
				select {
				case err := <-done:
					require.Error(t, err, path)
					assert.Equal(t, path+": not a regular file ("+kind+")", err.Error())
				case <-time.After(5 * time.Second):
					t.Fatalf("%s: still reading after 5s", path)
				}
			})
			least = min(least, allocated)
		}
		assert.Less(t, least, uint64(4<<10), "bytes allocated refusing %s", kind)
	}
}

// BenchmarkReadSpecialFiles reports what refusing each kind of special file
// costs (B/op), against a 1 MiB limit.
//
//	go test -run '^$' -bench BenchmarkReadSpecialFiles -benchmem ./internal/boundedfile
func BenchmarkReadSpecialFiles(b *testing.B) {
	for kind, path := range specialfiles.Make(b, "") {
		b.Run(strings.ReplaceAll(kind, " ", "-"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(path, 1<<20, "test"); err == nil {
					b.Fatal("read")
				}
			}
		})
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
