package load

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// diskFiles reads the other files of the spec at spec from disk. A file is read
// only when, symbolic links followed, it is still inside the spec's directory:
// a link in the tree must not lead out of it. The rest are the limits of spec
// files (readFile).
func diskFiles(spec string) func(string) ([]byte, error) {
	dir := filepath.FromSlash(path.Dir(spec))
	return func(file string) ([]byte, error) {
		name := filepath.FromSlash(file)
		real, err := filepath.EvalSymlinks(name)
		if err != nil {
			return nil, err
		}
		realDir, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return nil, err
		}
		if rel, err := filepath.Rel(realDir, real); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s is a symbolic link that leads outside the spec's directory tree", file)
		}
		return readFile(name)
	}
}

// digest is the hex SHA-256 of the spec's bytes and of each other file it reads,
// by path and in the order read, so that code generated from it changes digest
// whenever one of them changes. Line endings are normalised so that a checkout
// converting them (git autocrlf) does not make the spec look changed. A spec of
// one file hashes its bytes alone, as it always has.
func digest(data []byte, parts []*Locator) string {
	h := sha256.New()
	h.Write(normalised(data))
	for _, p := range parts {
		fmt.Fprintf(h, "\x00%s\x00", p.file)
		h.Write(normalised(p.src))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func normalised(data []byte) []byte {
	if !bytes.Contains(data, []byte("\r\n")) {
		return data // as it is, without two copies of the spec
	}
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}
