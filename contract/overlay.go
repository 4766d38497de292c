package contract

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/acsgen/acsgen/internal/overlaydoc"
)

// Overlay is an OpenAPI Overlay 1.0 document proposing changes to one spec.
type Overlay struct {
	Spec string // the spec file it extends
	YAML []byte
}

// suggestion gathers what one action proposes for one target.
type suggestion struct {
	at       docPath
	kind     string         // "properties", "enum" or "responses"
	entries  map[string]any // property name or status code → schema or response; enum value text → value
	evidence []string
}

// Suggest turns the findings of results into one overlay per spec that would
// document what the traffic showed: undocumented response properties (with types
// inferred from every value seen), statuses the operation does not declare
// explicitly, and values outside an enum. Request-side enum values are proposed
// only when the server accepted the request (2xx); a rejected value is the
// client's mistake, not the spec's. Everything else (routing failures, type
// violations, undocumented query parameters) needs a human and gets no action.
// The output depends only on the results, in order.
func (s *Set) Suggest(results []Result) ([]Overlay, error) {
	byKey := map[string]*suggestion{}
	var order []string
	add := func(at docPath, kind, name string, value any, evidence string, merge bool) {
		at = s.source(at)
		key := at.file + "\x00" + at.jsonPath() + "\x00" + kind
		sg, ok := byKey[key]
		if !ok {
			sg = &suggestion{at: at, kind: kind, entries: map[string]any{}}
			byKey[key] = sg
			order = append(order, key)
		}
		if old, seen := sg.entries[name]; seen && merge {
			value = mergeSchemas(old.(map[string]any), value.(map[string]any))
		}
		if _, seen := sg.entries[name]; !seen || merge {
			sg.entries[name] = value
		}
		if !slices.Contains(sg.evidence, evidence) {
			sg.evidence = append(sg.evidence, evidence)
		}
	}
	for _, r := range results {
		for _, f := range r.Findings {
			where := fmt.Sprintf("%s#%d", f.Recording, f.Entry)
			switch {
			case f.Rule == "undocumented" && f.Where == "response":
				at, ok := s.paths[f.schema]
				if !ok {
					continue
				}
				name := unescapePointer(f.Pointer[strings.LastIndex(f.Pointer, "/")+1:])
				add(at, "properties", name, inferSchema(f.value.get()), where+" "+f.Pointer, true)
			case f.Rule == "enum" || f.Rule == "enum-drift":
				at, ok := s.paths[f.schema]
				if !ok || (f.Where == "request" && (r.Status < 200 || r.Status > 299)) {
					continue
				}
				add(at.child("enum"), "enum", jsonText(f.value.get()), f.value.get(), where+" "+f.Pointer, false)
			case (f.Rule == "status" || f.Rule == "undeclared-status") && r.op != nil:
				at := docPath{file: r.Spec, keys: []string{"paths", r.op.op.PathKey, lower(r.op.op.Method), "responses"}}
				add(at, "responses", strconv.Itoa(r.Status), r.op.proposedResponse(r), where, false)
			}
		}
	}
	bySpec := map[string][]overlaydoc.Action{}
	for _, key := range order {
		sg := byKey[key]
		bySpec[sg.at.file] = append(bySpec[sg.at.file], sg.action())
	}
	var out []Overlay
	for _, spec := range sortedNames(bySpec) {
		actions := bySpec[spec]
		slices.SortStableFunc(actions, func(a, b overlaydoc.Action) int { return strings.Compare(a.Target, b.Target) })
		data, err := overlaydoc.New("Changes to "+filepath.Base(spec)+" suggested by acsgen contract", spec, actions).YAML()
		if err != nil {
			return nil, err
		}
		out = append(out, Overlay{Spec: spec, YAML: data})
	}
	return out, nil
}

// source is where at is written: in a multi-file spec, the file that holds the
// object (schemas/pet.yaml) and its path there, which the bundled document
// flattened into a component of the spec's own file.
func (s *Set) source(at docPath) docPath {
	for _, o := range s.ops {
		if o.spec.Loc.File() == at.file {
			file, keys := o.spec.Loc.Source(at.keys...)
			return docPath{file: file, keys: keys}
		}
	}
	return at
}

func (sg *suggestion) action() overlaydoc.Action {
	names := sortedNames(sg.entries)
	a := overlaydoc.Action{Target: sg.at.jsonPath()}
	switch sg.kind {
	case "properties":
		a.Update = map[string]any{"properties": sg.entries}
		a.Description = "Document response properties seen in recordings: " + strings.Join(names, ", ")
	case "enum":
		// An update on a sequence appends its items.
		values := make([]any, len(names))
		for i, n := range names {
			values[i] = sg.entries[n]
		}
		a.Update = values
		a.Description = "Add enum values seen in recordings: " + strings.Join(names, ", ")
	case "responses":
		a.Update = sg.entries
		a.Description = "Declare statuses seen in recordings: " + strings.Join(names, ", ")
	}
	a.Description += " (" + evidenceText(sg.evidence) + ")"
	return a
}

func evidenceText(ev []string) string {
	const limit = 3
	if len(ev) <= limit {
		return "seen in " + strings.Join(ev, "; ")
	}
	return fmt.Sprintf("seen in %s; and %d more", strings.Join(ev[:limit], "; "), len(ev)-limit)
}

// proposedResponse is the response object to declare for the status r saw: the
// default response's $ref when the operation has one, else a description with the
// body's media type and inferred schema.
func (o *operation) proposedResponse(r Result) map[string]any {
	if def := o.route.Operation.Responses.Default(); def != nil && def.Ref != "" {
		return map[string]any{"$ref": def.Ref}
	}
	resp := map[string]any{"description": fmt.Sprintf("TODO: describe status %d, seen in recordings.", r.Status)}
	if r.respType != "" && r.body.get() != nil {
		resp["content"] = map[string]any{r.respType: map[string]any{"schema": inferSchema(r.body.get())}}
	}
	return resp
}
