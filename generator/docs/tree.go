package docs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/generator/ir"
)

// tree writes a type as a nested Markdown list of every field, from the IR.
// A model already open on the current path is named, not expanded again, so
// recursive types end.
type tree struct {
	models map[string]*ir.Model
	open   []string
}

func newTree(a *ir.API) *tree {
	t := &tree{models: map[string]*ir.Model{}}
	for _, m := range a.Models {
		t.models[m.GoName] = m
	}
	return t
}

// model writes the fields (or variants) of the named model at depth.
func (t *tree) model(b *md, name string, depth int) {
	m := t.models[name]
	if m == nil {
		return
	}
	if slices.Contains(t.open, name) {
		return
	}
	t.open = append(t.open, name)
	defer func() { t.open = t.open[:len(t.open)-1] }()
	switch m.Kind {
	case ir.Struct:
		if len(m.Fields) == 0 && depth == 0 {
			b.line("- (no fields)")
		}
		for _, f := range m.Fields {
			req := ""
			if f.Required {
				req = ", required"
			}
			b.linef("%s- %s *%s%s* (Go `%s`)%s", indent(depth), codeSpan(f.Name), t.typeText(f.Type), req, f.GoName, t.describe(f.Doc, f.Type))
			t.children(b, f.Type, depth+1)
		}
	case ir.Union:
		for _, v := range m.Variants {
			b.linef("%s- as a JSON %s%s: *%s* (Go `%s`)", indent(depth), kindWords(v), pickedBy(m, v), t.typeText(v.Type), v.GoName)
			t.children(b, v.Type, depth+1)
		}
	case ir.Alias, ir.Defined:
		t.children(b, m.Type, depth)
	}
}

// typ writes an anonymous type (a request body) at depth.
func (t *tree) typ(b *md, ref ir.TypeRef, depth int) {
	b.linef("%s- *%s*", indent(depth), t.typeText(ref))
	t.children(b, ref, depth+1)
}

// children expands what a field's type holds: struct fields, union variants,
// through arrays, maps, aliases and defined types.
func (t *tree) children(b *md, ref ir.TypeRef, depth int) {
	switch ref.Kind {
	case ir.Array, ir.Map:
		if ref.Elem != nil {
			t.children(b, *ref.Elem, depth)
		}
	case ir.Named:
		m := t.models[ref.Name]
		if m == nil || m.Kind == ir.Enum {
			return
		}
		if slices.Contains(t.open, ref.Name) {
			b.linef("%s- (recursive: the fields of `%s` above)", indent(depth), ref.Name)
			return
		}
		t.model(b, ref.Name, depth)
	}
}

// typeText names a type for readers: JSON shape first, Go type after.
func (t *tree) typeText(ref ir.TypeRef) string {
	switch ref.Kind {
	case ir.Primitive:
		return ref.Name
	case ir.Array:
		return "array of " + t.typeText(*ref.Elem)
	case ir.Map:
		return "map of string to " + t.typeText(*ref.Elem)
	case ir.RawJSON:
		if c := ref.Constraints; c != nil && len(c.Enum) > 0 { // an enum of objects or arrays
			spans := make([]string, len(c.Enum))
			for i, v := range c.Enum {
				spans[i] = codeSpan(v)
			}
			return "the JSON value " + strings.Join(spans, " or ")
		}
		return "any JSON value"
	}
	m := t.models[ref.Name]
	if m == nil {
		return ref.Name
	}
	switch m.Kind {
	case ir.Struct:
		return "object " + ref.Name
	case ir.Enum:
		return "enum " + ref.Name + " (" + t.typeText(m.Enum.Base) + ")"
	case ir.Union:
		return "union " + ref.Name
	}
	return ref.Name + " = " + t.typeText(m.Type)
}

// describe is ": doc" plus the values of an enum type, on one line.
func (t *tree) describe(doc string, ref ir.TypeRef) string {
	doc = inline(doc)
	for ref.Kind == ir.Array && ref.Elem != nil {
		ref = *ref.Elem
	}
	if ref.Kind == ir.Named {
		if m := t.models[ref.Name]; m != nil && m.Kind == ir.Enum {
			var vals []string
			for _, v := range m.Enum.Values {
				vals = append(vals, codeSpan(fmt.Sprint(v.Raw)))
			}
			if len(vals) > 0 {
				if doc != "" && !strings.HasSuffix(doc, ".") {
					doc += "."
				}
				doc = strings.TrimSpace(doc + " Values: " + strings.Join(vals, ", ") + ".")
				if m.Enum.Open {
					doc += " The list is open: the service may send other values."
				}
			}
		}
	}
	if doc == "" {
		return ""
	}
	return ": " + doc
}

func indent(depth int) string { return strings.Repeat("  ", depth) }

// kindWords are the JSON types an alternative takes: "string", "string or number".
func kindWords(v *ir.Variant) string {
	if len(v.Kinds) < 2 {
		return string(v.Kind)
	}
	words := make([]string, len(v.Kinds))
	for i, k := range v.Kinds {
		words[i] = string(k)
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// pickedBy says which values of its JSON type a union's alternative takes: the
// objects whose discriminator has one of its values, those with its key, those
// whose key has its JSON type, or, where nothing tells the alternatives apart,
// those valid for it.
func pickedBy(m *ir.Model, v *ir.Variant) string {
	switch {
	case len(v.Values) > 0:
		quoted := make([]string, len(v.Values))
		for i, val := range v.Values {
			quoted[i] = codeSpan(val)
		}
		return " whose " + codeSpan(m.Discriminator) + " is " + strings.Join(quoted, " or ")
	case v.KeyKind != "":
		return " whose " + codeSpan(v.Key) + " is a JSON " + string(v.KeyKind)
	case v.Key != "":
		return " with " + codeSpan(v.Key)
	}
	for _, p := range m.Picks {
		if p.Rule == ir.PickTrial && slices.Contains(p.Variants, v) {
			if m.AnyOf {
				return " valid for it (the first such alternative)"
			}
			return " valid for it (and for no other alternative)"
		}
	}
	return ""
}
