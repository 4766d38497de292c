package contract

import (
	"fmt"
	"os"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// MaxRecordingSize bounds the size of one recording file; a larger file is refused
// rather than read into memory.
const MaxRecordingSize = 64 << 20

// ReadCassette reads a go-vcr v4 cassette.
func ReadCassette(path string) ([]Interaction, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxRecordingSize {
		return nil, fmt.Errorf("%s: %d bytes exceeds the %d-byte recording limit", path, info.Size(), MaxRecordingSize)
	}
	c, err := cassette.Load(strings.TrimSuffix(path, ".yaml"))
	if err != nil {
		return nil, fmt.Errorf("%s: not a go-vcr v4 cassette: %w", path, err)
	}
	out := make([]Interaction, 0, len(c.Interactions))
	for i, in := range c.Interactions {
		if in == nil {
			return nil, fmt.Errorf("%s: interaction %d is empty", path, i)
		}
		out = append(out, Interaction{
			Method: in.Request.Method, URL: in.Request.URL, Header: in.Request.Headers, Body: []byte(in.Request.Body),
			Status: in.Response.Code, RespHeader: in.Response.Headers, RespBody: []byte(in.Response.Body),
		})
	}
	return out, nil
}

// CheckFile checks every interaction of a cassette.
func (s *Set) CheckFile(path string, opts Options) ([]Finding, int, error) {
	ixs, err := ReadCassette(path)
	if err != nil {
		return nil, 0, err
	}
	var out []Finding
	for i, ix := range ixs {
		for _, f := range s.Check(ix, opts) {
			f.Recording, f.Entry = path, i
			out = append(out, f)
		}
	}
	return out, len(ixs), nil
}
