//go:build unix

package contract

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/boundedfile/specialfiles"
)

func TestSpecialFilesRefused(t *testing.T) {
	readers := map[string]func(string) ([]Interaction, error){
		".yaml": ReadCassette, ".har": ReadHAR,
	}
	for ext, read := range readers {
		for kind, path := range specialfiles.Make(t, ext) {
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
