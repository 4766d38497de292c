package contracttests

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpecExamplesValidate treats every example in the specs as a fixture and
// validates it against its own schema with kin-openapi: response examples (under
// paths and components.responses), every schema's example (component schemas and
// everything nested in them: properties, items, oneOf alternatives...) and parameter
// examples. spec/spec_test.go validates the documents as a whole; this test names each
// example, and fails if a kind of example disappears.
func TestSpecExamplesValidate(t *testing.T) {
	for _, file := range specFiles {
		t.Run(file, func(t *testing.T) {
			doc := loadDoc(t, file)
			counts := map[string]int{}
			check := func(kind, where string, s *openapi3.Schema, example any) {
				t.Helper()
				counts[kind]++
				require.NotNil(t, s, "%s: no schema", where)
				err := s.VisitJSON(example, openapi3.MultiErrors())
				assert.NoError(t, err, "%s: example does not validate against its schema", where)
			}
			w := &schemaWalker{seen: map[*openapi3.Schema]bool{}, visit: func(where string, s *openapi3.Schema) {
				if s.Example != nil {
					check("schema", where, s, s.Example)
				}
			}}

			for _, path := range doc.Paths.InMatchingOrder() {
				ops := doc.Paths.Value(path).Operations()
				for _, method := range slices.Sorted(maps.Keys(ops)) {
					op := ops[method]
					for _, p := range op.Parameters {
						where := fmt.Sprintf("paths.%s.%s.parameters.%s", path, method, p.Value.Name)
						if p.Value.Example != nil {
							check("parameter", where, p.Value.Schema.Value, p.Value.Example)
						}
						w.walk(where+".schema", p.Value.Schema)
					}
					codes := op.Responses.Map()
					for _, code := range slices.Sorted(maps.Keys(codes)) {
						for mtName, mt := range codes[code].Value.Content {
							where := fmt.Sprintf("paths.%s.%s.responses.%s.content.%s", path, method, code, mtName)
							for _, ex := range mediaExamples(mt) {
								check("response", where+"."+ex.name, mt.Schema.Value, ex.value)
							}
							w.walk(where+".schema", mt.Schema)
						}
					}
				}
			}
			for _, name := range slices.Sorted(maps.Keys(doc.Components.Responses)) {
				for mtName, mt := range doc.Components.Responses[name].Value.Content {
					for _, ex := range mediaExamples(mt) {
						check("response", fmt.Sprintf("components.responses.%s.content.%s.%s", name, mtName, ex.name), mt.Schema.Value, ex.value)
					}
				}
			}
			for _, name := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
				w.walk("components.schemas."+name, doc.Components.Schemas[name])
			}

			// Both specs document a response body, parameters and schema fields.
			for _, kind := range []string{"response", "parameter", "schema"} {
				assert.Positive(t, counts[kind], "no %s examples found: the walk is broken or the spec lost its examples", kind)
			}
			t.Logf("validated %v", counts)
		})
	}
}

// schemaWalker visits every schema reachable from a root once.
type schemaWalker struct {
	seen  map[*openapi3.Schema]bool
	visit func(where string, s *openapi3.Schema)
}

func (w *schemaWalker) walk(where string, ref *openapi3.SchemaRef) {
	if ref == nil || ref.Value == nil || w.seen[ref.Value] {
		return
	}
	s := ref.Value
	w.seen[s] = true
	if ref.Ref != "" {
		where = ref.Ref
	}
	w.visit(where, s)
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		w.walk(where+".properties."+name, s.Properties[name])
	}
	w.walk(where+".items", s.Items)
	w.walk(where+".additionalProperties", s.AdditionalProperties.Schema)
	w.walk(where+".not", s.Not)
	for kind, list := range map[string]openapi3.SchemaRefs{"allOf": s.AllOf, "oneOf": s.OneOf, "anyOf": s.AnyOf} {
		for i, sub := range list {
			w.walk(fmt.Sprintf("%s.%s.%d", where, kind, i), sub)
		}
	}
}
