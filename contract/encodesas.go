package contract

// How encoding/json sees a Go type: whether it encodes itself, and the fields of
// a struct. encodesAsBody walks values by these.

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

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
