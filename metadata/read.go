package metadata

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/acsgen/acsgen/internal/boundedfile"
)

// MaxFileSize bounds what ReadFile reads; the largest product's metadata is a few
// megabytes.
const MaxFileSize = 64 << 20

// ReadFile reads and parses one api-docs.json: a regular file of at most
// MaxFileSize bytes (a FIFO or /dev/zero is refused, not read).
func ReadFile(path string) (*Doc, error) {
	data, err := boundedfile.Read(path, MaxFileSize, "metadata")
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse parses the metadata in data; name is the file named in errors, which
// carry the line and column of a syntax error and the key path of a value of the
// wrong type.
func Parse(name string, data []byte) (*Doc, error) {
	var doc Doc
	err := json.Unmarshal(data, &doc)
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		line, col := lineCol(data, syntax.Offset)
		return nil, fmt.Errorf("%s:%d:%d: %v", name, line, col, syntax)
	case err != nil:
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if doc.Info.Product == "" || doc.Info.Version == "" {
		return nil, fmt.Errorf("%s: info.product and info.version are required; is this an api-docs.json?", name)
	}
	if doc.Info.Style != "RPC" && doc.Info.Style != "ROA" {
		return nil, fmt.Errorf("%s: info.style %q is neither RPC nor ROA", name, doc.Info.Style)
	}
	return &doc, nil
}

// lineCol turns a byte offset (as json.SyntaxError counts it: the bytes read when
// the error was found) into a 1-based line and column.
func lineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset > 0 {
		offset-- // the offending byte itself
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}
