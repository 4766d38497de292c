// Package diag holds positioned diagnostics about a spec: what is wrong, where, and
// (when known) how to fix it. Every stage of the generator reports through it.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/acsgen/acsgen/internal/visible"
)

// Pos is a position in a spec file. Line and Col are 1-based; zero means unknown.
type Pos struct {
	File string // path as given to the loader, e.g. "spec/apig-2024-03-27.yaml"
	Line int
	Col  int
}

// String formats p as file:line:col, dropping the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// Compare orders positions by file, line, then column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(cmp.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Diagnostic is one problem in a spec.
type Diagnostic struct {
	Pos  Pos
	Path string // spec path, e.g. "components.schemas.Pet.properties.tag"
	Msg  string
	// Warning marks a problem that does not stop generation. Problems are classed
	// as acsgen import classes what it finds in Alibaba's metadata: a warning
	// when the generated code is right and safe all the same and only a reader of
	// the spec is misled (an invisible character in a description, which the
	// output escapes; a name in another script); an error, which stops
	// generation, when the generated client would be wrong, fail at run time or
	// mislead its caller.
	Warning bool
}

// String formats d in compiler style: "file:line:col: path: msg", with
// "warning: " after the position for a warning. Spec paths and messages quote
// spec text, so hidden characters are written as <U+202E> (visible.Escape): a
// diagnostic about a right-to-left override must not apply it to the terminal
// line it is printed on. Control characters other than tab are written so too: a
// key holding a line break would start a line without a position, and an escape
// sequence would act on the terminal.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Warning {
		b.WriteString("warning: ")
	}
	if d.Path != "" {
		b.WriteString(d.Path)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return visible.EscapeFunc(b.String(), shown)
}

func shown(r rune) bool { return visible.Hidden(r) || (unicode.IsControl(r) && r != '\t') }

// List is a set of diagnostics. As an error it reports every entry, one per line.
type List []Diagnostic

// Add appends an error.
func (l *List) Add(pos Pos, path, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// Warn appends a warning.
func (l *List) Warn(pos Pos, path, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// Count returns how many entries are errors and how many warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Warning {
			warnings++
		} else {
			errors++
		}
	}
	return errors, warnings
}

// Sort orders the list by position, then path and message, and drops exact duplicates
// (one cause reached through two $refs is reported once).
func (l List) Sort() List {
	slices.SortFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(a.Pos.Compare(b.Pos), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Msg, b.Msg), compareBool(a.Warning, b.Warning))
	})
	return slices.Compact(l)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// Err returns the sorted list, warnings included, as an error when it holds at
// least one error; nil when it holds only warnings or nothing.
func (l List) Err() error {
	if errs, _ := l.Count(); errs == 0 {
		return nil
	}
	return l.Sort()
}

// Error implements error.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
