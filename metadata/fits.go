package metadata

import (
	"fmt"
	"math"
	"slices"
)

// maxFitDepth bounds the walk through schemas that refer to themselves.
const maxFitDepth = 64

// misfit returns where v (a decoded JSON value, numbers as int64 or float64) does
// not fit s, as a JSON pointer, or "" when it fits. The check covers what a spec
// loader holds examples to: types, enums, items and known properties. The
// metadata's response examples sometimes disagree with its own schemas; such an
// example is left out rather than written into a spec that would not load.
func (c *converter) misfit(s *Schema, v any, at string, depth int) string {
	if s == nil || depth > maxFitDepth {
		return ""
	}
	if s.Ref != "" {
		name := s.Ref[min(len(refPrefix), len(s.Ref)):]
		target, _ := c.doc.Components.Schemas.Get(name)
		return c.misfit(target, v, at, depth+1)
	}
	if v == nil {
		return "" // null: left to nullable handling, which the metadata never states
	}
	where := at
	if where == "" {
		where = "/"
	}
	ok := true
	switch s.Type {
	case "string":
		_, ok = v.(string)
	case "integer":
		switch x := v.(type) {
		case int64:
		case float64:
			ok = x == math.Trunc(x)
		default:
			ok = false
		}
	case "number":
		switch v.(type) {
		case int64, float64:
		default:
			ok = false
		}
	case "boolean":
		_, ok = v.(bool)
	case "array":
		items, isList := v.([]any)
		if !isList {
			return where + ": not an array"
		}
		for i, it := range items {
			if m := c.misfit(s.Items, it, fmt.Sprintf("%s/%d", at, i), depth+1); m != "" {
				return m
			}
		}
	case "object":
		obj, isObj := v.(map[string]any)
		if !isObj {
			return where + ": not an object"
		}
		for _, k := range s.Properties.Keys {
			if pv, present := obj[k]; present {
				if m := c.misfit(s.Properties.Values[k], pv, at+"/"+k, depth+1); m != "" {
					return m
				}
			}
		}
	}
	if !ok {
		return fmt.Sprintf("%s: not a %s", where, s.Type)
	}
	if len(s.Enum) > 0 && s.Type == "string" && !slices.ContainsFunc(s.Enum, func(e any) bool { return fmt.Sprint(e) == fmt.Sprint(v) }) {
		return fmt.Sprintf("%s: %v is not one of the enum values", where, v)
	}
	return ""
}
