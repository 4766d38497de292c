package load

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// resolveHeaderContent fills in the $refs under the content of headers, which
// kin-openapi's loader (v0.152) leaves unresolved and its validation then reports
// as "found unresolved ref", for a reference that resolves. Only references to
// component schemas are filled in, the form danglingRefs has checked; any other
// stays for kin-openapi to report.
func resolveHeaderContent(doc *openapi3.T) {
	if doc.Components == nil {
		return
	}
	r := refFiller{schemas: doc.Components.Schemas, seen: map[*openapi3.Schema]bool{}}
	headers := func(hs openapi3.Headers) {
		for _, h := range hs {
			if h == nil || h.Value == nil {
				continue
			}
			for _, mt := range h.Value.Content {
				if mt != nil {
					r.fill(mt.Schema)
				}
			}
		}
	}
	headers(doc.Components.Headers)
	for _, resp := range doc.Components.Responses {
		if resp != nil && resp.Value != nil {
			headers(resp.Value.Headers)
		}
	}
	if doc.Paths == nil {
		return
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if op.Responses == nil {
				continue
			}
			for _, resp := range op.Responses.Map() {
				if resp != nil && resp.Value != nil {
					headers(resp.Value.Headers)
				}
			}
		}
	}
}

type refFiller struct {
	schemas openapi3.Schemas
	seen    map[*openapi3.Schema]bool
}

// fill resolves ref and, in an inline schema, the references inside it. A
// component's own references the loader has resolved already.
func (r refFiller) fill(ref *openapi3.SchemaRef) {
	if ref == nil {
		return
	}
	if ref.Ref != "" {
		if ref.Value == nil {
			if name, ok := strings.CutPrefix(ref.Ref, "#/components/schemas/"); ok {
				if target := r.schemas[name]; target != nil {
					ref.Value = target.Value
				}
			}
		}
		return
	}
	s := ref.Value
	if s == nil || r.seen[s] {
		return
	}
	r.seen[s] = true
	for _, p := range s.Properties {
		r.fill(p)
	}
	r.fill(s.Items)
	r.fill(s.Not)
	r.fill(s.AdditionalProperties.Schema)
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, sub := range list {
			r.fill(sub)
		}
	}
}
