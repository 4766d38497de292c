package contract

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ReadRecording reads a recording by its extension: *.har as HAR 1.2, *.yaml and
// *.yml as go-vcr v4 cassettes.
func ReadRecording(path string) ([]Interaction, error) {
	switch recordingKind(path) {
	case "har":
		return ReadHAR(path)
	case "cassette":
		return ReadCassette(path)
	}
	return nil, fmt.Errorf("%s: not a recording: want a go-vcr cassette (.yaml, .yml) or a HAR file (.har)", path)
}

// EachInteraction reads a recording as ReadRecording does and calls fn with each
// entry's index and interaction, in order, holding one interaction at a time. A
// HAR file is read entry by entry, so memory follows its largest entry, whatever
// the file's size; a cassette is parsed once into YAML nodes, which are dropped
// as their interactions are read. An error from fn stops the reading and is
// returned as is.
func EachInteraction(path string, fn func(entry int, ix Interaction) error) error {
	switch recordingKind(path) {
	case "har":
		return eachHAR(path, MaxEntrySize, fn)
	case "cassette":
		return eachCassette(path, fn)
	}
	_, err := ReadRecording(path)
	return err
}

func recordingKind(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".har":
		return "har"
	case ".yaml", ".yml":
		return "cassette"
	}
	return ""
}

// RecordingFiles expands files and directories into recordings: a file named on its
// own is taken as given, a directory is walked for *.yaml, *.yml and *.har files.
// The result is slash-separated, sorted and free of duplicates.
func RecordingFiles(args []string) ([]string, error) {
	var out []string
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("recording %s: %w", arg, err)
		}
		if !info.IsDir() {
			out = append(out, filepath.ToSlash(arg))
			continue
		}
		n := len(out)
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && recordingKind(path) != "" {
				out = append(out, filepath.ToSlash(path))
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("recording directory %s: %w", arg, err)
		}
		if len(out) == n {
			return nil, fmt.Errorf("recording directory %s holds no .yaml, .yml or .har files", arg)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}
