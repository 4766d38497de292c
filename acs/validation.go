package acs

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Violation is one way a value breaks its schema.
type Violation struct {
	Pointer string // JSON pointer (RFC 6901) to the offending value, "" for the root
	Message string // e.g. `value "Cluster" is not one of HttpApi, Operation`
}

func (v Violation) String() string {
	if v.Pointer == "" {
		return v.Message
	}
	return v.Pointer + ": " + v.Message
}

// ValidationError lists every violation a generated Validate method found, in the
// order the fields are declared. Find it with errors.As.
type ValidationError struct {
	Violations []Violation
}

// Error is one violation per line, each prefixed with its JSON pointer.
func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Violations))
	for i, v := range e.Violations {
		lines[i] = v.String()
	}
	return strings.Join(lines, "\n")
}

// segment is one step of the path from the root: a property name or an array index.
type segment struct {
	key   string
	index int // -1 for a key
}

// inlinePath is how many path steps a Validator keeps without allocating.
const inlinePath = 24

// Validator collects violations for generated Validate methods. It tracks the path
// from the root as a stack of steps and only renders it as a JSON pointer when a
// violation is recorded, so validating a valid value allocates nothing. The zero
// value is ready to use; it is not safe for concurrent use.
type Validator struct {
	// A fixed array rather than a slice over an inline buffer: a self-referential
	// slice would make every Validator escape to the heap.
	path  [inlinePath]segment
	deep  []segment // steps beyond inlinePath
	depth int
	found []Violation
}

// Enter descends into the property key.
func (v *Validator) Enter(key string) { v.push(segment{key: key, index: -1}) }

// EnterIndex descends into array item i.
func (v *Validator) EnterIndex(i int) { v.push(segment{index: i}) }

// Leave undoes the last Enter or EnterIndex.
func (v *Validator) Leave() {
	v.depth--
	if v.depth >= inlinePath {
		v.deep = v.deep[:v.depth-inlinePath]
	}
}

func (v *Validator) push(s segment) {
	if v.depth < inlinePath {
		v.path[v.depth] = s
	} else {
		v.deep = append(v.deep, s)
	}
	v.depth++
}

// Fail records a violation at the current path.
func (v *Validator) Fail(message string) {
	v.found = append(v.found, Violation{Pointer: v.Pointer(), Message: message})
}

// Failf records a violation at the current path with a formatted message.
func (v *Validator) Failf(format string, args ...any) {
	v.Fail(fmt.Sprintf(format, args...))
}

// Include records, under the current path, the violations of err, which a
// generated Validate method returned: the generated checks outside a model's
// package (its contract checks) reach the model's rules this way. An error
// that is no *ValidationError is recorded as one violation; nil records nothing.
func (v *Validator) Include(err error) {
	if err == nil {
		return
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		v.Fail(err.Error())
		return
	}
	at := v.Pointer()
	for _, x := range ve.Violations {
		v.found = append(v.found, Violation{Pointer: at + x.Pointer, Message: x.Message})
	}
}

// Pointer renders the current path as a JSON pointer, escaping "~" and "/".
func (v *Validator) Pointer() string {
	var b strings.Builder
	for i := range v.depth {
		s := v.step(i)
		b.WriteByte('/')
		if s.index >= 0 {
			b.WriteString(strconv.Itoa(s.index))
			continue
		}
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(s.key))
	}
	return b.String()
}

func (v *Validator) step(i int) segment {
	if i < inlinePath {
		return v.path[i]
	}
	return v.deep[i-inlinePath]
}

// Err returns nil when nothing was found, else a *ValidationError.
func (v *Validator) Err() error {
	if len(v.found) == 0 {
		return nil
	}
	return &ValidationError{Violations: v.found}
}

// DuplicateItem returns the indexes of the first two equal items, for uniqueItems.
func DuplicateItem[T comparable](items []T) (int, int, bool) {
	seen := make(map[T]int, len(items))
	for j, x := range items {
		if i, dup := seen[x]; dup {
			return i, j, true
		}
		seen[x] = j
	}
	return 0, 0, false
}

// DuplicateJSON is DuplicateItem for item types Go cannot compare (structs holding
// slices, maps, unions): two items are equal when they encode to the same JSON,
// which for one Go type means the same properties with the same values.
func DuplicateJSON[T any](items []T) (int, int, bool) {
	seen := make(map[string]int, len(items))
	for j, x := range items {
		data, err := json.Marshal(x)
		if err != nil {
			continue // an unencodable item cannot be compared; encoding reports it
		}
		if i, dup := seen[string(data)]; dup {
			return i, j, true
		}
		seen[string(data)] = j
	}
	return 0, 0, false
}

// MultipleOf reports whether value is an integer multiple of step, allowing the
// rounding error of float64 arithmetic relative to value (2^-51 of it), as
// kin-openapi does, so 0.3 is a multiple of 0.1.
func MultipleOf(value, step float64) bool {
	if step <= 0 || math.IsNaN(value) || math.IsInf(value, 0) {
		return true // a non-positive step is a spec error load reports; nothing to hold value to
	}
	q := value / step
	if q == math.Trunc(q) {
		return true
	}
	gap := math.Min(math.Abs(value-math.Floor(q)*step), math.Abs(value-math.Ceil(q)*step))
	return gap <= math.Abs(value)*0x1p-51
}
