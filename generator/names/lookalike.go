package names

import (
	"strings"
	"unicode"

	"github.com/acsgen/acsgen/internal/visible"
)

// Two names can differ and still read the same: "Name" and "Nаme", whose second
// letter is Cyrillic. Side by side in a struct, a caller cannot tell which field
// to set, and a reviewer cannot tell that a spec change added a second one. The
// rules below fold a name to a skeleton, the way it reads, so that build can
// report two names of one scope that differ but look alike.
//
// The table is deliberately small: the Cyrillic and Greek letters drawn like a
// Latin letter in common fonts, and the Kelvin sign; fullwidth forms (U+FF01–
// U+FF5E) are mapped by rule to their ASCII originals. It does not try to be
// Unicode's full confusables list (TR 39): names in specs are ASCII in practice,
// and the non-ASCII ones are reported anyway (build warns of every Go name that
// is not ASCII). Look-alikes inside ASCII (l, I and 1; O and 0; rn and m) are
// left alone, as real names use them side by side.

type lookalike struct {
	latin  rune   // the lower-case Latin letter it is drawn like
	script string // for messages
}

var lookalikes = map[rune]lookalike{
	// Cyrillic, lower case.
	'\u0430': {'a', "Cyrillic"}, '\u0435': {'e', "Cyrillic"}, '\u043e': {'o', "Cyrillic"},
	'\u0440': {'p', "Cyrillic"}, '\u0441': {'c', "Cyrillic"}, '\u0443': {'y', "Cyrillic"},
	'\u0445': {'x', "Cyrillic"}, '\u0455': {'s', "Cyrillic"}, '\u0456': {'i', "Cyrillic"},
	'\u0458': {'j', "Cyrillic"}, '\u04bb': {'h', "Cyrillic"}, '\u04cf': {'l', "Cyrillic"},
	'\u0501': {'d', "Cyrillic"}, '\u051b': {'q', "Cyrillic"}, '\u051d': {'w', "Cyrillic"},
	// Cyrillic, upper case.
	'\u0410': {'a', "Cyrillic"}, '\u0412': {'b', "Cyrillic"}, '\u0415': {'e', "Cyrillic"},
	'\u041a': {'k', "Cyrillic"}, '\u041c': {'m', "Cyrillic"}, '\u041d': {'h', "Cyrillic"},
	'\u041e': {'o', "Cyrillic"}, '\u0420': {'p', "Cyrillic"}, '\u0421': {'c', "Cyrillic"},
	'\u0422': {'t', "Cyrillic"}, '\u0423': {'y', "Cyrillic"}, '\u0425': {'x', "Cyrillic"},
	'\u0405': {'s', "Cyrillic"}, '\u0406': {'i', "Cyrillic"}, '\u0408': {'j', "Cyrillic"},
	'\u04c0': {'l', "Cyrillic"}, '\u051a': {'q', "Cyrillic"}, '\u051c': {'w', "Cyrillic"},
	// Greek, upper case.
	'\u0391': {'a', "Greek"}, '\u0392': {'b', "Greek"}, '\u0395': {'e', "Greek"},
	'\u0396': {'z', "Greek"}, '\u0397': {'h', "Greek"}, '\u0399': {'i', "Greek"},
	'\u039a': {'k', "Greek"}, '\u039c': {'m', "Greek"}, '\u039d': {'n', "Greek"},
	'\u039f': {'o', "Greek"}, '\u03a1': {'p', "Greek"}, '\u03a4': {'t', "Greek"},
	'\u03a5': {'y', "Greek"}, '\u03a7': {'x', "Greek"},
	// Greek, lower case.
	'\u03b1': {'a', "Greek"}, '\u03b9': {'i', "Greek"}, '\u03ba': {'k', "Greek"},
	'\u03bd': {'v', "Greek"}, '\u03bf': {'o', "Greek"}, '\u03c1': {'p', "Greek"},
	'\u03c5': {'u', "Greek"}, '\u03f2': {'c', "Greek"}, '\u03f3': {'j', "Greek"},
	// Letterlike symbols.
	'\u212a': {'k', "a letterlike symbol (Kelvin sign)"},
}

// Lookalike returns the lower-case Latin letter r is drawn like and the script r
// belongs to, when the table (or the fullwidth rule) has r.
func Lookalike(r rune) (latin rune, script string, ok bool) {
	if r >= '\uff01' && r <= '\uff5e' {
		return unicode.ToLower(r - 0xfee0), "fullwidth", true
	}
	e, ok := lookalikes[r]
	return e.latin, e.script, ok
}

// Skeleton folds s to the way it reads: each look-alike letter becomes the Latin
// letter it is drawn like, hidden characters (visible.Hidden) are dropped, and
// the rest is lower-cased. Names with one skeleton look alike.
func Skeleton(s string) string {
	var b strings.Builder
	for _, r := range s {
		if latin, _, ok := Lookalike(r); ok {
			b.WriteRune(latin)
			continue
		}
		if visible.Hidden(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Confusable reports whether a and b look alike without being the same name in
// another letter case: their skeletons are equal, but they differ in a
// look-alike letter or a hidden character. Names that differ only in letter
// case ("Name", "name") read differently enough; where they matter, they map to
// one Go name, which build reports as a collision.
func Confusable(a, b string) bool {
	return a != b && Skeleton(a) == Skeleton(b) && !sameButCase(a, b)
}

// sameButCase reports whether a and b are the same letters in any case, a
// look-alike never counting as a case form of the letter it imitates (the
// Kelvin sign is a case form of k to Unicode).
func sameButCase(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		x, y := ra[i], rb[i]
		if x == y {
			continue
		}
		_, _, lx := Lookalike(x)
		_, _, ly := Lookalike(y)
		if lx || ly || unicode.ToLower(x) != unicode.ToLower(y) {
			return false
		}
	}
	return true
}

// scripts are the scripts Script names; other letters get no name.
var scripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Latin", unicode.Latin}, {"Greek", unicode.Greek}, {"Cyrillic", unicode.Cyrillic},
	{"Armenian", unicode.Armenian}, {"Hebrew", unicode.Hebrew}, {"Arabic", unicode.Arabic},
	{"Devanagari", unicode.Devanagari}, {"Thai", unicode.Thai}, {"Han", unicode.Han},
	{"Hiragana", unicode.Hiragana}, {"Katakana", unicode.Katakana}, {"Hangul", unicode.Hangul},
}

// Script names the script of r for a message ("Cyrillic", "Han"; "fullwidth"
// for the fullwidth forms), or "" when it is none of the common ones.
func Script(r rune) string {
	if r >= '\uff01' && r <= '\uff5e' {
		return "fullwidth"
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return ""
}
