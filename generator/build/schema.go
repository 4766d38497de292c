package build

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/names"
)

const componentPrefix = "#/components/schemas/"

// validateMethod is declared on every generated model and request type, so no
// field may take its name.
const validateMethod = "Validate"

// structMethods are the methods every generated struct model declares: Validate,
// and DecodeJSON (decode_gen.go), whose name a field "decodeJSON" would take.
var structMethods = []string{validateMethod, "DecodeJSON"}

// buildComponents makes one model per component schema, in name order so that
// collisions are reported against the lexically first owner.
func (b *builder) buildComponents() {
	if b.doc.Components == nil {
		return
	}
	b.reserveSchemaNames()
	for _, name := range sortedKeys(b.doc.Components.Schemas) {
		b.component(name)
	}
}

// component returns the model of a component schema, building it on first use.
func (b *builder) component(name string) *ir.Model {
	ref := b.doc.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		return nil
	}
	if m, ok := b.byPointer[ref.Value]; ok {
		return m
	}
	path := []string{"components", "schemas", name}
	ext := ref.Value.Extensions
	if ref.Ref != "" {
		ext = ref.Extensions
	}
	goName := b.goName(ext, name, path)
	if rename, ok := b.renamed[name]; ok {
		b.warnf(path, "schema %q maps to Go name %s, which the generated code declares itself; it is %s (set x-go-name)", name, goName, rename)
		goName = rename
	}
	if ref.Ref != "" {
		// A component that is only a $ref to another one becomes an alias.
		target := b.refTarget(ref.Ref, path)
		if target == nil || goName == "" || !b.declare(goName, name, path) {
			return nil
		}
		m := &ir.Model{Name: name, GoName: goName, Kind: ir.Alias, Type: named(target.GoName), Pos: b.loc.Pos(path...),
			Doc: goName + " is the schema " + name + ", the same type as " + target.GoName + "."}
		b.models[goName] = m
		return m
	}
	return b.namedModel(ref.Value, name, goName, path, "is the schema "+name+".")
}

func (b *builder) refTarget(ref string, path []string) *ir.Model {
	name, ok := strings.CutPrefix(ref, componentPrefix)
	if !ok {
		b.errorf(path, "$ref %q does not point at #/components/schemas", ref)
		return nil
	}
	return b.component(name)
}

// namedModel declares goName for schema s and fills in its definition. The model is
// registered before its contents are built, so recursive references resolve to it.
func (b *builder) namedModel(s *openapi3.Schema, specName, goName string, path []string, fallbackDoc string) *ir.Model {
	if goName == "" || !b.declare(goName, specName, path) {
		return nil
	}
	m := &ir.Model{Name: specName, GoName: goName, Pos: b.loc.Pos(path...), Deprecated: s.Deprecated}
	m.Doc = typeDoc(goName, s, fallbackDoc)
	b.models[goName] = m
	b.byPointer[s] = m
	if part, at, ok := unwrapAllOf(s, path); ok {
		if part.Ref != "" {
			b.aliasWrapped(m, part.Ref, at)
			return m
		}
		s, path = part.Value, at
	}
	if merged, ok := b.scalarAllOf(s, path); ok {
		if merged == nil {
			m.Kind, m.Type = ir.Defined, ir.TypeRef{Kind: ir.RawJSON} // reported
			return m
		}
		s = merged
	}
	if u, ok := b.allOfOverUnion(s, path); ok {
		b.openEnum(s, path)
		if u == nil {
			m.Kind, m.Type = ir.Defined, ir.TypeRef{Kind: ir.RawJSON} // reported
			return m
		}
		b.fillUnion(m, u.schema, path, u.altPath)
		return m
	}
	switch {
	case len(s.Enum) > 0 && len(s.OneOf)+len(s.AnyOf)+len(s.AllOf) == 0 && jsonEnum(s):
		b.fillJSONEnum(m, s, path)
	case len(s.Enum) > 0:
		b.fillEnum(m, s, path)
	case len(s.OneOf) > 0 || len(s.AnyOf) > 0:
		b.openEnum(s, path)
		b.fillUnion(m, s, path, path)
	case len(s.AllOf) > 0 || isStruct(s):
		b.openEnum(s, path)
		b.fillStruct(m, s, path)
	default:
		m.Kind = ir.Defined
		hint := goName
		if s.Type.Is("array") {
			hint += "Item" // the array is goName itself: its inline items need a name of their own
		}
		m.Type = b.shape(s, hint, path)
	}
	return m
}

