package build

import (
	"fmt"
	"strconv"

	"github.com/acsgen/acsgen/generator/names"
)

// Names the generator makes up (an inline schema's type, an operation's request and
// response types, enum constants) yield to the names a spec gives: a made-up name
// that is taken is numbered, with a warning, rather than refused, since the spec did
// not choose it. The spec's component schemas are known before anything is built
// (reserveSchemaNames), so which name yields does not depend on build order: an
// inline enum at Document.status, made DocumentStatus, yields to a component
// DocumentStatus wherever either is declared. Numbers follow the build order, which
// is fixed (components by name, then operations by path and method), so the same
// spec always gets the same names.

// fixedSuffix renames a component schema whose Go name the generated code declares
// itself (Client, NewClient, CompiledSpec): schema Client is type ClientSchema. Its
// doc comment still names the schema; a number would read like a second client.
const fixedSuffix = "Schema"

// reserveSchemaNames records the Go name of every component schema, and renames
// those whose Go name the generated code declares itself (without an x-go-name,
// which keeps the clash an error at the component).
func (b *builder) reserveSchemaNames() {
	b.schemaNames = map[string]string{}
	b.renamed = map[string]string{}
	var fixed []string
	for _, name := range sortedKeys(b.doc.Components.Schemas) {
		ref := b.doc.Components.Schemas[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		ext := ref.Value.Extensions
		if ref.Ref != "" {
			ext = ref.Extensions
		}
		goName := stringExt(ext, "x-go-name")
		if goName == "" {
			goName = names.GoName(name)
			if b.declared[goName].File == generatedCode {
				fixed = append(fixed, name)
				continue
			}
		}
		if _, dup := b.schemaNames[goName]; !dup && goName != "" {
			b.schemaNames[goName] = name
		}
	}
	for _, name := range fixed {
		goName := names.GoName(name) + fixedSuffix
		if !b.free(goName) {
			goName = b.numbered(goName, noScope)
		}
		b.renamed[name] = goName
		b.schemaNames[goName] = name
	}
}

// generatedCode is the File of the position of a name the generated code declares.
const generatedCode = "generated code"

// free reports whether a name the generator makes up may be used: no package-level
// name is declared with it yet, and no component schema will be.
func (b *builder) free(n string) bool {
	_, declared := b.declared[n]
	_, schema := b.schemaNames[n]
	return !declared && !schema
}

// numbered returns the first of want2, want3, ... that is free and not taken (a
// scope of its own, such as the constants of one enum).
func (b *builder) numbered(want string, taken func(string) bool) string {
	for n := 2; ; n++ {
		c := want + strconv.Itoa(n)
		if b.free(c) && !taken(c) {
			return c
		}
	}
}

func noScope(string) bool { return false }

// madeName returns want, a name the generator makes up for what (`the inline
// schema`, `the request type of operation "createPet"`), or when want is taken, a
// numbered one, warning at path.
func (b *builder) madeName(want, what string, path []string) string {
	if b.free(want) {
		return want
	}
	got := b.numbered(want, noScope)
	b.warnf(path, "%s would be named %s, %s; it is %s (set x-go-name)", what, want, b.holder(want), got)
	return got
}

// holder says who has the package-level name n, for a message.
func (b *builder) holder(n string) string {
	if schema, ok := b.schemaNames[n]; ok {
		return fmt.Sprintf("the Go name of schema %s at %s", schema, b.loc.Pos("components", "schemas", schema))
	}
	if pos := b.declared[n]; pos.File != generatedCode {
		return fmt.Sprintf("which %s already uses", pos)
	}
	return "which the generated code declares"
}
