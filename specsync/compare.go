package specsync

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/metadata"
)

// Kinds of drift.
const (
	MissingOperation = "missing-operation" // the metadata has no API of that operationId
	MissingParameter = "missing-parameter"
	MissingProperty  = "missing-property"
	MissingBody      = "missing-body" // a request body, or one of its media types
	Type             = "type"
	Required         = "required"
	Enum             = "enum"
	Deprecated       = "deprecated"
	Region           = "region"
)

// Item is one difference between the spec and the metadata.
type Item struct {
	Kind      string   `json:"kind"`
	Operation string   `json:"operation,omitempty"`
	Path      string   `json:"path"` // where in the spec, e.g. "components.schemas.Thing.properties"
	Pos       diag.Pos `json:"-"`
	Message   string   `json:"message"`
}

func (i Item) String() string { return fmt.Sprintf("%s: %s: %s", i.Pos, i.Path, i.Message) }

// Result is what Compare found, and the overlay that adds what is missing (nil
// when nothing is).
type Result struct {
	Items   []Item
	Overlay []byte
}

type comparer struct {
	spec    *load.Spec
	meta    *openapi3.T
	items   []Item
	actions map[string]*action // by target
	order   []string
	seen    map[[2]*openapi3.Schema]bool
}

// Compare reports how spec has fallen behind doc for the operations it holds.
// source names the metadata in the overlay.
func Compare(spec *load.Spec, doc *metadata.Doc, source string) (Result, error) {
	var ids []string
	type located struct {
		key, method string
		op          *openapi3.Operation
	}
	var ops []located
	c := &comparer{spec: spec, actions: map[string]*action{}, seen: map[[2]*openapi3.Schema]bool{}}
	if spec.Doc.Paths != nil {
		for _, key := range slices.Sorted(maps.Keys(spec.Doc.Paths.Map())) {
			item := spec.Doc.Paths.Value(key)
			for _, method := range []string{"get", "put", "post", "delete", "patch", "head", "options"} {
				op := item.GetOperation(strings.ToUpper(method))
				if op == nil || op.OperationID == "" {
					continue
				}
				if _, ok := doc.APIs.Get(op.OperationID); !ok {
					c.add(MissingOperation, op.OperationID, []string{"paths", key, method}, "operation %s is not in the metadata (renamed, or removed from the service?)", op.OperationID)
					continue
				}
				ids = append(ids, op.OperationID)
				ops = append(ops, located{key, method, op})
			}
		}
	}
	imported, _ := metadata.Import(doc, metadata.Options{Operations: ids, Source: source})
	meta, err := load.Data(source+" (imported)", imported)
	if err != nil {
		return Result{}, fmt.Errorf("the metadata does not import into a valid spec: %w", err)
	}
	c.meta = meta.Doc
	byID := map[string]*openapi3.Operation{}
	for _, item := range c.meta.Paths.Map() {
		for _, op := range item.Operations() {
			byID[op.OperationID] = op
		}
	}
	for _, o := range ops {
		c.operation(o.key, o.method, o.op, byID[o.op.OperationID])
	}
	c.regions()
	res := Result{Items: c.items}
	if len(c.order) > 0 {
		res.Overlay, err = c.overlay(spec.Loc.File(), source)
	}
	return res, err
}

func (c *comparer) add(kind, op string, path []string, format string, args ...any) {
	c.items = append(c.items, Item{Kind: kind, Operation: op, Path: strings.Join(path, "."), Pos: c.spec.Loc.Pos(path...), Message: fmt.Sprintf(format, args...)})
}

func (c *comparer) operation(key, method string, op, meta *openapi3.Operation) {
	if meta == nil {
		return
	}
	at := []string{"paths", key, method}
	if meta.Deprecated && !op.Deprecated {
		c.add(Deprecated, op.OperationID, at, "the metadata marks %s deprecated", op.OperationID)
	}
	ignore := stringList(op.Extensions["x-acs-sync-ignore"])
	have := map[string]int{}
	for i, p := range op.Parameters {
		if p.Value != nil {
			have[p.Value.In+" "+p.Value.Name] = i
		}
	}
	for _, mp := range meta.Parameters {
		if mp.Value == nil || slices.Contains(ignore, mp.Value.Name) {
			continue
		}
		i, ok := have[mp.Value.In+" "+mp.Value.Name]
		if !ok {
			c.add(MissingParameter, op.OperationID, append(at, "parameters"), "the metadata has %s parameter %s, which the spec lacks", mp.Value.In, mp.Value.Name)
			c.propose(at, "parameters", "", mp.Value, len(op.Parameters) > 0)
			continue
		}
		sp := op.Parameters[i].Value
		pat := append(slices.Clone(at), "parameters", fmt.Sprint(i))
		if keep(sp.Extensions) {
			continue
		}
		if mp.Value.Required && !sp.Required {
			c.add(Required, op.OperationID, pat, "parameter %s is required by the metadata, optional in the spec", sp.Name)
		}
		c.schema(op.OperationID, sp.Schema, mp.Value.Schema, append(pat, "schema"), sp.Name)
	}
	c.requestBody(at, op, meta)
	c.responses(key, method, op, meta)
}

