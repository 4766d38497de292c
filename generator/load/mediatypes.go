package load

import "github.com/getkin/kin-openapi/openapi3"

// emptyMediaTypes replaces every null media type ("application/json:" with nothing
// under it), which kin-openapi decodes as a nil *MediaType, with an empty one: YAML
// null is how an empty mapping is written, and every reader of the spec may then
// take a media type to be non-nil.
func emptyMediaTypes(doc *openapi3.T) {
	fill := func(c openapi3.Content) {
		for k, mt := range c {
			if mt == nil {
				c[k] = openapi3.NewMediaType()
			}
		}
	}
	headers := func(hs openapi3.Headers) {
		for _, h := range hs {
			if h != nil && h.Value != nil {
				fill(h.Value.Content)
			}
		}
	}
	response := func(r *openapi3.ResponseRef) {
		if r != nil && r.Value != nil {
			fill(r.Value.Content)
			headers(r.Value.Headers)
		}
	}
	params := func(ps openapi3.Parameters) {
		for _, p := range ps {
			if p != nil && p.Value != nil {
				fill(p.Value.Content)
			}
		}
	}
	if doc.Paths != nil {
		for _, item := range doc.Paths.Map() {
			if item == nil {
				continue
			}
			params(item.Parameters)
			for _, op := range item.Operations() {
				params(op.Parameters)
				if op.RequestBody != nil && op.RequestBody.Value != nil {
					fill(op.RequestBody.Value.Content)
				}
				if op.Responses != nil {
					for _, r := range op.Responses.Map() {
						response(r)
					}
				}
			}
		}
	}
	if c := doc.Components; c != nil {
		for _, r := range c.Responses {
			response(r)
		}
		for _, rb := range c.RequestBodies {
			if rb != nil && rb.Value != nil {
				fill(rb.Value.Content)
			}
		}
		for _, p := range c.Parameters {
			if p != nil && p.Value != nil {
				fill(p.Value.Content)
			}
		}
		headers(c.Headers)
	}
}
