package contract

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/build"
)

// openEnumExt marks an enum whose list is known to be incomplete: the API may send
// values added after the spec was written. A value outside such a list is drift
// (reported in strict mode as "enum-drift"), not a violation; every other enum is
// closed and openapi3filter's "enum" finding stands.
const openEnumExt = "x-acs-open-enum"

// openEnums turns enum findings on open enums into drift, or drops them when not
// strict. kin-openapi checks enum before type and stops there, so the value is
// first checked against the schema without its enum: a value of the wrong type
// (a number for a string enum) stays a violation.
func openEnums(in []Finding, strict bool) []Finding {
	var out []Finding
	for _, f := range in {
		if f.Rule == "enum" && f.schema != nil && f.schema.Extensions[openEnumExt] == true {
			if rest := withoutEnum(f.schema).VisitJSON(f.value.get(), openapi3.MultiErrors()); rest != nil {
				for _, g := range findings(f.Operation, f.Where, rest) {
					g.Pointer = f.Pointer + strings.TrimSuffix(g.Pointer, "/")
					out = append(out, g)
				}
				continue
			}
			if !strict {
				continue
			}
			f.Rule = "enum-drift"
			f.Message = fmt.Sprintf("value %v is not listed by the open enum %v", jsonText(f.value.get()), jsonText(f.schema.Enum))
		}
		out = append(out, f)
	}
	return out
}

// withoutEnum is s with no enum, every other keyword kept.
func withoutEnum(s *openapi3.Schema) *openapi3.Schema {
	c := *s
	c.Enum = nil
	return &c
}

// statusKey is the key of the response a status selects, as OpenAPI resolves it:
// the exact code, then its range ("4XX"), then "default"; "" when none applies.
func (o *operation) statusKey(status int) string {
	rs := o.route.Operation.Responses
	if rs == nil {
		return ""
	}
	code, class := statusText(status)
	for _, k := range [3]string{code, class, "default"} {
		if rs.Value(k) != nil {
			return k
		}
	}
	return ""
}

// statusText is a status and its range as responses keys ("404", "4XX"), from
// tables for the statuses HTTP defines: every check looks one up.
func statusText(status int) (code, class string) {
	if status >= 100 && status < 600 {
		return statusCodes[status-100], statusClasses[status/100-1]
	}
	code = strconv.Itoa(status)
	return code, code[:1] + "XX"
}

var (
	statusCodes = func() (t [500]string) {
		for i := range t {
			t[i] = strconv.Itoa(100 + i)
		}
		return t
	}()
	statusClasses = [5]string{"1XX", "2XX", "3XX", "4XX", "5XX"}
)

// undeclaredStatus reports a status that only the "default" response covers. A
// range such as "4XX" is an explicit declaration (the specs use it for the error
// body every status shares), so it is not drift; a status nothing covers is already
// openapi3filter's "status" finding.
func (o *operation) undeclaredStatus(key string, status int) []Finding {
	if key != "default" {
		return nil
	}
	return []Finding{{Operation: o.op.ID, Where: "response", Rule: "undeclared-status",
		Schema: o.pos("responses", "default"), value: keep(status),
		Message: fmt.Sprintf("status %d is covered only by the default response", status)}}
}

// undocumentedQuery reports query parameters the operation does not declare;
// common parameters were removed before.
func (o *operation) undocumentedQuery(q url.Values, declared map[string]bool) []Finding {
	var out []Finding
	for _, name := range sortedNames(q) {
		if !declared[name] {
			out = append(out, Finding{Operation: o.op.ID, Where: "request", Pointer: "query/" + name,
				Rule: "undocumented", Schema: o.pos("parameters"), Message: "query parameter is not in the spec"})
		}
	}
	return out
}

// pos is the spec position of a key below the operation.
func (o *operation) pos(keys ...string) string {
	return o.spec.Loc.Pos(append([]string{"paths", o.op.PathKey, lower(o.op.Method)}, keys...)...).String()
}

// responseSchema is the JSON body schema of the response selected by key, or nil.
func (o *operation) responseSchema(key string) *openapi3.Schema {
	if key == "" {
		return nil
	}
	r := o.route.Operation.Responses.Value(key)
	if r == nil || r.Value == nil {
		return nil
	}
	for _, mt := range sortedNames(r.Value.Content) {
		if m := r.Value.Content[mt]; build.IsJSONMediaType(mt) && m.Schema != nil {
			return m.Schema.Value
		}
	}
	return nil
}
