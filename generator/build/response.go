package build

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/ir"
)

// responses picks the success body (200, else the lowest 2xx, else 2XX) as the
// operation's Response type and records the other declared statuses.
func (b *builder) responses(o *ir.Operation, op *openapi3.Operation, path []string) {
	resps := op.Responses
	if resps == nil {
		resps = openapi3.NewResponses()
	}
	codes := sortedKeys(resps.Map())
	success := successCode(codes)
	rpath := append(slices.Clone(path), "responses", success)
	var schema *openapi3.SchemaRef
	var ctype string
	if success != "" {
		if r := resps.Value(success); r != nil && r.Value != nil {
			var mt *openapi3.MediaType
			if mt, ctype = JSONContent(r.Value.Content); mt != nil {
				schema = mt.Schema
			}
			if schema != nil {
				o.ResponseStatus = success
			} else if mt == nil {
				o.RawResponse = b.rawResponse(r.Value.Content, append(slices.Clone(rpath), "content"))
			}
		}
	}
	b.successType(o, schema, append(rpath, "content", ctype, "schema"), path)
	for _, c := range codes {
		if c == success || strings.HasPrefix(c, "2") {
			continue
		}
		st := ir.Status{Code: c}
		if r := resps.Value(c); r != nil && r.Value != nil {
			if mt, _ := JSONContent(r.Value.Content); mt != nil && mt.Schema != nil {
				if name, ok := strings.CutPrefix(mt.Schema.Ref, componentPrefix); ok {
					if m := b.component(name); m != nil {
						st.Model = m.GoName
					}
				}
			}
		}
		o.Errors = append(o.Errors, st)
	}
	slices.SortFunc(o.Errors, func(x, y ir.Status) int { return cmp.Compare(x.Code, y.Code) })
}

// successCode picks 200, else the lowest explicit 2xx, else 2XX; "" if none.
func successCode(codes []string) string {
	if slices.Contains(codes, "200") {
		return "200"
	}
	for _, c := range codes { // sorted: "201" < "204" < "2XX"
		if strings.HasPrefix(c, "2") {
			return c
		}
	}
	return ""
}

// successType makes o.Response name the decoded success body: the component itself
// when it is already called <Op>Response, an alias of another component, a model
// built from an inline schema, or an empty struct when there is no JSON body.
func (b *builder) successType(o *ir.Operation, schema *openapi3.SchemaRef, spath, opPath []string) {
	var m *ir.Model // the component the body names
	if schema != nil {
		if name, ok := strings.CutPrefix(schema.Ref, componentPrefix); ok {
			if m = b.component(name); m == nil || m.GoName == o.Response {
				return
			}
		}
	}
	o.Response = b.madeName(o.Response, "the response type of operation "+strconv.Quote(o.ID), opPath)
	doc := o.Response + " is the success response of " + o.GoName + "."
	if o.RawResponse != nil {
		// Not a model: emit declares it beside the method, the body unread or as text.
		b.declareMadeFrom(o.Response, o.ID+" response", opPath)
		return
	}
	if schema == nil {
		if b.declareMadeFrom(o.Response, o.ID+" response", opPath) {
			b.models[o.Response] = &ir.Model{Name: o.Response, GoName: o.Response, Kind: ir.Struct, Doc: doc, Pos: o.Pos}
		}
		return
	}
	if m != nil {
		if b.declareMadeFrom(o.Response, o.ID+" response", opPath) {
			b.models[o.Response] = &ir.Model{Name: o.Response, GoName: o.Response, Kind: ir.Alias, Type: named(m.GoName), Doc: doc, Pos: o.Pos}
		}
		return
	}
	hint := o.Response
	if schema.Value != nil && schema.Value.Type.Is("array") {
		hint += "Item" // the array is o.Response itself: its inline items need a name of their own
	}
	t := b.typeOf(schema, hint, spath)
	if t.Kind == ir.Named && t.Name == o.Response {
		if m := b.models[o.Response]; m != nil && schema.Value != nil && schema.Value.Description == "" {
			m.Doc = doc
		}
		return
	}
	if b.declareMadeFrom(o.Response, o.ID+" response", opPath) {
		b.models[o.Response] = &ir.Model{Name: o.Response, GoName: o.Response, Kind: ir.Defined, Type: t, Doc: doc, Pos: o.Pos}
	}
}

// breakValueCycles turns required struct fields into pointers, and acs.Nullable[T]
// into acs.Nullable[*T], where holding them by value would make a type contain
// itself (which Go rejects as an invalid recursive type). acs.Nullable holds its
// value inline, so it is a by-value edge like a plain field.
func (b *builder) breakValueCycles() {
	for _, name := range sortedKeys(b.models) {
		m := b.models[name]
		for _, f := range m.Fields {
			if byValue(f) && b.reachesByValue(f.Type.Name, m.GoName, map[string]bool{}) {
				if f.Wrap == ir.Nullable {
					f.Wrap = ir.NullablePointer
				} else {
					f.Wrap = ir.Pointer
				}
			}
		}
	}
}

func byValue(f *ir.Field) bool {
	return (f.Wrap == ir.Value || f.Wrap == ir.Nullable) && f.Type.Kind == ir.Named
}

func (b *builder) reachesByValue(from, to string, seen map[string]bool) bool {
	if from == to {
		return true
	}
	if seen[from] {
		return false
	}
	seen[from] = true
	m := b.models[from]
	if m == nil {
		return false
	}
	if m.Kind == ir.Alias && m.Type.Kind == ir.Named {
		return b.reachesByValue(m.Type.Name, to, seen)
	}
	for _, f := range m.Fields {
		if byValue(f) && b.reachesByValue(f.Type.Name, to, seen) {
			return true
		}
	}
	return false
}
