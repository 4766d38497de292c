package contract

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
)

// MaxRecordingSize bounds the size of one recording file; a larger file is refused
// rather than read into memory.
const MaxRecordingSize = 64 << 20

// ReadCassette reads a go-vcr v4 cassette.
func ReadCassette(path string) ([]Interaction, error) {
	data, err := readBounded(path)
	if err != nil {
		return nil, err
	}
	if err := checkExpansion(path, data); err != nil {
		return nil, err
	}
	// go-vcr names cassettes without their ".yaml"; serving the bytes already read
	// through its FS hook also admits ".yml" files.
	c, err := cassette.LoadWithFS("cassette", cassetteBytes(data))
	if err != nil {
		return nil, fmt.Errorf("%s: not a go-vcr v4 cassette: %w", path, err)
	}
	out := make([]Interaction, 0, len(c.Interactions))
	for i, in := range c.Interactions {
		if in == nil {
			return nil, fmt.Errorf("%s: interaction %d is empty", path, i)
		}
		if _, err := url.Parse(in.Request.URL); err != nil {
			// url.Error repeats the whole URL, query credentials included.
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return nil, fmt.Errorf("%s: interaction %d: request URL %q does not parse: %v", path, i, withoutQuery(in.Request.URL), err)
		}
		out = append(out, Interaction{
			Method: in.Request.Method, URL: in.Request.URL, Header: in.Request.Headers, Body: []byte(in.Request.Body),
			Status: in.Response.Code, RespHeader: in.Response.Headers, RespBody: []byte(in.Response.Body),
		})
	}
	return out, nil
}

// withoutQuery is a URL for an error message: its query can carry V2 credentials
// (Signature, SecurityToken), so only what comes before it is shown.
func withoutQuery(raw string) string {
	if before, _, ok := strings.Cut(raw, "?"); ok {
		return before + "?…"
	}
	return raw
}

// cassetteBytes is a read-only cassette.FS holding one file.
type cassetteBytes []byte

func (b cassetteBytes) ReadFile(string) ([]byte, error) { return b, nil }
func (b cassetteBytes) WriteFile(string, []byte) error {
	return errors.New("recordings are read-only here")
}
func (b cassetteBytes) IsFileExists(string) bool { return true }
