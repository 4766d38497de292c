// Package boundedfile reads files a user names (recordings, specs' metadata,
// configuration, secrets) without trusting what they are: only regular files, and
// never more than a limit.
package boundedfile

import (
	"fmt"
	"io"
	"os"
)

// Read reads the regular file at path, failing if it holds more than max bytes;
// what names the limit in errors ("recording", "secret file"). The size os.Stat
// reports is not enough: it is 0 for /dev/zero (or a symlink to it), which never
// ends, and for a FIFO, whose open waits for a writer that may never come. So the
// type is checked before opening (os.Stat follows symlinks), checked again on the
// open file in case the name was swapped meanwhile, and the read stops one byte
// past the limit. Errors name the path, never the content.
func Read(path string, max int64, what string) ([]byte, error) {
	f, size, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if size > max {
		return nil, fmt.Errorf("%s: %d bytes exceeds the %d-byte %s limit", path, size, max, what)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: exceeds the %d-byte %s limit", path, max, what) // it grew after the stat
	}
	return data, nil
}

// Open opens the regular file at path for a reader that bounds what it reads
// itself, checking the type before opening and again on the open file as Read
// does, and returns its size at the open.
func Open(path string) (*os.File, int64, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, 0, err
	}
	if !info.Mode().IsRegular() {
		return nil, 0, fmt.Errorf("%s: not a regular file (%s)", path, Kind(info.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	if info, err = f.Stat(); err != nil {
		f.Close()
		return nil, 0, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, 0, fmt.Errorf("%s: not a regular file (%s)", path, Kind(info.Mode()))
	}
	return f, info.Size(), nil
}

// Kind names a file type that is not a regular file, for an error.
func Kind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.String()
}