func isStruct(s *openapi3.Schema) bool {
	return len(s.Properties) > 0 || (s.Type.Is("object") && s.AdditionalProperties.Schema == nil && !hasAdditional(s))
}

func hasAdditional(s *openapi3.Schema) bool {
	return s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has
}

// typeOf returns the Go type of a schema reference. Inline schemas that need a
// declaration (objects, enums, unions) become models named hint.
func (b *builder) typeOf(ref *openapi3.SchemaRef, hint string, path []string) ir.TypeRef {
	if ref == nil || ref.Value == nil {
		return ir.TypeRef{Kind: ir.RawJSON}
	}
	if ref.Ref != "" {
		if m := b.refTarget(ref.Ref, path); m != nil {
			return named(m.GoName)
		}
		return ir.TypeRef{Kind: ir.RawJSON}
	}
	s := ref.Value
	if m, ok := b.byPointer[s]; ok {
		return named(m.GoName)
	}
	if part, at, ok := unwrapAllOf(s, path); ok {
		return b.typeOf(part, hint, at)
	}
	if merged, ok := b.scalarAllOf(s, path); ok && (merged == nil || len(merged.Enum) == 0) {
		if merged == nil {
			return ir.TypeRef{Kind: ir.RawJSON} // reported
		}
		return b.shape(merged, hint, path) // a scalar with constraints needs no declaration
	}
	if len(s.Enum) > 0 || len(s.OneOf) > 0 || len(s.AnyOf) > 0 || len(s.AllOf) > 0 || len(s.Properties) > 0 {
		// Hints are built from Go names already; an override replaces them, and
		// a hint that is taken is numbered.
		var goName string
		if override := stringExt(s.Extensions, "x-go-name"); override != "" {
			goName = b.goName(s.Extensions, "", path)
		} else {
			goName = b.madeName(hint, "the inline schema", path)
		}
		specPath := strings.Join(path, ".")
		if m := b.namedModel(s, specPath, goName, path, "is declared inline at "+specPath+"."); m != nil {
			return named(m.GoName)
		}
		return ir.TypeRef{Kind: ir.RawJSON}
	}
	return b.shape(s, hint, path)
}

// shape is the type of a schema that needs no declaration of its own.
func (b *builder) shape(s *openapi3.Schema, hint string, path []string) ir.TypeRef {
	if len(s.Enum) == 0 {
		b.openEnum(s, path) // only reports misuse: there is no enum to open
	}
	t := b.bareShape(s, hint, path)
	scalar := ""
	if t.Kind == ir.Primitive {
		scalar = t.Name
	}
	t.Constraints = b.constraints(s, t.Kind, scalar, path)
	return t
}

func (b *builder) bareShape(s *openapi3.Schema, hint string, path []string) ir.TypeRef {
	switch {
	case s.Type.Is("array"):
		elem := b.typeOf(s.Items, hint, append(path, "items"))
		return ir.TypeRef{Kind: ir.Array, Elem: &elem}
	case s.Type.Is("object") || s.Type == nil && s.AdditionalProperties.Schema != nil:
		if s.AdditionalProperties.Schema != nil {
			elem := b.typeOf(s.AdditionalProperties.Schema, hint+"Value", append(path, "additionalProperties"))
			return ir.TypeRef{Kind: ir.Map, Elem: &elem}
		}
		return ir.TypeRef{Kind: ir.RawJSON}
	case s.Type.Is("string"):
		return prim("string")
	case s.Type.Is("boolean"):
		return prim("bool")
	case s.Type.Is("integer"):
		if s.Format == "int32" {
			return prim("int32")
		}
		return prim("int64")
	case s.Type.Is("number"):
		if s.Format == "float" {
			return prim("float32")
		}
		return prim("float64")
	}
	if s.Not != nil {
		b.errorf(path, "\"not\" is not supported")
	}
	return ir.TypeRef{Kind: ir.RawJSON} // no type: any JSON value, kept verbatim
}

