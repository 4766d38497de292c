package contract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/memprobe"
)

// aliasCassette is a go-vcr v4 cassette of n interactions whose response bodies all
// alias one anchored string of size bytes.
func aliasCassette(n, size int) string {
	var b strings.Builder
	b.WriteString("---\nversion: 2\ninteractions:\n")
	for i := range n {
		body := "*big"
		if i == 0 {
			body = "&big " + strings.Repeat("x", size)
		}
		fmt.Fprintf(&b, "  - id: %d\n    request:\n      method: GET\n      url: http://h/\n    response:\n      code: 200\n      body: %s\n", i, body)
	}
	return b.String()
}

func TestCassetteAliasBombRefused(t *testing.T) {
	// 1 MiB on disk, 100 MiB once the aliases are expanded.
	file := filepath.Join(t.TempDir(), "bomb.yaml")
	data := aliasCassette(100, 1<<20)
	require.Less(t, len(data), MaxRecordingSize/32)
	require.NoError(t, os.WriteFile(file, []byte(data), 0o644))
	start := time.Now()
	var err error
	allocated := memprobe.Allocated(func() { _, err = ReadCassette(file) })
	require.Error(t, err)
	assert.Contains(t, err.Error(), file)
	assert.Contains(t, err.Error(), "aliases expand the cassette past the 67108864-byte recording limit")
	assert.Less(t, time.Since(start), 5*time.Second)
	// Refused from the parsed tree: a few times the file (BenchmarkCassetteAliases:
	// 9 MB), not the 100 MiB the aliases stand for.
	assert.Less(t, allocated, uint64(16*len(data)), "bytes allocated refusing a %d-byte cassette", len(data))

	// Nested aliases (a "billion laughs") are summed once per anchor, not walked.
	var b strings.Builder
	b.WriteString("---\nversion: 2\nx0: &a0 " + strings.Repeat("y", 64) + "\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, "x%d: &a%d [*a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1)
	}
	b.WriteString("interactions: []\n")
	require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o644))
	start = time.Now()
	_, err = ReadCassette(file)
	require.ErrorContains(t, err, "recording limit")
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestCassetteSmallAliasesAllowed(t *testing.T) {
	file := filepath.Join(t.TempDir(), "ok.yaml")
	require.NoError(t, os.WriteFile(file, []byte(aliasCassette(3, 100)), 0o644))
	ixs, err := ReadCassette(file)
	require.NoError(t, err)
	require.Len(t, ixs, 3)
	assert.Equal(t, strings.Repeat("x", 100), string(ixs[2].RespBody))
}
