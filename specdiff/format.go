package specdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats Write accepts.
var Formats = []string{"text", "markdown", "json"}

// Write renders the report in format: text, markdown or json.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "text":
		return r.writeText(w)
	case "markdown":
		return r.writeMarkdown(w)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// specSections are the spec change groups in report order.
var specSections = []struct{ level, title string }{
	{LevelBreaking, "Breaking changes"},
	{LevelWarning, "Warnings"},
	{LevelInfo, "Additive and other changes"},
}

func (r *Report) writeText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "acsgen diff %s → %s\n", r.Old, r.New)
	fmt.Fprintf(&b, "spec: %d breaking, %d warnings, %d other\n", r.Count(LevelBreaking), r.Count(LevelWarning), r.Count(LevelInfo))
	for _, s := range specSections {
		if r.Count(s.level) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s:\n", s.title)
		for _, c := range r.Spec {
			if c.Level == s.level {
				fmt.Fprintf(&b, "  %s %s: %s [%s]\n", c.Operation, c.Path, c.Text, c.ID)
			}
		}
	}
	fmt.Fprintf(&b, "\nGo API of package %s: %s\n", r.Package, r.goSummary())
	for _, c := range r.Go {
		fmt.Fprintf(&b, "  %-12s %-8s %s\n", compatWord(c.Compatible), c.Kind, c.Identifier)
	}
	fmt.Fprintf(&b, "\nsemver: %s\n", r.Semver)
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) writeMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## API changes: `%s` → `%s`\n\n", r.Old, r.New)
	fmt.Fprintf(&b, "Recommended version bump of the Go package `%s`: **%s** (%s).\n\n", r.Package, r.Semver, r.goSummary())
	fmt.Fprintf(&b, "| Spec | Count |\n|---|---|\n| Breaking | %d |\n| Warnings | %d |\n| Additive and other | %d |\n",
		r.Count(LevelBreaking), r.Count(LevelWarning), r.Count(LevelInfo))
	for _, s := range specSections {
		if r.Count(s.level) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n", s.title)
		for _, c := range r.Spec {
			if c.Level == s.level {
				fmt.Fprintf(&b, "- `%s %s`: %s (`%s`)\n", c.Operation, c.Path, mdEscape(c.Text), c.ID)
			}
		}
	}
	fmt.Fprintf(&b, "\n### Go API of `%s`\n\n", r.Package)
	if len(r.Go) == 0 {
		b.WriteString("No exported identifier changed.\n")
	} else {
		b.WriteString("| Identifier | Change | Compatible |\n|---|---|---|\n")
		for _, c := range r.Go {
			yes := "no"
			if c.Compatible {
				yes = "yes"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.Identifier, mdEscape(goWhat(c)), yes)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// goWhat is the change column: the kind, or apidiff's wording for a change.
func goWhat(c GoChange) string {
	if c.Kind != Changed {
		return c.Kind
	}
	_, what, _ := strings.Cut(c.Message, ": ")
	return what
}

func (r *Report) goSummary() string {
	inc, comp := 0, 0
	for _, c := range r.Go {
		if c.Compatible {
			comp++
		} else {
			inc++
		}
	}
	if inc+comp == 0 {
		return "no exported identifier changed"
	}
	return fmt.Sprintf("%d incompatible, %d compatible changes", inc, comp)
}

func compatWord(ok bool) string {
	if ok {
		return "compatible"
	}
	return "incompatible"
}

// mdEscape keeps a table cell or list item on one line and its pipes literal.
func mdEscape(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", `\|`)
}
