package acs

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/acsgen/acsgen/acs/jsondec"
)

// OneOf decodes the value at d's cursor into u, a generated union, as the one
// alternative it is valid for, when nothing in the value says which that is:
// JSON Schema's oneOf. Each alternative, by its field name in names, is tried
// in turn: decode(u, i, d) decodes the value strictly into alternative i of a
// fresh union (jsondec.Decoder.Try), which must then Validate. A value valid for
// none of them, or for more than one, is an error that names them.
func OneOf[U any, P interface {
	*U
	Validate() error
}](d *jsondec.Decoder, u P, union, kind string, names []string, decode func(P, int, *jsondec.Decoder)) {
	pick(d, u, union, kind, names, decode, false)
}

// AnyOf is OneOf for anyOf: the first alternative the value is valid for wins,
// as kin-openapi picks it.
func AnyOf[U any, P interface {
	*U
	Validate() error
}](d *jsondec.Decoder, u P, union, kind string, names []string, decode func(P, int, *jsondec.Decoder)) {
	pick(d, u, union, kind, names, decode, true)
}

// tried is what trying a union's alternatives on one value found, kept while
// the enclosing alternatives are tried (jsondec.Decoder.Remember).
type tried struct {
	value any   // the union, when one alternative was picked
	end   int   // the offset after the value
	err   error // else why none was
}

type triedKey struct {
	union, kind string
	offset      int
}

func pick[U any, P interface {
	*U
	Validate() error
}](d *jsondec.Decoder, u P, union, kind string, names []string, decode func(P, int, *jsondec.Decoder), first bool) {
	key := triedKey{union, kind, d.Offset()}
	if d.Strict() {
		if found, ok := d.Recall(key); ok {
			t := found.(tried)
			if t.err != nil {
				d.Fail(t.err)
				return
			}
			*u = t.value.(U)
			d.SkipTo(t.end)
			return
		}
	}
	var chosen U
	var valid, why []string
	for i, name := range names {
		var try U
		err := d.Try(func(d *jsondec.Decoder) { decode(&try, i, d) })
		if err == nil {
			err = P(&try).Validate()
		}
		if err != nil {
			why = append(why, name+": "+reason(err))
			continue
		}
		if len(valid) == 0 {
			chosen = try
		}
		valid = append(valid, name)
		if first {
			break
		}
	}
	var err error
	switch len(valid) {
	case 0:
		err = fmt.Errorf("%s: the JSON %s is valid for none of the alternatives (%s)", union, kind, strings.Join(why, "; "))
	case 1:
		*u = chosen
		d.Skip()
		if d.Strict() {
			d.Remember(key, tried{value: chosen, end: d.Offset()})
		}
		return
	default:
		err = fmt.Errorf("%s: the JSON %s is valid for %d alternatives (%s), but oneOf takes exactly one",
			union, kind, len(valid), strings.Join(valid, ", "))
	}
	if d.Strict() {
		d.Remember(key, tried{err: err})
	}
	d.Fail(err)
}

// maxReason bounds what an error about one alternative says: the reason may be
// that a union nested in it matched nothing, whose error names its own
// alternatives' reasons, and so on down; whole, they would double with each
// level of nesting.
const maxReason = 200

// reason is err on one line, cut to maxReason bytes (at a rune boundary).
func reason(err error) string {
	s := strings.ReplaceAll(err.Error(), "\n", "; ")
	if len(s) <= maxReason {
		return s
	}
	cut := maxReason
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