func (b *builder) fillStruct(m *ir.Model, s *openapi3.Schema, path []string) {
	m.Kind = ir.Struct
	// Closed only where the schema declares every property itself: beside allOf,
	// additionalProperties: false refuses the parts' properties too.
	m.Closed = len(s.AllOf) == 0 && s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has
	props, required := b.mergeAllOf(s, path)
	b.fillFields(m, props, required)
}

// fillFields gives struct m a field for each property merged from its schema.
func (b *builder) fillFields(m *ir.Model, props []property, required map[string]bool) {
	seen := map[string]string{} // Go name → JSON name
	var methodLike []property   // properties whose fields are named like a method of OwnJSON structs
	looks := lookalikes{}
	looks.check(validateMethod, "", diag.Pos{})
	for _, p := range props {
		goName := b.goName(p.schema.Extensions(), p.name, p.path)
		if goName == "" {
			continue
		}
		if slices.Contains(structMethods, goName) {
			b.errorf(p.path, "property %q maps to Go field %s, which clashes with the generated method; rename it with x-go-name", p.name, goName)
			continue
		}
		if other, dup := seen[goName]; dup {
			otherPos := b.loc.Pos(append(slices.Clone(p.parent), "properties", other)...)
			if stringExt(p.schema.Extensions(), "x-go-name") != "" {
				b.errorf(p.path, "property %q maps to Go field %s, as does %q at %s; rename one with x-go-name", p.name, goName, other, otherPos)
				continue
			}
			// Two wire names, one Go name (type and Type, user_id and userId): the
			// later one is numbered, as the same spec always numbers it.
			taken := goName
			for n := 2; fieldTaken(seen, goName); n++ {
				goName = taken + strconv.Itoa(n)
			}
			b.warnf(p.path, "property %q maps to Go field %s, as does %q at %s; it is %s (rename it with x-go-name)", p.name, taken, other, otherPos, goName)
		}
		seen[goName] = p.name
		if prev, ok := looks.check(goName, fmt.Sprintf("property %q", p.name), b.loc.Pos(p.path...)); ok {
			b.errorf(p.path, "property %q maps to Go field %s, which reads like %s, %s: %s; rename one with x-go-name",
				p.name, goName, prev.goName, prev.owner(), lookalikeNote(prev.goName, goName))
			continue
		}
		if c := nonASCII(p.name); c != "" && nonASCII(goName) == "" {
			// A Go name made from p.name was warned of already; this is the tag
			// of an x-go-name field.
			b.warnf(p.path, "property name %q holds %s, which is not ASCII; it is the field's json tag, the name sent and read on the wire, and some letters of other scripts are drawn exactly like Latin ones: check that the service uses this name", p.name, c)
		}
		f := b.field(p, goName, m.GoName+goName, required[p.name])
		if !validJSONKey(p.name) {
			// encoding/json would put the Go field name on the wire instead.
			f.Untagged, m.OwnJSON = true, true
			b.warnf(p.path, "property name %q cannot be a Go struct tag key; %s gets MarshalJSON and UnmarshalJSON of its own, which write and read it exactly", p.name, m.GoName)
		}
		if slices.Contains(ownJSONMethods, goName) {
			methodLike = append(methodLike, p)
		}
		m.Fields = append(m.Fields, f)
	}
	for _, p := range methodLike {
		if m.OwnJSON {
			b.errorf(p.path, "property %q maps to a Go field named like the method %s declares to write and read its property names; rename it with x-go-name", p.name, m.GoName)
		}
	}
}