// requestBody compares the request bodies: one the spec lacks, a body the
// metadata requires, and the body schema of each media type both declare.
func (c *comparer) requestBody(at []string, op, meta *openapi3.Operation) {
	if meta.RequestBody == nil || meta.RequestBody.Value == nil {
		return
	}
	mb := meta.RequestBody.Value
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		c.add(MissingBody, op.OperationID, at, "the metadata has a request body (%s), which the spec lacks", strings.Join(slices.Sorted(maps.Keys(mb.Content)), ", "))
		c.propose(at[:len(at)-1], at[len(at)-1], "requestBody", mb, true)
		return
	}
	sb := op.RequestBody.Value
	bat := append(slices.Clone(at), "requestBody")
	if mb.Required && !sb.Required {
		c.add(Required, op.OperationID, bat, "the request body is required by the metadata, optional in the spec")
	}
	for _, ct := range slices.Sorted(maps.Keys(mb.Content)) {
		smt, mmt := sb.Content.Get(ct), mb.Content[ct]
		if smt == nil {
			c.add(MissingBody, op.OperationID, append(bat, "content"), "the metadata sends the request body as %s, which the spec does not declare", ct)
			continue
		}
		if mmt != nil {
			c.schema(op.OperationID, smt.Schema, mmt.Schema, append(slices.Clone(bat), "content", ct, "schema"), "the request body")
		}
	}
}

// responses compares the success response bodies.
func (c *comparer) responses(key, method string, op, meta *openapi3.Operation) {
	for _, code := range []string{"200", "201", "202", "204"} {
		sr, mr := op.Responses.Value(code), meta.Responses.Value(code)
		if sr == nil || mr == nil || sr.Value == nil || mr.Value == nil {
			continue
		}
		smt, mmt := sr.Value.Content.Get("application/json"), mr.Value.Content.Get("application/json")
		if smt == nil || mmt == nil {
			return
		}
		c.schema(op.OperationID, smt.Schema, mmt.Schema, []string{"paths", key, method, "responses", code, "content", "application/json", "schema"}, "the response")
		return
	}
}

// schema compares a spec schema with the metadata's at the same place; at is
// where the spec's schema is written (a $ref moves it to its component).
func (c *comparer) schema(op string, s, m *openapi3.SchemaRef, at []string, what string) {
	if s == nil || m == nil || s.Value == nil || m.Value == nil {
		return
	}
	if name, ok := strings.CutPrefix(s.Ref, "#/components/schemas/"); ok {
		at = []string{"components", "schemas", name}
	}
	pair := [2]*openapi3.Schema{s.Value, m.Value}
	if c.seen[pair] {
		return
	}
	c.seen[pair] = true
	sv, mv := s.Value, m.Value
	if keep(sv.Extensions) {
		return
	}
	union := len(sv.OneOf)+len(sv.AnyOf) > 0
	if !union && sv.Type != nil && mv.Type != nil && len(*mv.Type) > 0 && !sv.Type.Is((*mv.Type)[0]) {
		c.add(Type, op, at, "%s is %s in the spec, %s in the metadata", what, typeText(sv), typeText(mv))
		return
	}
	for _, e := range mv.Enum {
		if len(sv.Enum) > 0 && !slices.ContainsFunc(sv.Enum, func(x any) bool { return fmt.Sprint(x) == fmt.Sprint(e) }) {
			c.add(Enum, op, append(slices.Clone(at), "enum"), "the metadata lists %v for %s, which the spec's enum lacks", e, what)
		}
	}
	ignore := stringList(sv.Extensions["x-acs-sync-ignore"])
	for _, name := range slices.Sorted(maps.Keys(mv.Properties)) {
		if slices.Contains(ignore, name) {
			continue
		}
		sp, ok := sv.Properties[name]
		if !ok {
			if len(sv.Properties) == 0 && (sv.AdditionalProperties.Has != nil || sv.AdditionalProperties.Schema != nil) {
				continue // a map in the spec: any key is declared
			}
			c.add(MissingProperty, op, append(slices.Clone(at), "properties"), "the metadata has property %s of %s, which the spec lacks", name, what)
			c.propose(at, "properties", name, mv.Properties[name].Value, len(sv.Properties) > 0)
			continue
		}
		c.schema(op, sp, mv.Properties[name], append(slices.Clone(at), "properties", name), name)
	}
	if sv.Items != nil && mv.Items != nil {
		c.schema(op, sv.Items, mv.Items, append(slices.Clone(at), "items"), what+"[]")
	}
}

// regions reports the metadata's regions the spec's first server does not list.
func (c *comparer) regions() {
	if len(c.spec.Doc.Servers) == 0 || len(c.meta.Servers) == 0 {
		return
	}
	sv, mv := c.spec.Doc.Servers[0].Variables["regionId"], c.meta.Servers[0].Variables["regionId"]
	if sv == nil || mv == nil || len(sv.Enum) == 0 {
		return
	}
	ignore := stringList(sv.Extensions["x-acs-sync-ignore"])
	for _, r := range mv.Enum {
		if !slices.Contains(sv.Enum, r) && !slices.Contains(ignore, r) {
			c.add(Region, "", []string{"servers", "0", "variables", "regionId", "enum"}, "the metadata serves region %s, which the spec does not list", r)
		}
	}
}

func keep(ext map[string]any) bool {
	v, _ := ext["x-acs-sync"].(string)
	return v == "keep"
}

func stringList(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func typeText(s *openapi3.Schema) string {
	if s.Type == nil || len(*s.Type) == 0 {
		return "untyped"
	}
	return strings.Join(*s.Type, " or ")
}
