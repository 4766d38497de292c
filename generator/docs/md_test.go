package docs

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// readCodeSpan reads a code span as CommonMark does: the opening backtick run is
// closed by the next run of the same length, and one space is stripped from each
// end when both ends have one and the content is not all spaces.
func readCodeSpan(s string) (string, bool) {
	n := len(s) - len(strings.TrimLeft(s, "`"))
	if n == 0 || !strings.HasSuffix(s, s[:n]) || len(s) < 2*n {
		return "", false
	}
	body := s[n : len(s)-n]
	if strings.Contains(body, s[:n]) && !strings.Contains(body, s[:n]+"`") {
		return "", false // closed early by a run of the same length
	}
	if len(body) >= 2 && body[0] == ' ' && body[len(body)-1] == ' ' && strings.Trim(body, " ") != "" {
		body = body[1 : len(body)-1]
	}
	return body, body != ""
}

// Names with backticks or spaces at either end show exactly; the empty name as "".
func TestCodeSpanShowsNamesExactly(t *testing.T) {
	for _, name := range []string{"id", "`q`", "a`b", "a``b`", " lead", "trail ", "`", "say \"hi\"", "a,b"} {
		got, ok := readCodeSpan(codeSpan(name))
		assert.True(t, ok, "%q → %s", name, codeSpan(name))
		assert.Equal(t, name, got, "%q → %s", name, codeSpan(name))
	}
	assert.Equal(t, "`\"\"`", codeSpan(""))
}
