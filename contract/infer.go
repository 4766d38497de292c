package contract

import "math"

// inferSchema proposes an OpenAPI 3.0 schema for an observed JSON value, as a plain
// map so it marshals with sorted keys. Observed values never appear in it: a
// recording may hold data the spec's authors should not copy.
func inferSchema(v any) map[string]any {
	switch x := v.(type) {
	case nil:
		return map[string]any{"nullable": true}
	case bool:
		return map[string]any{"type": "boolean"}
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return map[string]any{"type": "integer", "format": "int64"}
		}
		return map[string]any{"type": "number"}
	case string:
		return map[string]any{"type": "string"}
	case []any:
		var items map[string]any
		for i, item := range x {
			if i == 0 {
				items = inferSchema(item)
			} else {
				items = mergeSchemas(items, inferSchema(item))
			}
		}
		if items == nil {
			items = map[string]any{}
		}
		return map[string]any{"type": "array", "items": items}
	case map[string]any:
		props := map[string]any{}
		for k, val := range x {
			props[k] = inferSchema(val)
		}
		return map[string]any{"type": "object", "properties": props}
	}
	return map[string]any{}
}

// mergeSchemas widens two inferred schemas into one that accepts both values:
// objects unite their properties, arrays merge their items, an integer and a
// number make a number, null makes the other nullable, and anything else becomes
// the unconstrained schema {}.
func mergeSchemas(a, b map[string]any) map[string]any {
	ta, tb := a["type"], b["type"]
	switch {
	case ta == nil && a["nullable"] == true:
		return withNullable(b)
	case tb == nil && b["nullable"] == true:
		return withNullable(a)
	case ta == tb && ta == "object":
		props := map[string]any{}
		for k, v := range a["properties"].(map[string]any) {
			props[k] = v
		}
		for k, v := range b["properties"].(map[string]any) {
			if old, ok := props[k]; ok {
				v = mergeSchemas(old.(map[string]any), v.(map[string]any))
			}
			props[k] = v
		}
		return keepNullable(map[string]any{"type": "object", "properties": props}, a, b)
	case ta == tb && ta == "array":
		items := mergeSchemas(a["items"].(map[string]any), b["items"].(map[string]any))
		return keepNullable(map[string]any{"type": "array", "items": items}, a, b)
	case ta == tb:
		return keepNullable(copySchema(a), a, b)
	case (ta == "integer" && tb == "number") || (ta == "number" && tb == "integer"):
		return keepNullable(map[string]any{"type": "number"}, a, b)
	}
	return map[string]any{}
}

func withNullable(s map[string]any) map[string]any {
	if s["type"] == nil {
		return s // {} already admits null
	}
	out := copySchema(s)
	out["nullable"] = true
	return out
}

func keepNullable(s, a, b map[string]any) map[string]any {
	if a["nullable"] == true || b["nullable"] == true {
		s["nullable"] = true
	}
	return s
}

func copySchema(s map[string]any) map[string]any {
	out := make(map[string]any, len(s))
	for k, v := range s {
		out[k] = v
	}
	return out
}
