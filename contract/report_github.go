package contract

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// writeGitHub prints GitHub Actions workflow commands, one error annotation per
// finding. A finding with a spec position is annotated on the spec line whose rule
// failed (where a fix would go); the others on the recording. Recorded text is
// escaped twice: control and format characters as Go escapes (see escapeText),
// then as workflow commands want (ghData, ghProperty), so no finding can end its
// line or start a command of its own (::add-mask::, ::stop-commands::).
func (r *Report) writeGitHub(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings() {
		f = escapeFinding(f)
		file, line, col := f.Recording, "", ""
		if f.Schema != "" {
			file, line, col = splitPos(f.Schema)
		}
		props := "file=" + ghProperty(file)
		if line != "" {
			props += ",line=" + line
		}
		if col != "" {
			props += ",col=" + col
		}
		props += ",title=" + ghProperty("contract: "+f.Rule)
		msg := fmt.Sprintf("%s#%d", f.Recording, f.Entry)
		if f.Operation != "" {
			msg += " " + f.Operation
		}
		msg += " " + strings.TrimSpace(f.Where+" "+f.Pointer) + ": " + f.Message
		fmt.Fprintf(bw, "::error %s::%s\n", props, ghData(msg))
	}
	return bw.Flush()
}

// splitPos splits "file:line:col"; a file name may itself hold colons. A
// position whose line and column are not numbers is all file.
func splitPos(pos string) (file, line, col string) {
	parts := strings.Split(pos, ":")
	if len(parts) >= 3 && digits(parts[len(parts)-2]) && digits(parts[len(parts)-1]) {
		return strings.Join(parts[:len(parts)-2], ":"), parts[len(parts)-2], parts[len(parts)-1]
	}
	return pos, "", ""
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ghData escapes a workflow command's message, and a leading "::" in it.
func ghData(s string) string {
	return ghLeadingColons(strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s))
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