// fieldTaken reports whether a numbered field name is taken: by a field (seen
// maps Go names to JSON names, "" among them) or by a method of the struct.
func fieldTaken(seen map[string]string, goName string) bool {
	_, field := seen[goName]
	return field || slices.Contains(structMethods, goName) || slices.Contains(ownJSONMethods, goName)
}

// ownJSONMethods are the methods an OwnJSON struct declares beside Validate and
// DecodeJSON, so that none of its fields may take their names.
var ownJSONMethods = []string{"MarshalJSON", "UnmarshalJSON"}

type property struct {
	name   string
	schema schemaRef
	parent []string // path of the object schema declaring it
	path   []string
}

// schemaRef lets property carry the ref and its extensions.
type schemaRef struct{ *openapi3.SchemaRef }

func (r schemaRef) Extensions() map[string]any {
	if r.Value == nil {
		return nil
	}
	return r.Value.Extensions
}

// mergeAllOf flattens an object and its allOf parts into one property list, in the
// order the spec writes them; a later part's property replaces an earlier one.
func (b *builder) mergeAllOf(s *openapi3.Schema, path []string) ([]property, map[string]bool) {
	var props []property
	required := map[string]bool{}
	for i, part := range s.AllOf {
		partPath := append(slices.Clone(path), "allOf", strconv.Itoa(i))
		itemPath := partPath
		target := ""
		if part.Ref != "" {
			if name, ok := strings.CutPrefix(part.Ref, componentPrefix); ok {
				partPath = []string{"components", "schemas", name}
				target = fmt.Sprintf(" (%s, declared at %s)", name, b.loc.Pos(partPath...))
			}
		}
		if part.Value != nil && len(part.Value.OneOf)+len(part.Value.AnyOf) > 0 {
			// An allOf over a union is that union (allof_union.go); here the
			// union would be merged into an object: beside another union, or in
			// an alternative of one.
			b.errorf(itemPath, "allOf part%s is a oneOf or anyOf inside another union's alternatives or beside its properties; acsgen builds an allOf over one union, which must not hold itself", target)
			continue
		}
		if part.Value == nil || len(part.Value.Enum) > 0 ||
			!(part.Value.Type == nil || part.Value.Type.Is("object")) {
			b.errorf(itemPath, "allOf part%s is not an object schema; only objects can be merged", target)
			continue
		}
		sub, req := b.mergeAllOf(part.Value, partPath)
		props = b.mergeProps(props, sub)
		for k := range req {
			required[k] = true
		}
	}
	var own []property
	for _, name := range b.orderedKeys(s.Properties, path, "properties") {
		own = append(own, property{name: name, schema: schemaRef{s.Properties[name]}, parent: path,
			path: append(slices.Clone(path), "properties", name)})
	}
	for _, r := range s.Required {
		required[r] = true
	}
	return b.mergeProps(props, own), required
}

// mergeProps adds the properties of one allOf part (or the schema's own) to those
// merged so far. A property declared again replaces the earlier declaration, which
// may refine it (a description, a bound); one declared with another type is an
// error naming both, since no value could satisfy both parts.
func (b *builder) mergeProps(into, add []property) []property {
	for _, p := range add {
		i := slices.IndexFunc(into, func(q property) bool { return q.name == p.name })
		if i >= 0 {
			if was, is, ok := conflicting(into[i].schema, p.schema); ok {
				b.errorf(p.path, "allOf: property %q is %s here but %s at %s; declare it with one type", p.name, is, was, b.loc.Pos(into[i].path...))
				into[i] = p
			} else {
				into[i] = bothDeclarations(into[i], p)
			}
		} else {
			into = append(into, p)
		}
	}
	return into
}

