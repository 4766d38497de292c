package main

import (
	"fmt"
	"io"
	"os"
)

// progress shows "[3/120] path" on one rewritten stderr line during long runs.
// It stays silent unless stderr is a terminal, so logs and CI output hold only the
// report and the summary.
type progress struct {
	w       io.Writer
	total   int
	n       int
	enabled bool
}

// minProgress is the number of recordings below which a run is too short to need
// a progress line.
const minProgress = 2

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, enabled: total >= minProgress && isTerminal(w)}
}

// isTerminal reports whether w is a character device, as a terminal is. (A pipe or
// file is not; /dev/null is, which is harmless.)
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func (p *progress) step(path string) {
	p.n++
	if p.enabled {
		// \r returns to the line start and \033[K clears the rest of it.
		fmt.Fprintf(p.w, "\r\033[K[%d/%d] %s", p.n, p.total, path)
	}
}

func (p *progress) done() {
	if p.enabled && p.n > 0 {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
