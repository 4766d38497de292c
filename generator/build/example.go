package build

import (
	"math"
	"strconv"

	"github.com/acsgen/acsgen/generator/ir"
)

// example is the call ExampleClient_<Operation> makes: every required parameter,
// and every optional one the spec gives an example for, set to that example. A
// required parameter whose example is missing or does not fit its type is left at
// its zero value; the docs show the example as code to adapt, and go test only
// compiles it.
func (b *builder) example(o *ir.Operation) *ir.Example {
	ex := &ir.Example{}
	for _, p := range o.Params {
		v := exampleValue(p, b.paramExamples[p])
		if v == nil && !p.Required {
			continue
		}
		f := ir.ExampleField{Param: p, Value: v, Const: b.enumConst(p.Type, v)}
		if items, ok := v.([]any); ok {
			f.ItemConsts = make([]string, len(items))
			for i, it := range items {
				f.ItemConsts[i] = b.enumConst(*p.Type.Elem, it)
			}
		}
		ex.Fields = append(ex.Fields, f)
	}
	return ex
}

// exampleValue converts a spec example to the Go scalar of p, or to a slice of them
// for an array; nil when it does not fit. An array's example may be a list or, as
// Alibaba's documentation often writes it, one value.
func exampleValue(p *ir.Param, raw any) any {
	if raw == nil {
		return nil
	}
	if p.Type.Kind != ir.Array {
		return scalarValue(p.Scalar, raw)
	}
	items, ok := raw.([]any)
	if !ok {
		items = []any{raw}
	}
	out := make([]any, 0, len(items))
	for _, it := range items {
		v := scalarValue(p.Scalar, it)
		if v == nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// scalarValue converts raw (as YAML or JSON decoded it) to the kind of Go value
// the primitive scalar takes, or nil. Numbers written as strings are accepted,
// since examples in Alibaba's specs often are.
func scalarValue(scalar string, raw any) any {
	switch scalar {
	case "string":
		switch v := raw.(type) {
		case string:
			return v
		case bool, int, int64, float64:
			return exampleText(v)
		}
	case "bool":
		switch v := raw.(type) {
		case bool:
			return v
		case string:
			if b, err := strconv.ParseBool(v); err == nil {
				return b
			}
		}
	case "int32", "int64":
		bits := 64
		if scalar == "int32" {
			bits = 32
		}
		switch v := raw.(type) {
		case int:
			return fitInt(int64(v), bits)
		case int64:
			return fitInt(v, bits)
		case float64:
			if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
				return fitInt(int64(v), bits)
			}
		case string:
			if n, err := strconv.ParseInt(v, 10, bits); err == nil {
				return n
			}
		}
	case "float32", "float64":
		switch v := raw.(type) {
		case int:
			return float64(v)
		case int64:
			return float64(v)
		case float64:
			return v
		case string:
			if f, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
				return f
			}
		}
	}
	return nil
}

func fitInt(v int64, bits int) any {
	if bits == 32 && (v < math.MinInt32 || v > math.MaxInt32) {
		return nil
	}
	return v
}

// enumConst names the constant of t's enum whose value is v, "" if t is no enum
// or has no such value.
func (b *builder) enumConst(t ir.TypeRef, v any) string {
	if t.Kind == ir.Array {
		return "" // items are written as values of the item type
	}
	m := b.models[t.Name]
	if t.Kind != ir.Named || m == nil || m.Kind != ir.Enum || v == nil {
		return ""
	}
	for _, ev := range m.Enum.Values {
		if sameScalar(ev.Raw, v) {
			return ev.GoName
		}
	}
	return ""
}

func sameScalar(a, b any) bool {
	switch x := a.(type) {
	case int64:
		y, ok := b.(int64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	}
	return false
}
