package contract

import (
	"mime"
	"net/http"
	"reflect"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generator/build"
)

// Validators of a response body, as Result.Validator names them.
const (
	ValidatorCompiled = "compiled"    // the generated types and Validate methods
	ValidatorKin      = "kin-openapi" // openapi3filter interpreting the schema
)

// compiledCheck is a generated check of one response of an operation.
type compiledCheck struct {
	walk    acs.BodyWalk // nil for code generated before walkers: check decodes then
	check   acs.BodyCheck
	content openapi3.Content    // the response's media types
	media   *openapi3.MediaType // the JSON one, which the generated type decodes
}

// UseCompiled lets response bodies be checked by code generated from the specs
// (each generated package's CompiledSpec) rather than by kin-openapi. A package's
// check of an operation applies when the loaded spec file declaring it has one of
// the package's digests, so code generated from another revision of a spec file is
// never used for it. It returns how many responses
// (operation and status) will be checked by compiled code.
func (s *Set) UseCompiled(specs ...acs.CompiledSpec) int {
	n := 0
	for _, o := range s.ops {
		i := slices.IndexFunc(specs, func(cs acs.CompiledSpec) bool { return cs.Covers(o.spec.Digest) })
		if i < 0 {
			continue
		}
		for key, check := range specs[i].Responses[o.op.ID] {
			r := o.route.Operation.Responses.Value(key)
			if check == nil || r == nil || r.Value == nil {
				continue
			}
			media, _ := build.JSONContent(r.Value.Content)
			// kin-openapi refuses a writeOnly property in a response, which the
			// generated code does not know of.
			if media == nil || media.Schema == nil || hasFlag(media.Schema, writeOnly, map[*openapi3.Schema]bool{}) {
				continue
			}
			if o.compiled == nil {
				o.compiled = map[string]compiledCheck{}
			}
			o.compiled[key] = compiledCheck{walk: specs[i].Walks[o.op.ID][key], check: check, content: r.Value.Content, media: media}
			n++
		}
		o.useCompiledParams(specs[i])
		o.bodyCheck = nil
		if check := specs[i].RequestBodies[o.op.ID]; check != nil {
			if rb := o.route.Operation.RequestBody; rb != nil && rb.Value != nil {
				media, _ := build.JSONContent(rb.Value.Content)
				// kin-openapi refuses a readOnly property in a request, which the
				// generated Validate does not know of.
				if media != nil && media.Schema != nil && !hasFlag(media.Schema, readOnly, map[*openapi3.Schema]bool{}) {
					o.bodyCheck = &compiledCheck{walk: specs[i].RequestWalks[o.op.ID], check: check, content: rb.Value.Content, media: media}
				}
			}
		}
	}
	return n
}

func readOnly(s *openapi3.Schema) bool  { return s.ReadOnly }
func writeOnly(s *openapi3.Schema) bool { return s.WriteOnly }

// hasFlag reports whether flag holds for s or a schema within it.
func hasFlag(ref *openapi3.SchemaRef, flag func(*openapi3.Schema) bool, seen map[*openapi3.Schema]bool) bool {
	if ref == nil || ref.Value == nil || seen[ref.Value] {
		return false
	}
	s := ref.Value
	seen[s] = true
	if flag(s) {
		return true
	}
	for _, p := range s.Properties {
		if hasFlag(p, flag, seen) {
			return true
		}
	}
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, sub := range list {
			if hasFlag(sub, flag, seen) {
				return true
			}
		}
	}
	return hasFlag(s.Items, flag, seen) || hasFlag(s.AdditionalProperties.Schema, flag, seen) || hasFlag(s.Not, flag, seen)
}

// compiledBodyAccepts reports whether the generated code accepts the JSON request
// body, as compiledAccepts does for a response: only a yes counts, and whatever it
// does not accept kin-openapi's ValidateRequest checks. The body and header are
// those the request is validated with.
func (o *operation) compiledBodyAccepts(header http.Header, body []byte, strict bool) bool {
	c := o.bodyCheck
	if c == nil || len(body) == 0 {
		return false
	}
	ct := header.Get("Content-Type")
	if c.content.Get(ct) != c.media {
		return false
	}
	// kin-openapi decodes the body by its media type, refusing one it has no decoder for.
	if mt, _, err := mime.ParseMediaType(ct); err != nil || openapi3filter.RegisteredBodyDecoder(mt) == nil {
		return false
	}
	return c.accepts(body, strict)
}

