package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// output is one derived file (generated code, a docs page) and its content.
type output struct {
	path string
	src  []byte
}

// staleOutputs lists, without writing, the outputs that are missing or differ on
// disk, and the extra files (found by the caller) that nothing generates any more.
func staleOutputs(outs []output, extra []string) ([]string, error) {
	var res []string
	for _, o := range outs {
		got, err := os.ReadFile(o.path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			res = append(res, o.path+": missing")
		case err != nil:
			return nil, err
		case !bytes.Equal(got, o.src):
			res = append(res, o.path+": stale (differs from what the spec generates)")
		}
	}
	for _, path := range extra {
		res = append(res, path+": no longer generated")
	}
	return res, nil
}

// writeOutputs writes the outputs, rewriting only what changed, and removes extra.
func writeOutputs(outs []output, extra []string) error {
	for _, o := range outs {
		if old, err := os.ReadFile(o.path); err == nil && bytes.Equal(old, o.src) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(o.path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(o.path, o.src, 0o644); err != nil {
			return err
		}
	}
	for _, path := range extra {
		if err := os.Remove(path); err != nil {
			return err
		}
	}
	return nil
}
