package load

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The walk below visits the OpenAPI objects that may be references, knowing the
// kind of each, since the kind decides the section a target from another file
// goes to. References anywhere else (inside examples, extensions) are data.

// sections are the component sections, in the order bundle walks them.
var sections = []string{"schemas", "parameters", "headers", "requestBodies", "responses", "examples", "links", "callbacks", "securitySchemes"}

// bundle makes the spec one document (see bundle.go).
func (b *bundler) bundle() {
	comps := deref(b.root.node("components"))
	type object struct {
		kind string
		node *yaml.Node
		part *Locator
	}
	var objects []object
	for _, kind := range sections {
		b.declared[kind] = map[string]bool{}
		b.names[kind] = map[string]string{}
		sec := deref(fieldOf(comps, kind))
		if sec == nil || sec.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(sec.Content); i += 2 {
			b.declared[kind][sec.Content[i].Value] = true
		}
	}
	// A component that is only a $ref into another file is that file's object
	// under the spec's name: first, so that these names are taken before any
	// target is named after itself.
	for _, kind := range sections {
		sec := deref(fieldOf(comps, kind))
		if sec == nil || sec.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(sec.Content); i += 2 {
			name, v := sec.Content[i].Value, sec.Content[i+1]
			ref := refOnly(v)
			if ref == nil || strings.HasPrefix(ref.Value, "#") {
				objects = append(objects, object{kind, v, b.root})
				continue
			}
			b.done[ref] = true
			chain, ok := b.follow(ref, b.root)
			if !ok {
				continue
			}
			last := chain[len(chain)-1]
			if last.part == b.root {
				ref.Value = "#" + last.ptr
				continue
			}
			if taken := b.named(kind, chain); taken != "" { // another component is this one already
				ref.Value = componentRef(kind, taken)
				continue
			}
			b.register(kind, chain, name)
			sec.Content[i+1] = last.node
			objects = append(objects, object{kind, last.node, last.part})
		}
	}
	for _, o := range objects {
		b.object(o.kind, o.node, o.part)
	}
	if paths := deref(b.root.node("paths")); paths != nil {
		b.pathItems(paths, b.root)
	}
}

func componentRef(kind, name string) string { return "#/components/" + kind + "/" + name }

// fieldOf is field for a node that may be nil or not a mapping.
func fieldOf(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	return field(n, key)
}

// named returns the component name a target of chain already has, or "".
func (b *bundler) named(kind string, chain []refTarget) string {
	for _, t := range chain {
		if name, ok := b.names[kind][t.key()]; ok {
			b.register(kind, chain, name)
			return name
		}
	}
	return ""
}

// register names every target of chain, which all stand for its last one.
func (b *bundler) register(kind string, chain []refTarget, name string) {
	for _, t := range chain {
		b.names[kind][t.key()] = name
	}
	b.declared[kind][name] = true
}

// rewrite makes the $ref value v, written in file from as a reference to a
// kind of object, point into the bundled document.
func (b *bundler) rewrite(kind string, v *yaml.Node, from *Locator) {
	if b.done[v] {
		return
	}
	b.done[v] = true
	if from == b.root && strings.HasPrefix(v.Value, "#") {
		return // the spec's own references stay as written
	}
	chain, ok := b.follow(v, from)
	if !ok {
		return
	}
	last := chain[len(chain)-1]
	if last.part == b.root {
		v.Value = "#" + last.ptr
		return
	}
	if name := b.named(kind, chain); name != "" {
		v.Value = componentRef(kind, name)
		return
	}
	name, wanted := b.freeName(kind, chain[0])
	if name != wanted {
		b.warnings.Warn(from.at(v), "", "$ref %q is bundled as components.%s.%s, since %s would be the same Go name as the spec's %s; to choose the name, declare it in the spec's components (Name: {$ref: %q})",
			v.Value, kind, name, wanted, b.taken(kind, wanted), b.rootRef(chain[0]))
	}
	sec := b.section(kind)
	if sec == nil {
		return // components.<kind> is not a mapping: the shape checks say so
	}
	b.register(kind, chain, name)
	at := last.node
	if k := last.part.keyNode(last.ptr); k != nil {
		at = k
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name, Line: at.Line, Column: at.Column}
	b.root.owner[key] = last.part
	sec.Content = append(sec.Content, key, last.node)
	v.Value = componentRef(kind, name)
	b.object(kind, last.node, last.part)
}

