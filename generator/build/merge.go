package build

import (
	"cmp"
	"maps"
	"reflect"
	"slices"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/ir"
)

// Merge combines the APIs built from several spec files that generate one Go
// package: one product and version whose operations are kept in separate files.
// The files must agree on what the package declares once (product, version,
// style, servers) and on every component they share, which each file declares in
// full since it is loaded on its own; anything else that would land on one Go name
// twice is a diagnostic naming both places. The first API (by spec path) gives
// the package's title and description.
func Merge(apis []*ir.API) (*ir.API, error) {
	apis = slices.Clone(apis)
	slices.SortFunc(apis, func(x, y *ir.API) int { return cmp.Compare(x.Specs[0].Path, y.Specs[0].Path) })
	first := *apis[0]
	out := &first
	out.Specs = slices.Clone(first.Specs)
	out.Operations = slices.Clone(first.Operations)
	out.Models = slices.Clone(first.Models)
	m := &merger{out: out, names: map[string]owner{}}
	for _, a := range apis {
		m.diags = append(m.diags, a.Warnings...)
	}
	m.claim(apis[0])
	for _, a := range apis[1:] {
		m.agree(a)
		m.add(a)
	}
	if err := m.diags.Err(); err != nil {
		return nil, err
	}
	out.Warnings = m.diags.Sort()
	slices.SortFunc(out.Models, func(x, y *ir.Model) int { return cmp.Compare(x.GoName, y.GoName) })
	slices.SortFunc(out.Operations, func(x, y *ir.Operation) int { return cmp.Compare(x.GoName, y.GoName) })
	return out, nil
}

// owner is what declares a package-level Go name: a model (with its enum
// constants) or an operation (its method and request struct).
type owner struct {
	model *ir.Model
	op    *ir.Operation
	pos   diag.Pos
}

type merger struct {
	out   *ir.API
	names map[string]owner
	diags diag.List
}

// claim records the names an API declares.
func (m *merger) claim(a *ir.API) {
	for _, mod := range a.Models {
		m.names[mod.GoName] = owner{model: mod, pos: mod.Pos}
		for _, c := range enumConstants(mod) {
			m.names[c] = owner{model: mod, pos: mod.Pos}
		}
	}
	for _, op := range a.Operations {
		m.names["method "+op.GoName] = owner{op: op, pos: op.Pos}
		m.names[op.Request] = owner{op: op, pos: op.Pos}
	}
}

// agree reports what a must declare as the package's first file does.
func (m *merger) agree(a *ir.API) {
	o := m.out
	if a.Product != o.Product || a.Version != o.Version {
		m.diags.Add(a.VersionPos, "version", "product %q version %q differs from %q %q of %s, which generates the same package %s; specs of one package must share product and version (give one of them another package with x-go-package)",
			a.Product, a.Version, o.Product, o.Version, o.VersionPos, o.Package)
		return // the rest would only repeat that the files describe different APIs
	}
	if a.Style != o.Style || a.Signed != o.Signed {
		m.diags.Add(a.VersionPos, "x-acs-style", "API style %s differs from %s of %s; specs of one package must share it", describeStyle(a), describeStyle(o), o.VersionPos)
	}
	if a.Endpoint != o.Endpoint || a.DefaultRegion != o.DefaultRegion || !slices.Equal(a.Regions, o.Regions) || !maps.Equal(a.RegionHosts, o.RegionHosts) {
		m.diags.Add(a.ServersPos, "servers", "servers differ from those of %s; specs of one package must declare the same endpoint, default region and region enum", o.ServersPos)
	}
}

func describeStyle(a *ir.API) string {
	if !a.Signed {
		return string(a.Style) + " (unsigned)"
	}
	return string(a.Style)
}

// add takes a's operations and the models the package does not have yet.
func (m *merger) add(a *ir.API) {
	m.out.Specs = append(m.out.Specs, a.Specs...)
	for _, mod := range a.Models {
		prev, ok := m.names[mod.GoName]
		switch {
		case ok && prev.model != nil && sameModel(prev.model, mod):
			continue // a shared component, declared alike in both files
		case ok && prev.model != nil:
			m.diags.Add(mod.Pos, mod.Name, "schema %s (Go type %s) differs from the one at %s; a schema shared by specs of one package must be declared identically in each", mod.Name, mod.GoName, prev.pos)
			continue
		case ok:
			m.diags.Add(mod.Pos, mod.Name, "%q maps to Go name %s, which %s already uses; rename one with x-go-name", mod.Name, mod.GoName, prev.pos)
			continue
		}
		clash := false
		for _, c := range enumConstants(mod) {
			if prev, ok := m.names[c]; ok {
				m.diags.Add(mod.Pos, mod.Name, "enum constant %s of %s is already declared by %s; rename one with x-go-name", c, mod.GoName, prev.pos)
				clash = true
			}
		}
		if clash {
			continue
		}
		m.names[mod.GoName] = owner{model: mod, pos: mod.Pos}
		for _, c := range enumConstants(mod) {
			m.names[c] = owner{model: mod, pos: mod.Pos}
		}
		m.out.Models = append(m.out.Models, mod)
	}
	for _, op := range a.Operations {
		if prev, ok := m.names["method "+op.GoName]; ok {
			m.diags.Add(op.Pos, op.ID, "operation %s (method %s) is also declared at %s; specs of one package must not repeat an operation", op.ID, op.GoName, prev.pos)
			continue
		}
		if prev, ok := m.names[op.Request]; ok {
			m.diags.Add(op.Pos, op.ID, "request type %s of operation %s is already declared by %s; rename one with x-go-name", op.Request, op.ID, prev.pos)
			continue
		}
		if prev := m.samePath(op); prev != nil {
			m.diags.Add(op.Pos, op.ID, "%s %s is also operation %s at %s; a request must route to one operation", op.Method, op.PathKey, prev.ID, prev.Pos)
			continue
		}
		m.names["method "+op.GoName] = owner{op: op, pos: op.Pos}
		m.names[op.Request] = owner{op: op, pos: op.Pos}
		m.out.Operations = append(m.out.Operations, op)
	}
}

// samePath returns the operation already in the package at op's method and path.
func (m *merger) samePath(op *ir.Operation) *ir.Operation {
	for _, prev := range m.out.Operations {
		if prev.Method == op.Method && prev.PathKey == op.PathKey {
			return prev
		}
	}
	return nil
}

func enumConstants(mod *ir.Model) []string {
	if mod.Kind != ir.Enum || mod.Enum == nil {
		return nil
	}
	out := make([]string, len(mod.Enum.Values))
	for i, v := range mod.Enum.Values {
		out[i] = v.GoName
	}
	return out
}

// sameModel reports whether two models declare the same Go type with the same
// documentation: everything but where they are declared.
func sameModel(a, b *ir.Model) bool {
	return reflect.DeepEqual(unplaced(a), unplaced(b))
}

// unplaced is a copy of mod without positions.
func unplaced(mod *ir.Model) ir.Model {
	c := *mod
	c.Pos = diag.Pos{}
	c.Fields = make([]*ir.Field, len(mod.Fields))
	for i, f := range mod.Fields {
		fc := *f
		fc.Pos = diag.Pos{}
		c.Fields[i] = &fc
	}
	return c
}
