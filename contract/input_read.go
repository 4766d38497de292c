package contract

import "github.com/acsgen/acsgen/internal/boundedfile"

// readBounded reads a recording named by the user: a regular file of at most
// MaxRecordingSize bytes (boundedfile says why the size alone is not enough).
func readBounded(path string) ([]byte, error) {
	return boundedfile.Read(path, MaxRecordingSize, "recording")
}