// rootRef writes the reference to t as the spec's own file would.
func (b *bundler) rootRef(t refTarget) string {
	rel := t.part.file
	if b.dir != "." {
		rel = strings.TrimPrefix(rel, strings.TrimSuffix(b.dir, "/")+"/")
	}
	if t.ptr != "" {
		rel += "#" + t.ptr
	}
	return rel
}

// section returns the mapping components.<kind> of the spec, made when missing;
// nil when the spec has something else there.
func (b *bundler) section(kind string) *yaml.Node {
	comps := mappingField(b.root.root, "components")
	if comps == nil {
		return nil
	}
	return mappingField(comps, kind)
}

func mappingField(n *yaml.Node, key string) *yaml.Node {
	n = deref(n)
	if v := deref(field(n, key)); v != nil {
		if v.Kind == yaml.MappingNode {
			return v
		}
		return nil
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: n.Line, Column: n.Column}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: n.Line, Column: n.Column}
	n.Content = append(n.Content, k, m)
	return m
}

// keyNode returns the key node the JSON pointer ptr ends at, nil for none.
func (l *Locator) keyNode(ptr string) *yaml.Node {
	if ptr == "" {
		return nil
	}
	n := l.root
	var key *yaml.Node
	for _, seg := range pointerPath(strings.TrimPrefix(ptr, "/")) {
		if key, n = l.child(n, seg); n == nil {
			return nil
		}
	}
	return key
}

// visit rewrites n if it is a reference and reports whether to look inside it:
// an object seen for the first time.
func (b *bundler) visit(kind string, n *yaml.Node, f *Locator) bool {
	if v := refOf(n); v != nil {
		b.rewrite(kind, v, f)
		return false
	}
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode || b.done[n] {
		return false
	}
	b.done[n] = true
	return true
}

func (b *bundler) object(kind string, n *yaml.Node, f *Locator) {
	switch kind {
	case "schemas":
		b.schema(n, f)
	case "parameters", "headers":
		b.parameter(kind, n, f)
	case "requestBodies":
		if b.visit(kind, n, f) {
			b.content(n, f)
		}
	case "responses":
		b.response(n, f)
	case "callbacks":
		if b.visit(kind, n, f) {
			b.pathItems(deref(n), f)
		}
	default: // examples, links, security schemes hold no references to follow
		b.visit(kind, n, f)
	}
}

// entries applies each to the values of the mapping n.
func entries(n *yaml.Node, each func(*yaml.Node)) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 1; i < len(n.Content); i += 2 {
		each(n.Content[i])
	}
}

// items applies each to the items of the sequence n.
func items(n *yaml.Node, each func(*yaml.Node)) {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	for _, c := range n.Content {
		each(c)
	}
}

func (b *bundler) schema(n *yaml.Node, f *Locator) {
	if !b.visit("schemas", n, f) {
		return
	}
	n = deref(n)
	sub := func(c *yaml.Node) { b.schema(c, f) }
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch v := n.Content[i+1]; n.Content[i].Value {
		case "items", "not", "additionalProperties":
			b.schema(v, f)
		case "properties":
			entries(v, sub)
		case "allOf", "oneOf", "anyOf":
			items(v, sub)
		case "discriminator":
			entries(fieldOf(v, "mapping"), func(m *yaml.Node) { b.mappingValue(m, f) })
		}
	}
}

// mappingValue rewrites a discriminator mapping value that is a reference into
// another file ("dog.yaml", "pets.yaml#/Dog"); a bare schema name stays.
func (b *bundler) mappingValue(v *yaml.Node, f *Locator) {
	v = deref(v)
	if v.Kind != yaml.ScalarNode {
		return
	}
	file, _, hasPtr := strings.Cut(v.Value, "#")
	switch strings.ToLower(path.Ext(file)) {
	case ".yaml", ".yml", ".json":
	default:
		if !hasPtr {
			return
		}
	}
	b.rewrite("schemas", v, f)
}

func (b *bundler) parameter(kind string, n *yaml.Node, f *Locator) {
	if !b.visit(kind, n, f) {
		return
	}
	b.schema(fieldOf(n, "schema"), f)
	b.content(n, f)
	entries(fieldOf(n, "examples"), func(e *yaml.Node) { b.visit("examples", e, f) })
}