// bothDeclarations is the property an allOf declares twice, once in each of two
// parts. A value must meet both, as kin-openapi validates it against each part:
// two scalar declarations, or two inline objects, become the allOf of the two
// (merged as any allOf is: enums intersected, the tighter bounds, the members of
// both), and a declaration without a type (a description) leaves the typed one.
// Otherwise (arrays, $refs) the later declaration stands, as before.
func bothDeclarations(was, is property) property {
	w, i := was.schema.SchemaRef, is.schema.SchemaRef
	if w == nil || i == nil || w.Value == nil || i.Value == nil || w.Value == i.Value {
		return is
	}
	if jsonType(is.schema) == "" && jsonType(was.schema) != "" && scalarOnly(i.Value) && !constrains(i.Value) {
		return was
	}
	objects := w.Ref == "" && i.Ref == "" && jsonType(was.schema) == "object" && jsonType(is.schema) == "object"
	if !(scalarOnly(w.Value) && scalarOnly(i.Value)) && !objects {
		return is
	}
	is.schema = schemaRef{&openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: openapi3.SchemaRefs{w, i}}}}
	return is
}

// constrains says whether a scalar schema has a keyword that restricts values.
func constrains(s *openapi3.Schema) bool {
	return len(s.Enum) > 0 || s.Min != nil || s.Max != nil || s.MultipleOf != nil || s.MinLength > 0 ||
		s.MaxLength != nil || s.Pattern != "" || s.Format != "" || s.Nullable
}

// conflicting says whether two declarations of one property that allOf merges
// have different types, and names them: the JSON types, or for two $refs to
// different object schemas (two structs), the components. A declaration without a
// type (one that only describes the property) conflicts with none.
func conflicting(was, is schemaRef) (wasName, isName string, ok bool) {
	wt, it := jsonType(was), jsonType(is)
	if wt == "" || it == "" {
		return "", "", false
	}
	if wt != it {
		return describeProp(was, wt), describeProp(is, it), true
	}
	if wt == "object" && was.Ref != "" && is.Ref != "" && was.Ref != is.Ref {
		return describeProp(was, wt), describeProp(is, it), true
	}
	return "", "", false
}

func jsonType(r schemaRef) string {
	if r.Value == nil || r.Value.Type == nil || len(*r.Value.Type) == 0 {
		if r.Value != nil && len(r.Value.Properties) > 0 {
			return "object"
		}
		return ""
	}
	return typeName(r.Value)
}

func describeProp(r schemaRef, jsonType string) string {
	if r.Ref != "" {
		return r.Ref[strings.LastIndexByte(r.Ref, '/')+1:] + " (" + jsonType + ")"
	}
	return jsonType
}

