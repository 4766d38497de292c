package contract

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/acsgen/acsgen/acs/jsondec"
)

// encodesAsBody reports whether json.Marshal would encode v as JSON equal to body,
// equal meaning that encoding/json decodes the two into equal values of type any.
// It reads body's tokens alongside v, without decoding body into any or encoding
// v; values with their own MarshalJSON or MarshalText, and struct layouts the
// walk does not model, are encoded and compared with the bytes of their part of
// body.
//
// A body that is not JSON, is JSON null, or holds a number outside float64's
// range (which encoding/json cannot decode into any) encodes nothing: false.
//
// A key repeated in an object is judged as encoding/json's decoding into any sees
// it: the last occurrence is the member. So every value is read to its end, even
// once it is known to differ, and each object keeps the verdict of each member's
// last occurrence.
func encodesAsBody(v reflect.Value, body []byte) bool {
	w := bodyWalk{data: body}
	w.d.Reset(body)
	if c := w.d.Peek(); c == 0 || c == 'n' {
		return false
	}
	same := w.value(v)
	return w.d.Finish() && !w.unfit && same
}

// encodesAsPart is encodesAsBody for part of a body, one JSON value, which may be
// null: whether v would encode as the body does there.
func encodesAsPart(v reflect.Value, part []byte) bool {
	w := bodyWalk{data: part}
	w.d.Reset(part)
	same := w.value(v)
	return w.d.Finish() && !w.unfit && same
}

type bodyWalk struct {
	d     jsondec.Decoder
	data  []byte
	unfit bool // a number out of float64's range: the body has no tree to compare
}

// value reads one value and reports whether v encodes as it. It reads the whole
// value whatever it finds, so that the walk of an enclosing object goes on.
func (w *bodyWalk) value(v reflect.Value) bool {
	if !v.IsValid() {
		return w.null()
	}
	return matcherOf(v.Type()).match(w, v)
}

// A typeMatcher compares values of one type with the body, the decisions that
// depend only on the type (how it encodes, its fields, its elements' matchers)
// taken once, when it is built.
type typeMatcher struct {
	match func(w *bodyWalk, v reflect.Value) bool
}

var (
	matchers     sync.Map   // reflect.Type → *typeMatcher, complete
	matcherBuild sync.Mutex // held while matchers are built
)

// matcherOf returns the matcher of t, building it and those it refers to.
func matcherOf(t reflect.Type) *typeMatcher {
	if m, ok := matchers.Load(t); ok {
		return m.(*typeMatcher)
	}
	matcherBuild.Lock()
	defer matcherBuild.Unlock()
	building := map[reflect.Type]*typeMatcher{}
	m := buildMatcher(t, building)
	for t, m := range building {
		matchers.Store(t, m)
	}
	return m
}

// buildMatcher returns t's matcher; building holds those made by this build, so
// that a recursive type refers to its own matcher before it is complete.
func buildMatcher(t reflect.Type, building map[reflect.Type]*typeMatcher) *typeMatcher {
	if m, ok := matchers.Load(t); ok {
		return m.(*typeMatcher)
	}
	if m, ok := building[t]; ok {
		return m
	}
	m := &typeMatcher{}
	building[t] = m
	byKind := kindMatcher(t, building)
	switch marshals(t) {
	case byValue:
		m.match = func(w *bodyWalk, v reflect.Value) bool { return w.marshalled(v.Interface()) }
	case byPointer:
		m.match = func(w *bodyWalk, v reflect.Value) bool {
			if v.CanAddr() {
				return w.marshalled(v.Addr().Interface())
			}
			return byKind(w, v)
		}
	default:
		m.match = byKind
	}
	return m
}