// compiledAccepts reports whether the generated code accepts the response body.
// It only says yes: whatever it does not accept, kin-openapi checks, so findings
// always come from one validator with one vocabulary of rules, messages and spec
// positions.
//
// Decoding into Go types loses what a schema can forbid (a null where none is
// allowed, a property spelt in another letter case, an absent required property
// held by value). A null the schema refuses is left to kin-openapi whatever it
// decodes to (a nil slice may encode as null again); the rest make the value's
// encoding differ from the body, and the body is then left to kin-openapi. The comparison reads the body's bytes
// (encodesAsBody); a body that is not JSON, or is null, is never accepted.
//
// In strict mode a value outside an open enum is drift that only kin-openapi's
// enum finding reports, so a decoded value holding one is left to kin-openapi too.
//
// The check decodes exactly (jsondec.UnmarshalExact), which notices on the way
// whatever could make the encoding differ; only a body where it noticed
// something is walked a second time (encodesAsBody).
func (o *operation) compiledAccepts(ix Interaction, statusKey string, strict bool) bool {
	c, ok := o.compiled[statusKey]
	if !ok || len(ix.RespBody) == 0 {
		return false
	}
	// kin-openapi picks the media type by the response's Content-Type; the
	// generated type only describes the JSON one.
	if c.content.Get(ix.RespHeader.Get("Content-Type")) != c.media {
		return false
	}
	return c.accepts(ix.RespBody, strict)
}

// accepts reports whether the check accepts body and decoding it lost nothing:
// the decoded value encodes as the body (and, if strict, holds no value outside
// an open enum).
//
// A generated walker, when there is one, answers first: it reads the body's
// bytes once and decodes nothing. What it refuses kin-openapi checks; only a
// body it cannot judge cheaply (jsondec.Unsure) is decoded.
func (c *compiledCheck) accepts(body []byte, strict bool) bool {
	if c.walk != nil {
		switch jsondec.Judge(body, strict, c.walk) {
		case jsondec.Accepted:
			return true
		case jsondec.Refused:
			return false
		}
	}
	exact := jsondec.Exact{Judge: judgePart}
	if strict {
		exact.Judge = judgePartStrict
	}
	v, err := c.check(body, &exact)
	if err != nil || exact.Null {
		return false
	}
	if !exact.Lost {
		return !strict || !exact.UnknownEnum
	}
	if strict && holdsUnknownEnum(reflect.ValueOf(v)) {
		return false
	}
	return encodesAsBody(reflect.ValueOf(v), body)
}

// judgePart is the Judge of exact decoding: whether the value v points to, which
// decoded itself, encodes as part.
func judgePart(v any, part []byte) bool { return encodesAsPart(reflect.ValueOf(v).Elem(), part) }

// judgePartStrict is judgePart that also refuses a value holding one outside an
// open enum, which exact decoding does not look for inside it; the body is then
// walked again, and the walk finds it.
func judgePartStrict(v any, part []byte) bool {
	return judgePart(v, part) && !holdsUnknownEnum(reflect.ValueOf(v).Elem())
}

// knower is what every generated enum type implements.
type knower interface{ IsKnown() bool }

var knowerType = reflect.TypeFor[knower]()

// holdsUnknownEnum reports whether v holds an enum value its spec does not list.
// Validate has already rejected those of closed enums, so any found here belongs
// to an open one. acs.Nullable keeps its value unexported; its Get method reaches it.
func holdsUnknownEnum(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	if v.Type().Implements(knowerType) && v.Kind() != reflect.Pointer && v.Kind() != reflect.Interface && v.CanInterface() {
		return !v.Interface().(knower).IsKnown()
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return !v.IsNil() && holdsUnknownEnum(v.Elem())
	case reflect.Struct:
		if get := v.MethodByName("Get"); get.IsValid() && get.Type().NumIn() == 0 && get.Type().NumOut() == 2 &&
			get.Type().Out(1).Kind() == reflect.Bool {
			out := get.Call(nil)
			return out[1].Bool() && holdsUnknownEnum(out[0])
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && holdsUnknownEnum(v.Field(i)) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return false
		}
		for i := range v.Len() {
			if holdsUnknownEnum(v.Index(i)) {
				return true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if holdsUnknownEnum(it.Value()) {
				return true
			}
		}
	}
	return false
}