func (b *bundler) content(n *yaml.Node, f *Locator) {
	entries(fieldOf(n, "content"), func(mt *yaml.Node) {
		b.schema(fieldOf(mt, "schema"), f)
		entries(fieldOf(mt, "examples"), func(e *yaml.Node) { b.visit("examples", e, f) })
		entries(fieldOf(mt, "encoding"), func(enc *yaml.Node) {
			entries(fieldOf(enc, "headers"), func(h *yaml.Node) { b.parameter("headers", h, f) })
		})
	})
}

func (b *bundler) response(n *yaml.Node, f *Locator) {
	if !b.visit("responses", n, f) {
		return
	}
	entries(fieldOf(n, "headers"), func(h *yaml.Node) { b.parameter("headers", h, f) })
	entries(fieldOf(n, "links"), func(l *yaml.Node) { b.visit("links", l, f) })
	b.content(n, f)
}

// pathItems walks a mapping of path items (paths, a callback). A path item that
// is a $ref into another file is written in place: OpenAPI 3.0 has no section
// of path item components to put it in.
func (b *bundler) pathItems(m *yaml.Node, f *Locator) {
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		item, part := m.Content[i+1], f
		if ref := refOf(item); ref != nil && !b.done[ref] && !(f == b.root && strings.HasPrefix(ref.Value, "#")) {
			b.done[ref] = true
			if len(deref(item).Content) > 2 {
				b.diags.Add(f.at(ref), "", "$ref %q: a path item that is a reference into another file must hold nothing else; move its other fields into that file", ref.Value)
				continue
			}
			chain, ok := b.follow(ref, f)
			if !ok {
				continue
			}
			last := chain[len(chain)-1]
			if last.part == b.root {
				ref.Value = "#" + last.ptr
				continue
			}
			m.Content[i+1], item, part = last.node, last.node, last.part
		}
		b.pathItem(item, part)
	}
}

func (b *bundler) pathItem(n *yaml.Node, f *Locator) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode || b.done[n] {
		return
	}
	b.done[n] = true
	items(fieldOf(n, "parameters"), func(p *yaml.Node) { b.parameter("parameters", p, f) })
	for _, method := range operationKeys {
		op := fieldOf(n, method)
		if op == nil || deref(op).Kind != yaml.MappingNode {
			continue
		}
		items(fieldOf(op, "parameters"), func(p *yaml.Node) { b.parameter("parameters", p, f) })
		if rb := fieldOf(op, "requestBody"); rb != nil {
			b.object("requestBodies", rb, f)
		}
		entries(fieldOf(op, "responses"), func(r *yaml.Node) { b.response(r, f) })
		entries(fieldOf(op, "callbacks"), func(c *yaml.Node) { b.object("callbacks", c, f) })
	}
}

// freeName returns the component name for target t, and the name it would have
// if free (componentName). A name is taken when the bundled spec declares it, or
// one that differs only in letter case, '-', '_' or '.', which becomes the same
// Go name. The first free one of: the name, the name after the directories of
// t's file (nearest first, and after the file's own name for a fragment), the
// name followed by _2, _3...; the same files give the same names.
func (b *bundler) freeName(kind string, t refTarget) (name, wanted string) {
	wanted = componentName(t)
	if b.taken(kind, wanted) == "" {
		return wanted, wanted
	}
	rel := b.rootRef(refTarget{part: t.part})
	var qualifiers []string
	if dir := path.Dir(rel); dir != "." {
		qualifiers = strings.Split(dir, "/")
	}
	if t.ptr != "" {
		qualifiers = append(qualifiers, componentName(refTarget{part: t.part}))
	}
	name = wanted
	for i := len(qualifiers) - 1; i >= 0; i-- {
		q := strings.Trim(notWordName.ReplaceAllString(qualifiers[i], "_"), "_")
		if q == "" || q == ".." {
			continue
		}
		name = q + "_" + name
		if b.taken(kind, name) == "" {
			return name, wanted
		}
	}
	for n := 2; ; n++ {
		if name = fmt.Sprintf("%s_%d", wanted, n); b.taken(kind, name) == "" {
			return name, wanted
		}
	}
}

// taken returns the declared name that name would clash with, "" if none; the
// first in sorted order, so messages are the same from run to run.
func (b *bundler) taken(kind, name string) string {
	key := foldName(name)
	for _, declared := range slices.Sorted(maps.Keys(b.declared[kind])) {
		if foldName(declared) == key {
			return declared
		}
	}
	return ""
}

// foldName is a component name as far as its Go name goes.
func foldName(name string) string {
	return strings.ToLower(strings.NewReplacer("-", "", "_", "", ".", "").Replace(name))
}
