package jsondec

import (
	"errors"
	"fmt"
)

// Check is how a walk checks a value (a struct's field, Checks; an array's
// item; a map's value): a type without further rules, which the walk checks
// without a call, an object of a struct type (CheckObject), or a function
// (CheckBy).
type Check struct {
	op   uint8
	bits uint8   // of checkInt
	s    *Struct // of checkObject
	fn   func(*Walk) bool
}

const (
	checkBy = iota
	checkStr
	checkBool
	checkFloat
	checkInt
	checkObject
)

// The checks of values that need only be of a type: a string, true or false,
// a number a float64 holds, an integer of so many bits.
var (
	CheckStr   = Check{op: checkStr}
	CheckBool  = Check{op: checkBool}
	CheckFloat = Check{op: checkFloat}
	CheckInt8  = Check{op: checkInt, bits: 8}
	CheckInt16 = Check{op: checkInt, bits: 16}
	CheckInt32 = Check{op: checkInt, bits: 32}
	CheckInt64 = Check{op: checkInt, bits: 64}
)

// CheckBy checks a value with walk, which consumes it and reports whether it
// keeps the rules (a generated walker, or a literal).
func CheckBy(walk func(*Walk) bool) Check { return Check{op: checkBy, fn: walk} }

// CheckObject checks a value as Members(s) does.
func CheckObject(s *Struct) Check { return Check{op: checkObject, s: s} }

// Checks gives the fields of s their checks, one per field name NewStruct was
// given, for Members, and returns s; the fields the schema requires are those
// marked Mandatory before. A count that differs is a generator bug and panics.
// Generated walkers set them in init: a struct's checks and those of the
// structs its fields hold may refer to each other.
func (s *Struct) Checks(checks ...Check) *Struct {
	if len(checks) != len(s.names) {
		panic(fmt.Sprintf("jsondec: %d checks for the %d fields of %s", len(checks), len(s.names), s.name))
	}
	s.checks = checks
	s.mustHave = make([]uint64, max(1, (len(checks)+63)/64))
	for _, i := range s.mandatory {
		s.mustHave[i/64] |= 1 << (i % 64)
	}
	return s
}

// Members consumes the value at the cursor and reports whether it is an object
// whose every member is a field of s, given once, whose value the field's
// check accepts, and which has every field the schema requires. Keys match
// field names exactly, as JSON Schema matches properties; a key given twice
// is refused, as its values would merge. Any other value than an object fails
// the walk, as does an object of a Struct never given its Checks.
func (w *Walk) Members(s *Struct) bool {
	if len(s.mustHave) != 1 {
		return w.wideMembers(s)
	}
	var seen uint64 // the fields met
	checks := s.checks
	at := -1
	for more := w.Open(); more; more = w.Next('{') {
		at = w.Field(s, at)
		if uint(at) >= uint(len(checks)) {
			return false // no field, or at an error
		}
		bit := uint64(1) << (uint(at) & 63) // at < 64 here
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		// check's switch, written out for the usual checks: a call less a member.
		ok := false
		switch c := &checks[at]; c.op {
		case checkStr:
			ok = w.Str()
		case checkObject:
			ok = w.Members(c.s)
		case checkBy:
			ok = c.fn(w)
		default:
			ok = w.check(c)
		}
		if !ok {
			return false
		}
	}
	return w.err == nil && seen&s.mustHave[0] == s.mustHave[0]
}

// check runs c on the value at the cursor.
func (w *Walk) check(c *Check) bool {
	switch c.op {
	case checkStr:
		return w.Str()
	case checkObject:
		return w.Members(c.s)
	case checkBy:
		return c.fn(w)
	case checkInt:
		return w.Int(int(c.bits))
	case checkBool:
		return w.Bool()
	}
	return w.Float()
}

// wideMembers is Members for a struct of more than 64 fields, whose fields met
// are kept on w, stacked by nesting, so that walking allocates nothing once
// the Walk is warm.
func (w *Walk) wideMembers(s *Struct) bool {
	if s.mustHave == nil {
		w.fail(errNoChecks)
		return false
	}
	base := len(w.seen)
	for range s.mustHave {
		w.seen = append(w.seen, 0)
	}
	seen := w.seen[base:] // still this object's if nested objects grow w.seen
	ok := w.wideLoop(s, seen)
	w.seen = w.seen[:base]
	return ok
}

var errNoChecks = errors.New("jsondec: a struct walked without its checks")

func (w *Walk) wideLoop(s *Struct, seen []uint64) bool {
	at := -1
	for more := w.Open(); more; more = w.Next('{') {
		at = w.Field(s, at)
		if at < 0 {
			return false
		}
		word, bit := at/64, uint64(1)<<(at%64)
		if seen[word]&bit != 0 || !w.check(&s.checks[at]) {
			return false
		}
		seen[word] |= bit
	}
	if w.err != nil {
		return false
	}
	for i, mask := range s.mustHave {
		if seen[i]&mask != mask {
			return false
		}
	}
	return true
}