// kindMatcher compares a value of t as the encoder writes its kind.
func kindMatcher(t reflect.Type, building map[reflect.Type]*typeMatcher) func(w *bodyWalk, v reflect.Value) bool {
	switch t.Kind() {
	case reflect.Pointer:
		elem := buildMatcher(t.Elem(), building)
		return func(w *bodyWalk, v reflect.Value) bool {
			if v.IsNil() {
				return w.null()
			}
			return elem.match(w, v.Elem())
		}
	case reflect.Interface:
		return func(w *bodyWalk, v reflect.Value) bool {
			if v.IsNil() {
				return w.null()
			}
			return w.value(v.Elem())
		}
	case reflect.Struct:
		info, ok := bodyFields(t)
		if !ok {
			return func(w *bodyWalk, v reflect.Value) bool { return w.marshalled(v.Interface()) }
		}
		fields := make([]*typeMatcher, len(info.fields))
		for i, f := range info.fields {
			fields[i] = buildMatcher(t.Field(f.index).Type, building)
		}
		return func(w *bodyWalk, v reflect.Value) bool { return w.structValue(v, info, fields) }
	case reflect.Map:
		if t.Key() != stringType {
			return marshalledOrNull // keys that encode in other ways
		}
		elem := buildMatcher(t.Elem(), building)
		return func(w *bodyWalk, v reflect.Value) bool {
			if v.IsNil() {
				return w.null()
			}
			return w.mapValue(v, elem)
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return marshalledOrNull // base64
		}
		elem := buildMatcher(t.Elem(), building)
		return func(w *bodyWalk, v reflect.Value) bool {
			if v.IsNil() {
				return w.null()
			}
			return w.array(v, elem)
		}
	case reflect.Array:
		elem := buildMatcher(t.Elem(), building)
		return func(w *bodyWalk, v reflect.Value) bool { return w.array(v, elem) }
	case reflect.String:
		return func(w *bodyWalk, v reflect.Value) bool {
			if w.d.Peek() != '"' {
				return w.differs()
			}
			s, ok := w.d.ReadString()
			return ok && string(s) == v.String() && utf8.ValidString(v.String())
		}
	case reflect.Bool:
		return func(w *bodyWalk, v reflect.Value) bool {
			if c := w.d.Peek(); c != 't' && c != 'f' {
				return w.differs()
			}
			lit := w.d.ReadLiteral()
			return lit != 0 && (lit == 't') == v.Bool()
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		// The decimal the encoder writes parses to the nearest float64, as the conversion rounds.
		return func(w *bodyWalk, v reflect.Value) bool {
			f, ok := w.number()
			return ok && f == float64(v.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return func(w *bodyWalk, v reflect.Value) bool {
			f, ok := w.number()
			return ok && f == float64(v.Uint())
		}
	case reflect.Float32:
		// The encoder writes the shortest decimal that is the float32; read as float64.
		return func(w *bodyWalk, v reflect.Value) bool {
			f, ok := w.number()
			if !ok {
				return false
			}
			var buf [32]byte
			want, err := strconv.ParseFloat(string(strconv.AppendFloat(buf[:0], v.Float(), 'g', -1, 32)), 64)
			return err == nil && f == want
		}
	case reflect.Float64:
		return func(w *bodyWalk, v reflect.Value) bool {
			f, ok := w.number()
			return ok && f == v.Float()
		}
	}
	return func(w *bodyWalk, _ reflect.Value) bool { return w.differs() }
}

// differs reads a value found to differ from what it is compared with.
func (w *bodyWalk) differs() bool {
	w.skip()
	return false
}

// null reads a value and reports whether it is null.
func (w *bodyWalk) null() bool {
	if w.d.Peek() != 'n' {
		return w.differs()
	}
	return w.d.ReadLiteral() == 'n'
}

// number reads a value and returns it as encoding/json decodes a number into any;
// false if it is not a number.
func (w *bodyWalk) number() (float64, bool) {
	if c := w.d.Peek(); c != '-' && (c < '0' || c > '9') {
		return 0, w.differs()
	}
	text, ok := w.d.ReadNumber()
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil {
		w.unfit = true
		return 0, false
	}
	return f, true
}

// skip reads a value, checking its numbers as decoding into any would.
func (w *bodyWalk) skip() {
	switch c := w.d.Peek(); c {
	case 0:
	case '{', '[':
		if w.d.Enter() {
			for {
				if c == '{' {
					if _, ok := w.d.ReadKey(); !ok {
						return
					}
				}
				w.skip()
				if !w.d.Next(c) {
					break
				}
			}
		}
	case '"':
		w.d.ReadString()
	case 't', 'f', 'n':
		w.d.ReadLiteral()
	default:
		if text, ok := w.d.ReadNumber(); ok {
			if _, err := strconv.ParseFloat(string(text), 64); err != nil {
				w.unfit = true
			}
		}
	}
}

// marshalled encodes x and compares the result with the value at the cursor.
func (w *bodyWalk) marshalled(x any) bool {
	if w.d.Peek() == 0 {
		return false
	}
	start := w.d.Offset()
	w.skip()
	if w.d.Err() != nil || w.unfit {
		return false
	}
	part := w.data[start:w.d.Offset()]
	data, err := json.Marshal(x)
	if err != nil {
		return false
	}
	if bytes.Equal(data, part) {
		return true // the part decodes: its grammar and numbers were checked
	}
	var a, b any
	if json.Unmarshal(data, &a) != nil || json.Unmarshal(part, &b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}

// Verdicts on a struct field while its object is read.
const (
	fieldAbsent  uint8 = iota // no member yet
	fieldSame                 // the last member with its name encodes as the field
	fieldDiffers              // the last one does not
	fieldOmitted              // the encoder leaves the field out
)

// structValue compares v, of a struct type with the given fields and their
// matchers, with the object at the cursor.
func (w *bodyWalk) structValue(v reflect.Value, info *structFields, matchers []*typeMatcher) bool {
	if w.d.Peek() != '{' {
		return w.differs()
	}
	var inline [32]uint8
	state := inline[:0]
	if len(info.fields) > len(inline) {
		state = make([]uint8, 0, len(info.fields))
	}
	for _, f := range info.fields {
		s := fieldAbsent
		if f.omittedFast(v.Field(f.index)) {
			s = fieldOmitted
		}
		state = append(state, s)
	}
	same := true
	next := 0 // the field after the last member's: bodies mostly list them in order
	if w.d.Enter() {
		for {
			key, ok := w.d.ReadKey()
			if !ok {
				return false
			}
			i, known := next, next < len(info.fields) && info.fields[next].name == string(key)
			if !known {
				i, known = info.byName[string(key)]
			}
			next = i + 1
			switch {
			case !known || state[i] == fieldOmitted:
				// A member the encoder does not write, whichever comes last.
				same = w.differs()
			case matchers[i].match(w, v.Field(info.fields[i].index)):
				state[i] = fieldSame
			default:
				state[i] = fieldDiffers
			}
			if !w.d.Next('{') {
				break
			}
		}
	}
	if w.d.Err() != nil || !same {
		return false
	}
	for _, s := range state {
		if s == fieldAbsent || s == fieldDiffers {
			return false
		}
	}
	return true
}

func (w *bodyWalk) mapValue(v reflect.Value, elem *typeMatcher) bool {
	if w.d.Peek() != '{' {
		return w.differs()
	}
	same := true
	var last map[string]bool // each key's last member: whether it encodes as the map's value
	if w.d.Enter() {
		last = make(map[string]bool, v.Len())
		for {
			b, ok := w.d.ReadKey()
			if !ok {
				return false
			}
			key := string(b)
			if x := v.MapIndex(reflect.ValueOf(key)); x.IsValid() {
				last[key] = elem.match(w, x)
			} else {
				same = w.differs() // a key the map has not got, whichever comes last
			}
			if !w.d.Next('{') {
				break
			}
		}
	}
	if w.d.Err() != nil || !same || len(last) != v.Len() {
		return false
	}
	for _, ok := range last {
		if !ok {
			return false
		}
	}
	return true
}

func (w *bodyWalk) array(v reflect.Value, elem *typeMatcher) bool {
	if w.d.Peek() != '[' {
		return w.differs()
	}
	n, i, same := v.Len(), 0, true
	if w.d.Enter() {
		for {
			if same && i < n {
				same = elem.match(w, v.Index(i))
			} else {
				same = w.differs()
			}
			i++
			if !w.d.Next('[') {
				break
			}
		}
	}
	return w.d.Err() == nil && same && i == n
}

var stringType = reflect.TypeFor[string]()

// omittedFast is omitted, calling an IsZero method through the field's address
// when it has one, so that the call does not copy the field to the heap.
func (f jsonField) omittedFast(v reflect.Value) bool {
	if f.omitZero && f.isZeroer && v.CanAddr() && v.Kind() != reflect.Pointer && v.Kind() != reflect.Interface {
		return v.Addr().Interface().(interface{ IsZero() bool }).IsZero()
	}
	return f.omitted(v)
}

// structFields is a struct type's jsonFields, and the position of each in them by
// JSON name.
type structFields struct {
	fields []jsonField
	byName map[string]int
}

// bodyFields is t's fields for structValue; false for a layout left to the encoder.
func bodyFields(t reflect.Type) (*structFields, bool) {
	fields, ok := jsonFields(t)
	if !ok {
		return nil, false
	}
	info := &structFields{fields: fields, byName: make(map[string]int, len(fields))}
	for i, f := range fields {
		info.byName[f.name] = i
	}
	return info, true
}

// marshalledOrNull matches a nil map or slice with null and any other with what
// encoding/json writes for it.
func marshalledOrNull(w *bodyWalk, v reflect.Value) bool {
	if v.IsNil() {
		return w.null()
	}
	return w.marshalled(v.Interface())
}
