package contract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v4"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"

	"github.com/acsgen/acsgen/internal/boundedfile"
)

// MaxRecordingSize bounds the size of one cassette file, and of one entry of a
// HAR file; a larger one is refused rather than read into memory.
const MaxRecordingSize = 64 << 20

// ReadCassette reads a go-vcr v4 cassette.
func ReadCassette(path string) ([]Interaction, error) {
	var out []Interaction
	sized := func(n int) { out = make([]Interaction, 0, n) }
	err := readCassette(path, sized, func(_ int, ix Interaction) error {
		out = append(out, ix)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachCassette reads a go-vcr v4 cassette and calls fn with each interaction.
// The file is read into memory once (it is at most MaxRecordingSize), and what
// go-vcr itself writes is read from that text by fastCassette. Anything else
// goes to yamlCassette, go-vcr's own YAML package. Neither keeps any of the
// text, which is read into a buffer the next cassette reuses.
func eachCassette(path string, fn func(int, Interaction) error) error {
	return readCassette(path, nil, fn)
}

// readCassette is eachCassette, calling sized (unless nil) with the number of
// interactions before fn when the fast reader knows it.
func readCassette(path string, sized func(int), fn func(int, Interaction) error) error {
	buf, _ := fileBuffers.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	defer func() {
		if cap(*buf) <= maxPooledFile {
			fileBuffers.Put(buf)
		}
	}()
	src, err := readCassetteFile(path, (*buf)[:0])
	*buf = src[:0]
	if err != nil {
		return err
	}
	if ok, err := fastCassette(path, src, sized, fn); ok {
		return err
	}
	return yamlCassette(path, bytes.NewReader(src), fn)
}

// fileBuffers are the buffers cassettes are read into, up to maxPooledFile
// bytes each; a larger one is left to the collector.
var fileBuffers sync.Pool // of *[]byte

const maxPooledFile = 8 << 20

// readCassetteFile reads a cassette of at most MaxRecordingSize bytes into buf,
// which it grows as it needs to, and returns the text.
func readCassetteFile(path string, buf []byte) ([]byte, error) {
	f, size, err := boundedfile.Open(path)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	if size > MaxRecordingSize {
		return buf, fmt.Errorf("%s: %d bytes exceeds the %d-byte recording limit", path, size, MaxRecordingSize)
	}
	buf = slices.Grow(buf[:0], int(size)+1) // the read that finds the end needs no more room
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 32<<10) // it grew after the stat
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > MaxRecordingSize {
			return buf, fmt.Errorf("%s: exceeds the %d-byte recording limit", path, MaxRecordingSize)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, fmt.Errorf("%s: %w", path, err)
		}
	}
}

// yamlCassette reads a cassette with go-vcr's YAML package. The YAML is parsed
// once into a node tree. The tree is measured for alias expansion
// (checkExpansion), then each interaction is decoded from its node, given to fn
// and its node dropped, so the tree shrinks as the reading goes and only one
// interaction's bodies are copied at a time.
//
// The YAML package is go-vcr's (go.yaml.in/yaml/v4, with the v3 defaults its
// Unmarshal uses) and the nodes decode into go-vcr's own cassette.Interaction, so
// the fields mean what they mean to go-vcr; FuzzReadCassette holds the result to
// cassette.Load's.
func yamlCassette(path string, in io.Reader, fn func(int, Interaction) error) error {
	doc, err := parseCassette(path, in)
	if err != nil {
		return err
	}
	if err := checkExpansion(path, doc); err != nil {
		return err
	}
	var top struct {
		Version      *int      `yaml:"version"`
		Interactions yaml.Node `yaml:"interactions"`
	}
	if doc.Kind != 0 {
		if err := doc.Load(&top, yaml.WithV3Defaults()); err != nil {
			return fmt.Errorf("%s: not a go-vcr v4 cassette: %w", path, err)
		}
	}
	if top.Version != nil && *top.Version != cassette.CassetteFormatVersion {
		return fmt.Errorf("%s: not a go-vcr v4 cassette: version %d; go-vcr v4 writes version %d", path, *top.Version, cassette.CassetteFormatVersion)
	}
	list := &top.Interactions
	for list.Kind == yaml.AliasNode {
		list = list.Alias
	}
	switch {
	case list.Kind == 0, list.Kind == yaml.ScalarNode && list.Tag == "!!null":
		return nil
	case list.Kind != yaml.SequenceNode:
		return fmt.Errorf("%s: not a go-vcr v4 cassette: line %d: interactions is not a list", path, list.Line)
	}
	for i, node := range list.Content {
		var in *cassette.Interaction
		if err := node.Load(&in, yaml.WithV3Defaults()); err != nil {
			return fmt.Errorf("%s: not a go-vcr v4 cassette: %w", path, err)
		}
		if top.Interactions.Kind == yaml.SequenceNode {
			list.Content[i] = nil // done with it; an aliased list may be read again
		}
		ix, err := cassetteInteraction(path, i, in)
		if err != nil {
			return err
		}
		if err := fn(i, ix); err != nil {
			return err
		}
	}
	return nil
}

// parseCassette parses a cassette into YAML nodes. An empty file is an empty
// document.
func parseCassette(path string, r io.Reader) (*yaml.Node, error) {
	var doc yaml.Node
	switch err := yaml.NewDecoder(r).Decode(&doc); {
	case errors.Is(err, io.EOF):
		return &yaml.Node{}, nil
	case err != nil:
		return nil, fmt.Errorf("%s: not a go-vcr v4 cassette: %w", path, err)
	}
	return &doc, nil
}

// cassetteInteraction converts interaction i of a cassette.
func cassetteInteraction(path string, i int, in *cassette.Interaction) (Interaction, error) {
	if in == nil {
		return Interaction{}, fmt.Errorf("%s: interaction %d is empty", path, i)
	}
	if err := checkURL(path, i, in.Request.URL); err != nil {
		return Interaction{}, err
	}
	return Interaction{
		Method: in.Request.Method, URL: in.Request.URL, Header: in.Request.Headers, Body: []byte(in.Request.Body),
		Status: in.Response.Code, RespHeader: in.Response.Headers, RespBody: []byte(in.Response.Body),
	}, nil
}

// checkURL refuses the request URL of interaction i if it does not parse.
func checkURL(path string, i int, raw string) error {
	if plainURL(raw) {
		return nil
	}
	if _, err := url.Parse(raw); err != nil {
		// url.Error repeats the whole URL, query credentials included.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("%s: interaction %d: request URL %q does not parse: %v", path, i, withoutQuery(raw), err)
	}
	return nil
}

// withoutQuery is a URL for an error message: its query can carry V2 credentials
// (Signature, SecurityToken), so only what comes before it is shown.
func withoutQuery(raw string) string {
	if before, _, ok := strings.Cut(raw, "?"); ok {
		return before + "?…"
	}
	return raw
}
