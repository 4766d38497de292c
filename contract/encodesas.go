package contract

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// encodesAs reports whether json.Marshal would encode v as JSON equal to tree, a
// value decoded by encoding/json into any (maps, slices, float64, string, bool,
// nil). It walks v as the encoder would, without encoding, which is what makes a
// compiled check cheaper than kin-openapi's; values with their own MarshalJSON or
// MarshalText, and struct layouts it does not model, are encoded and compared.
func encodesAs(v reflect.Value, tree any) bool {
	if !v.IsValid() {
		return tree == nil
	}
	t := v.Type()
	switch marshals(t) {
	case byValue:
		return marshalledAs(v.Interface(), tree)
	case byPointer:
		if v.CanAddr() {
			return marshalledAs(v.Addr().Interface(), tree)
		}
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return tree == nil
		}
		return encodesAs(v.Elem(), tree)
	case reflect.Struct:
		return structEncodesAs(v, tree)
	case reflect.Map:
		if v.IsNil() {
			return tree == nil
		}
		if t.Key() != reflect.TypeFor[string]() {
			return marshalledAs(v.Interface(), tree) // keys that encode in other ways
		}
		m, ok := tree.(map[string]any)
		if !ok || len(m) != v.Len() {
			return false
		}
		for it := v.MapRange(); it.Next(); {
			x, ok := m[it.Key().String()]
			if !ok || !encodesAs(it.Value(), x) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if v.IsNil() {
			return tree == nil
		}
		if t.Elem().Kind() == reflect.Uint8 {
			return marshalledAs(v.Interface(), tree) // base64
		}
		fallthrough
	case reflect.Array:
		items, ok := tree.([]any)
		if !ok || len(items) != v.Len() {
			return false
		}
		for i := range items {
			if !encodesAs(v.Index(i), items[i]) {
				return false
			}
		}
		return true
	case reflect.String:
		s, ok := tree.(string)
		return ok && utf8.ValidString(v.String()) && s == v.String()
	case reflect.Bool:
		b, ok := tree.(bool)
		return ok && b == v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		// The decimal the encoder writes parses to the nearest float64, as the conversion rounds.
		f, ok := tree.(float64)
		return ok && f == float64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		f, ok := tree.(float64)
		return ok && f == float64(v.Uint())
	case reflect.Float32:
		// The encoder writes the shortest decimal that is the float32; read as float64.
		f, ok := tree.(float64)
		want, err := strconv.ParseFloat(strconv.FormatFloat(v.Float(), 'g', -1, 32), 64)
		return ok && err == nil && f == want
	case reflect.Float64:
		f, ok := tree.(float64)
		return ok && f == v.Float()
	}
	return false
}

// marshalledAs encodes x and compares the result with tree.
func marshalledAs(x any, tree any) bool {
	data, err := json.Marshal(x)
	if err != nil {
		return false
	}
	var again any
	if json.Unmarshal(data, &again) != nil {
		return false
	}
	return reflect.DeepEqual(again, tree)
}

func structEncodesAs(v reflect.Value, tree any) bool {
	fields, ok := jsonFields(v.Type())
	if !ok {
		return marshalledAs(v.Interface(), tree)
	}
	m, ok := tree.(map[string]any)
	if !ok {
		return false
	}
	encoded := 0
	for _, f := range fields {
		fv := v.Field(f.index)
		x, present := m[f.name]
		if f.omitted(fv) {
			if present {
				return false
			}
			continue
		}
		if !present || !encodesAs(fv, x) {
			return false
		}
		encoded++
	}
	return encoded == len(m)
}

// How a type encodes itself: byValue when it implements json.Marshaler or
// encoding.TextMarshaler, byPointer when only its pointer does (which the encoder
// uses for addressable values).
const (
	byEncoder = iota
	byValue
	byPointer
)

var marshalCache sync.Map // reflect.Type → int

func marshals(t reflect.Type) int {
	if m, ok := marshalCache.Load(t); ok {
		return m.(int)
	}
	m := byEncoder
	switch {
	case t.Implements(marshalerType) || t.Implements(textMarshalerType):
		m = byValue
	case reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshalerType):
		m = byPointer
	}
	marshalCache.Store(t, m)
	return m
}

var (
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
	isZeroerType      = reflect.TypeFor[interface{ IsZero() bool }]()
)

// jsonField is one struct field as encoding/json sees it.
type jsonField struct {
	index     int
	name      string
	omitEmpty bool
	omitZero  bool
	isZeroer  bool // has an IsZero method, which omitzero consults
}

func (f jsonField) omitted(v reflect.Value) bool {
	if f.omitZero {
		if f.isZeroer {
			if (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && v.IsNil() {
				return true
			}
			return v.Interface().(interface{ IsZero() bool }).IsZero()
		}
		if v.IsZero() {
			return true
		}
	}
	if f.omitEmpty {
		switch v.Kind() {
		case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
			return v.Len() == 0
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
			reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
			return v.IsZero()
		}
	}
	return false
}

// fieldCache maps a struct type to its []jsonField, or nil when the layout is one
// encodesAs leaves to the encoder (embedded fields, the ",string" option, clashing
// names). Generated types have none of those.
var fieldCache sync.Map

func jsonFields(t reflect.Type) ([]jsonField, bool) {
	if cached, ok := fieldCache.Load(t); ok {
		fields := cached.([]jsonField)
		return fields, fields != nil
	}
	fields, ok := modelFields(t)
	if !ok {
		fields = nil
	} else if fields == nil {
		fields = []jsonField{}
	}
	fieldCache.Store(t, fields)
	return fields, ok
}

func modelFields(t reflect.Type) ([]jsonField, bool) {
	var fields []jsonField
	seen := map[string]bool{}
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			return nil, false
		}
		tag := sf.Tag.Get("json")
		if !sf.IsExported() || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		f := jsonField{index: i, name: name, isZeroer: sf.Type.Implements(isZeroerType)}
		for opt := range strings.SplitSeq(opts, ",") {
			switch opt {
			case "omitempty":
				f.omitEmpty = true
			case "omitzero":
				f.omitZero = true
			case "string":
				return nil, false // quoted numbers
			}
		}
		if seen[name] {
			return nil, false // clashing names: the encoder drops both
		}
		seen[name] = true
		fields = append(fields, f)
	}
	return fields, true
}