// orderedKeys lists the keys of a spec map in the order the file writes them
// (kin-openapi hands out Go maps), with any the file does not show sorted at the end.
func (b *builder) orderedKeys(m openapi3.Schemas, path []string, field string) []string {
	var out []string
	for _, k := range b.loc.Keys(append(slices.Clone(path), field)...) {
		if _, ok := m[k]; ok {
			out = append(out, k)
		}
	}
	for _, k := range sortedKeys(m) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// field decides how a property is held: required values directly, optional ones as
// pointers (or nil-able slices and maps) omitted when absent, and optional nullable
// ones as acs.Nullable so that absent, null and a value stay distinct.
func (b *builder) field(p property, goName, hint string, required bool) *ir.Field {
	t := b.typeOf(p.schema.SchemaRef, hint, p.path)
	s := p.schema.Value
	nullable := s != nil && s.Nullable
	if s != nil {
		if merged, ok := b.scalarAllOf(s, p.path); ok && merged != nil {
			nullable = merged.Nullable // null passes when every part lets it
		}
	}
	nilable := t.Kind == ir.Array || t.Kind == ir.Map || t.Kind == ir.RawJSON
	f := &ir.Field{Name: p.name, GoName: goName, Type: t, Required: required, Nullable: nullable, Pos: b.loc.Pos(p.path...)}
	switch {
	case required && (nilable || !nullable):
		f.Wrap = ir.Value
	case required:
		f.Wrap = ir.Pointer
	case nullable && !(t.Kind == ir.RawJSON):
		f.Wrap, f.OmitZero = ir.Nullable, true
	case nilable:
		f.Wrap, f.OmitZero = ir.Value, true
	default:
		f.Wrap, f.OmitZero = ir.Pointer, true
	}
	switch {
	case s != nil && p.schema.Ref == "":
		f.Doc = fieldDoc(s)
		f.Deprecated = s.Deprecated
	case s != nil: // a $ref'd type: its description says what the field holds
		f.Doc = strings.TrimSpace(firstNonEmpty(s.Description, s.Title))
	}
	if strings.TrimSpace(f.Doc) == "" { // every exported field gets a doc comment
		f.Doc = "The " + strconv.Quote(p.name) + " property."
	}
	return f
}

func (b *builder) fillEnum(m *ir.Model, s *openapi3.Schema, path []string) {
	m.Kind = ir.Enum
	base := b.shape(s, m.GoName, path)
	spec := &ir.EnumSpec{Base: base, Open: b.openEnum(s, path)}
	m.Enum = spec // never nil on an Enum model, even one reported below
	if base.Kind != ir.Primitive || (base.Name != "string" && base.Name != "int32" && base.Name != "int64") {
		b.errorf(path, "enum of type %s is not supported; enums must be strings or integers", typeName(s))
		return
	}
	varNames := b.enumVarNames(s, path)
	seen := map[string]int{} // constant name → index of the value that owns it
	inEnum := func(n string) bool { _, dup := seen[n]; return dup }
	listed := map[any]int{} // value → index of its first listing
	for i, v := range s.Enum {
		vpath := append(slices.Clone(path), "enum", strconv.Itoa(i))
		ev := &ir.EnumValue{}
		// A value of the other JSON type would make a constant that does not
		// compile (const LevelX Level = "1"), and no instance could match it.
		switch x := v.(type) {
		case string:
			if base.Name != "string" {
				b.errorf(vpath, "enum value %q is a string, but the schema's type is integer; write it unquoted", x)
				continue
			}
			ev.Raw, ev.Value = x, strconv.Quote(x)
			ev.GoName = m.GoName + enumWord(x)
		case float64:
			if base.Name == "string" {
				b.errorf(vpath, "enum value %v is a number, but the schema's type is string; quote it", x)
				continue
			}
			n := int64(x)
			if float64(n) != x {
				b.errorf(vpath, "enum value %v is not an integer", v)
				continue
			}
			ev.Raw, ev.Value = n, strconv.FormatInt(n, 10)
			ev.GoName = m.GoName + strings.Replace(ev.Value, "-", "Minus", 1)
		default:
			b.errorf(vpath, "enum value %v is not a %s", v, base.Name)
			continue
		}
		if prev, dup := listed[ev.Raw]; dup {
			// The same value again (JSON Schema asks for unique values): one
			// constant, or IsKnown's switch would repeat a case.
			b.warnf(vpath, "enum value %q is listed already at %s; the repeat is left out", fmt.Sprint(ev.Raw), b.loc.Pos(append(slices.Clone(path), "enum", strconv.Itoa(prev))...))
			continue
		}
		listed[ev.Raw] = i
		if varNames != nil {
			ev.GoName = m.GoName + varNames[i]
		}
		if nonASCII(m.GoName) == "" { // else the type's own name was warned of
			b.warnNonASCII(ev.GoName, "name with x-enum-varnames", vpath)
		}
		if prev, dup := seen[ev.GoName]; dup {
			prevPos := b.loc.Pos(append(slices.Clone(path), "enum", strconv.Itoa(prev))...)
			if varNames != nil { // the spec named both constants so
				b.errorf(vpath, "enum values %q and %q (at %s) both map to constant %s; name the constants with x-enum-varnames",
					fmt.Sprint(s.Enum[prev]), fmt.Sprint(ev.Raw), prevPos, ev.GoName)
				continue
			}
			// Two values, one mapped name ("A" and "a", "Foo Bar" and "Foo-Bar"):
			// the later one is numbered, as the same spec always numbers it.
			taken := ev.GoName
			ev.GoName = b.numbered(taken, inEnum)
			b.warnf(vpath, "enum values %q and %q (at %s) both map to constant %s; this one is %s (name the constants with x-enum-varnames)",
				fmt.Sprint(s.Enum[prev]), fmt.Sprint(ev.Raw), prevPos, taken, ev.GoName)
		} else if varNames == nil && !b.free(ev.GoName) {
			taken := ev.GoName
			ev.GoName = b.numbered(taken, inEnum)
			b.warnf(vpath, "enum value %q maps to constant %s, %s; it is %s (name the constants with x-enum-varnames)",
				fmt.Sprint(ev.Raw), taken, b.holder(taken), ev.GoName)
		}
		seen[ev.GoName] = i
		if !b.declare(ev.GoName, fmt.Sprint(ev.Raw), vpath) {
			continue
		}
		spec.Values = append(spec.Values, ev)
	}
}

// openEnumExt marks an enum the service may extend (see spec/README.md).
const openEnumExt = "x-acs-open-enum"

// openEnum reads x-acs-open-enum: true when the schema's enum is open. The value
// must be a boolean, and only a schema with an enum can be open.
func (b *builder) openEnum(s *openapi3.Schema, path []string) bool {
	raw, ok := s.Extensions[openEnumExt]
	if !ok {
		return false
	}
	epath := append(slices.Clone(path), openEnumExt)
	open, isBool := raw.(bool)
	switch {
	case !isBool:
		if str, isStr := raw.(string); isStr {
			raw = strconv.Quote(str)
		}
		b.errorf(epath, "%s must be true or false, not %v", openEnumExt, raw)
		return false
	case open && len(s.Enum) == 0:
		b.errorf(epath, "%s: true needs an enum to open; this schema lists no values", openEnumExt)
		return false
	}
	return open
}

// enumVarNames reads x-enum-varnames: one Go name per enum value, written after the
// type name, for values whose mapped names collide or read badly. nil when absent.
func (b *builder) enumVarNames(s *openapi3.Schema, path []string) []string {
	raw, ok := s.Extensions["x-enum-varnames"]
	if !ok {
		return nil
	}
	vpath := append(slices.Clone(path), "x-enum-varnames")
	list, _ := raw.([]any)
	if len(list) != len(s.Enum) {
		b.errorf(vpath, "x-enum-varnames must list one name per enum value (%d)", len(s.Enum))
		return nil
	}
	out := make([]string, len(list))
	for i, v := range list {
		name, _ := v.(string)
		if !names.IsExported(name) {
			b.errorf(append(vpath, strconv.Itoa(i)), "x-enum-varnames entry %v is not an exported Go identifier", v)
			return nil
		}
		out[i] = name
	}
	return out
}

// enumWord is the constant suffix of a string value. A value without letters or
// digits ("*", "+", "-") is named by its code points, so distinct values get
// distinct names: "*/" → "U002AU002F".
func enumWord(v string) string {
	if n := names.GoName(v); n != "" {
		if len(n) > 1 && n[0] == 'X' && n[1] >= '0' && n[1] <= '9' {
			return n[1:] // the type name already precedes the leading digit
		}
		return n
	}
	return names.CodePoints(v)
}

func typeName(s *openapi3.Schema) string {
	if s.Type == nil || len(*s.Type) == 0 {
		return "any"
	}
	return strings.Join(*s.Type, "|")
}

func named(goName string) ir.TypeRef { return ir.TypeRef{Kind: ir.Named, Name: goName} }
func prim(name string) ir.TypeRef    { return ir.TypeRef{Kind: ir.Primitive, Name: name} }

// validJSONKey reports whether encoding/json can carry name in a struct tag. It
// ignores a tag whose name holds anything else (quotes, backslashes, commas,
// emoji...) and would silently use the Go field name on the wire instead.
func validJSONKey(name string) bool {
	if name == "" {
		return false
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r) {
			return false
		}
	}
	return true
}
