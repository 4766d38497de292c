package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The README and the pages under guide/ are held to the CLI here, so that a
// command, a synopsis or a page cannot change without the others.

// guideRoot is the repository root, seen from this package's directory.
const guideRoot = "../.."

// readmeMaxWords is the README's budget: a newcomer reads it in five minutes.
const readmeMaxWords = 2000

// commandPages names the guide page of the commands that share one; every
// other command has guide/<name>.md.
var commandPages = map[string]string{"version": "cli.md", "contract merge": "contract.md"}

func guidePageOf(name string) string {
	if p, ok := commandPages[name]; ok {
		return p
	}
	return name + ".md"
}

func guideReadFile(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(guideRoot, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	return string(data)
}

// guideFiles lists guide/*.md, as repository paths.
func guideFiles(t *testing.T) []string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(guideRoot, "guide", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(matches) == 0 {
		t.Fatal("guide/ holds no *.md pages; the README's details live there")
	}
	var out []string
	for _, m := range matches {
		out = append(out, "guide/"+filepath.Base(m))
	}
	return out
}

func TestGuideREADMEIsShort(t *testing.T) {
	n := len(strings.Fields(guideReadFile(t, "README.md"))) // words as wc -w counts them
	if n >= readmeMaxWords {
		t.Errorf("README.md has %d words (wc -w); keep it under %d by moving details to a page under guide/ and linking it", n, readmeMaxWords)
	}
}

// Every command has a page, the README links it, and the page shows the
// command's synopsis exactly as "acsgen help" prints it (unwrapped).
func TestGuidePagePerCommand(t *testing.T) {
	readmeLinks := map[string]bool{}
	for _, l := range guideLinks(guideReadFile(t, "README.md")) {
		target, _, _ := strings.Cut(l.target, "#")
		readmeLinks[path.Clean(target)] = true
	}
	for _, c := range commands {
		page := "guide/" + guidePageOf(c.name)
		src, err := os.ReadFile(filepath.Join(guideRoot, filepath.FromSlash(page)))
		if err != nil {
			t.Errorf("%s is missing: command %q of the commands table in cmd/acsgen/main.go needs a reference page (or an entry in commandPages in guide_test.go naming the page that covers it)", page, c.name)
			continue
		}
		if !readmeLinks[page] {
			t.Errorf("README.md does not link to %s: add acsgen %s to the README's table of commands with a link to its page", page, c.name)
		}
		want := "acsgen " + c.help.usage
		if !guideHasLine(string(src), want) {
			t.Errorf("%s does not show the synopsis of acsgen %s as its help text (cmd/acsgen) has it; put this line, on its own, in a code block of the page:\n%s", page, c.name, want)
		}
	}

	// help is no entry of the commands table; cli.md covers it.
	var b bytes.Buffer
	printHelpHelp(&b)
	first, _, _ := strings.Cut(b.String(), "\n")
	want := "acsgen " + strings.TrimPrefix(first, "usage: acsgen ")
	if !guideHasLine(guideReadFile(t, "guide/cli.md"), want) {
		t.Errorf("guide/cli.md does not show the synopsis of acsgen help; put this line, on its own, in a code block of the page:\n%s", want)
	}
}

// Every page says what it covers and links back to the README, and the README
// links every page.
func TestGuidePagesLinkBackAndAreLinked(t *testing.T) {
	readme := guideReadFile(t, "README.md")
	linked := map[string]bool{}
	for _, l := range guideLinks(readme) {
		target, _, _ := strings.Cut(l.target, "#")
		linked[path.Clean(target)] = true
	}
	for _, page := range guideFiles(t) {
		src := guideReadFile(t, page)
		lines := guideNonEmptyLines(src)
		if len(lines) < 2 || !strings.HasPrefix(lines[0], "# ") {
			t.Errorf("%s: start with a '# ' title and, on the next line, one sentence saying what the page covers", page)
			continue
		}
		if !strings.Contains(lines[1], "](../README.md)") {
			t.Errorf("%s: the line after the title says what the page covers and links back to the README with [README](../README.md); it is %q", page, lines[1])
		}
		if !linked[page] {
			t.Errorf("README.md does not link to %s: link every guide page from the README (the table of commands or the list of other pages)", page)
		}
	}
}

// Every relative link of the README and the guide names a file of the
// repository, and a #fragment names a heading of a Markdown target.
func TestGuideRelativeLinksResolve(t *testing.T) {
	root, err := filepath.Abs(guideRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range append([]string{"README.md"}, guideFiles(t)...) {
		for _, l := range guideLinks(guideReadFile(t, file)) {
			if l.target == "" || strings.Contains(l.target, "://") || strings.HasPrefix(l.target, "mailto:") {
				continue
			}
			target, fragment, _ := strings.Cut(l.target, "#")
			rel := file // a bare #fragment points into the file itself
			if target != "" {
				rel = path.Join(path.Dir(file), target)
			}
			abs := filepath.Join(root, filepath.FromSlash(rel))
			if r, err := filepath.Rel(root, abs); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				t.Errorf("%s:%d: link %q leaves the repository; link a file inside it or use a full URL", file, l.line, l.target)
				continue
			}
			info, err := os.Stat(abs)
			if err != nil {
				t.Errorf("%s:%d: link %q points at %s, which does not exist; fix the link or add the file", file, l.line, l.target, rel)
				continue
			}
			if fragment == "" || info.IsDir() || !strings.HasSuffix(rel, ".md") {
				continue
			}
			src, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			if anchors := guideAnchors(string(src)); !slices.Contains(anchors, fragment) {
				t.Errorf("%s:%d: link %q: %s has no heading with the anchor #%s; its anchors are %s", file, l.line, l.target, rel, fragment, strings.Join(anchors, ", "))
			}
		}
	}
}

// TestGuideChecksFail runs the helpers on broken input, so that a check that
// can no longer fail is noticed.
func TestGuideChecksFail(t *testing.T) {
	links := guideLinks("see [a](a.md) and `[b](b.md)` and\n```\n[c](c.md)\n```\n[d](d.md#x \"title\")\n")
	var targets []string
	for _, l := range links {
		targets = append(targets, fmt.Sprintf("%s@%d", l.target, l.line))
	}
	if want := []string{"a.md@1", "d.md#x@5"}; !slices.Equal(targets, want) {
		t.Errorf("guideLinks found %v, want %v (links in code are not links)", targets, want)
	}
	if guideHasLine("x\n  acsgen lint [--spec FILE|DIR]...\n", "acsgen lint") {
		t.Error("guideHasLine matched a prefix of a line")
	}
	anchors := guideAnchors("# A b\n## Validating values: `Validate()`\n```\n# not a heading\n```\n## A b\n")
	if want := []string{"a-b", "validating-values-validate", "a-b-1"}; !slices.Equal(anchors, want) {
		t.Errorf("guideAnchors = %v, want %v", anchors, want)
	}
}

type guideLink struct {
	target string
	line   int
}

var (
	guideLinkRE     = regexp.MustCompile(`\[[^\]]*\]\(([^)\s]*)(?:\s+"[^"]*")?\)`)
	guideCodeSpanRE = regexp.MustCompile("`[^`]*`")
)

// guideLinks returns the targets of the inline links [text](target) outside
// code blocks and code spans, with their line numbers.
func guideLinks(src string) []guideLink {
	var out []guideLink
	fenced := false
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		line = guideCodeSpanRE.ReplaceAllString(line, "")
		for _, m := range guideLinkRE.FindAllStringSubmatch(line, -1) {
			out = append(out, guideLink{m[1], n})
		}
	}
	return out
}

// guideAnchors returns the anchors GitHub gives the headings of a Markdown
// file: lower case, punctuation dropped, spaces made hyphens, repeats numbered.
func guideAnchors(src string) []string {
	var out []string
	seen := map[string]int{}
	fenced := false
	for _, line := range strings.Split(src, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		text := strings.TrimLeft(line, "#")
		if fenced || len(text) == len(line) || !strings.HasPrefix(text, " ") {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(strings.TrimSpace(text)) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteByte('-')
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			seen[a]++
			a = fmt.Sprintf("%s-%d", a, n)
		} else {
			seen[a] = 1
		}
		out = append(out, a)
	}
	return out
}

func guideHasLine(src, want string) bool {
	for _, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == want {
			return true
		}
	}
	return false
}

func guideNonEmptyLines(src string) []string {
	var out []string
	for _, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, line)
		}
	}
	return out
}
