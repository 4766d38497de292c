package build

import (
	"fmt"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/names"
)

// Names that read alike are an error, as names that collide are: a caller
// looking at the generated struct cannot tell Name from Nаme (Cyrillic а), sets
// the wrong one, and the client sends the wrong field without a word. A name
// that is not ASCII at all is a warning: the code is right, only harder to
// review. Each scope is checked on its own: the fields of one struct (properties
// and parameters), the methods of the client, and the package-level names
// (types, enum constants, request types).

// lookalikes holds the Go names of one scope by skeleton (names.Skeleton).
type lookalikes map[string]owned

// owned is a Go name and what it belongs to.
type owned struct {
	goName string
	what   string   // for messages: `property "Name"`; "" for a name the generated code declares
	pos    diag.Pos // where the spec declares it
}

// owner says whose name o is, for a message: `the Go name of property "Name"
// at spec.yaml:12:9`, or that the generated code declares it.
func (o owned) owner() string {
	if o.what == "" {
		return "which the generated code declares"
	}
	return fmt.Sprintf("the Go name of %s at %s", o.what, o.pos)
}

// check records goName and returns the name of the scope that it reads like
// without being it, if there is one. The first of several names with one
// skeleton is the one the others are compared with.
func (l lookalikes) check(goName, what string, pos diag.Pos) (owned, bool) {
	sk := names.Skeleton(goName)
	prev, seen := l[sk]
	if !seen {
		l[sk] = owned{goName, what, pos}
		return owned{}, false
	}
	return prev, names.Confusable(prev.goName, goName)
}

// lookalikeNote says which letter makes a and b differ unseen: the first
// look-alike letter of either, `U+0430 is Cyrillic, drawn like Latin "a"`.
func lookalikeNote(a, b string) string {
	for _, s := range []string{b, a} {
		for _, r := range s {
			if latin, script, ok := names.Lookalike(r); ok {
				return fmt.Sprintf("%U is %s, drawn like Latin %q", r, script, string(latin))
			}
		}
	}
	return "they differ only in characters that do not show"
}

// nonASCII describes the first character of s that is not ASCII, "U+0430
// (Cyrillic)", or returns "" when s is ASCII.
func nonASCII(s string) string {
	for _, r := range s {
		if r > 0x7f {
			if script := names.Script(r); script != "" {
				return fmt.Sprintf("%U (%s)", r, script)
			}
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// warnNonASCII warns of a Go identifier that is not ASCII. Letters of another
// script can be drawn exactly like Latin ones, so a reviewer cannot see which
// is meant; the code itself is right, hence a warning (diag.Diagnostic.Warning).
// fix names the extension that sets an ASCII name instead.
func (b *builder) warnNonASCII(goName, fix string, path []string) {
	if c := nonASCII(goName); c != "" {
		b.warnf(path, "Go name %s holds %s, which is not ASCII; a name in another script is hard to review, as some of its letters are drawn exactly like Latin ones: set an ASCII %s", goName, c, fix)
	}
}
