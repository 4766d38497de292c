package contract

import (
	"encoding/json"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// The comparison compiled checks made before encodesAsBody read the body's bytes:
// v against the body decoded by encoding/json into any. It stays as the oracle
// that encodesAsBody is held to (TestEncodesAsBodyAgreesWithTheTree,
// FuzzEncodesAsBody).

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
