package acs

import (
	"fmt"
	"strings"

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

func pick[U any, P interface {
	*U
	Validate() error
}](d *jsondec.Decoder, u P, union, kind string, names []string, decode func(P, int, *jsondec.Decoder), first bool) {
	var chosen U
	var valid, why []string
	for i, name := range names {
		var try U
		err := d.Try(func(d *jsondec.Decoder) { decode(&try, i, d) })
		if err == nil {
			err = P(&try).Validate()
		}
		if err != nil {
			why = append(why, name+": "+strings.ReplaceAll(err.Error(), "\n", "; "))
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
	switch len(valid) {
	case 0:
		d.Fail(fmt.Errorf("%s: the JSON %s is valid for none of the alternatives (%s)", union, kind, strings.Join(why, "; ")))
	case 1:
		*u = chosen
		d.Skip()
	default:
		d.Fail(fmt.Errorf("%s: the JSON %s is valid for %d alternatives (%s), but oneOf takes exactly one",
			union, kind, len(valid), strings.Join(valid, ", ")))
	}
}
