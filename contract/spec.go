package contract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"

	"github.com/acsgen/acsgen/generator/build"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
)

// Set is the specs interactions are checked against.
type Set struct {
	props schemaProps
	ops   []*operation
	paths map[*openapi3.Schema]docPath // where each schema sits in its spec, for suggestions
}

type operation struct {
	spec  *load.Spec
	api   *ir.API
	op    *ir.Operation
	route *routers.Route
	// styled holds what the request carries in Alibaba's flattened styles and its
	// form body, and the route openapi3filter checks the rest against.
	styled *styledInput
	segs   []string // ROA path template split at "/"
	// declared names the parameters the operation declares, by location; required
	// lists the required ones of styled.plain (requiredParams). Both are read only.
	declared map[string]map[string]bool
	required map[string]*openapi3.Parameter
	// writesHeader says checking a request may change its header: the operation has
	// header or cookie parameters (emptyRequired deletes empty required ones,
	// openapi3filter adds defaults).
	writesHeader bool

	compiled  map[string]compiledCheck // generated checks by responses key; nil for none
	bodyCheck *compiledCheck           // generated check of the JSON request body; nil for none
	params    *paramCheck              // generated check of the parameters; nil for none
	bare      map[string]bool          // responses keys whose response declares no header to check
	props     *schemaProps             // the Set's, shared by its operations
	fields    fieldSets                // the response fields results saw, interned
}

// Load reads specs. Spec problems come back as a diag.List.
func Load(files []string) (*Set, error) {
	set := &Set{paths: map[*openapi3.Schema]docPath{}}
	for _, file := range files {
		// Findings name the schema's position, which kin-openapi records as it loads.
		spec, err := load.Options{Origins: true}.File(file)
		if err != nil {
			return nil, err
		}
		api, err := build.Build(spec, build.Options{})
		if err != nil {
			return nil, err
		}
		schemaPaths(spec.Loc.File(), spec.Doc, set.paths)
		for _, op := range api.Operations {
			item := spec.Doc.Paths.Value(op.PathKey)
			route := &routers.Route{Spec: spec.Doc, Path: op.PathKey, PathItem: item, Method: op.Method,
				Operation: item.GetOperation(op.Method)}
			styled := newStyledInput(route)
			set.ops = append(set.ops, &operation{
				spec: spec, api: api, op: op, route: route,
				styled:   styled,
				segs:     strings.Split(op.Path, "/"),
				declared: declaredParams(route.Operation, route.PathItem),
				required: requiredParams(styled.plain),
				writesHeader: slices.ContainsFunc(slices.Concat(route.PathItem.Parameters, route.Operation.Parameters,
					styled.plain.PathItem.Parameters, styled.plain.Operation.Parameters), func(p *openapi3.ParameterRef) bool {
					return p == nil || p.Value == nil || p.Value.In == openapi3.ParameterInHeader || p.Value.In == openapi3.ParameterInCookie
				}),
				props: &set.props,
			})
		}
	}
	return set, nil
}

// Operations lists "<file> <operationId>" for every operation the set knows.
func (s *Set) Operations() []string {
	out := make([]string, len(s.ops))
	for i, o := range s.ops {
		out[i] = o.spec.Loc.File() + " " + o.op.ID
	}
	return out
}

// SpecFile is a spec file of a set and the SHA-256 of its bytes (line endings
// normalised), as load.Spec has it.
type SpecFile struct {
	File   string `json:"file"`   // e.g. "spec/apig-2024-03-27.yaml"
	SHA256 string `json:"sha256"` // hex
}

// Specs lists the set's spec files in the order they were loaded, each once.
func (s *Set) Specs() []SpecFile {
	var out []SpecFile
	for _, o := range s.ops {
		f := SpecFile{File: o.spec.Loc.File(), SHA256: o.spec.Digest}
		if len(out) == 0 || out[len(out)-1] != f {
			out = append(out, f)
		}
	}
	return out
}

// route finds the operation of a request: RPC by action (x-acs-action header, or the
// Action query parameter of V2-signed requests) and version when one is given; ROA by
// method and path template. It returns the path parameters for ROA.
func (s *Set) route(method, path, action, version string) (*operation, map[string]string, error) {
	for _, o := range s.ops {
		if o.api.Style != ir.RPC || action == "" || o.op.Action != action || (version != "" && version != o.api.Version) {
			continue
		}
		if path != "/" || !strings.EqualFold(method, o.op.Method) {
			return nil, nil, fmt.Errorf("action %s is %s / in the spec, not %s %s", action, o.op.Method, method, path)
		}
		return o, map[string]string{}, nil
	}
	// A path parameter sent empty still routes (in a second pass, after every
	// template has had the chance to match a literal), so that the check reports
	// the parameter as missing rather than the path as unknown.
	for _, empty := range []bool{false, true} {
		for _, o := range s.ops {
			if o.api.Style != ir.ROA || !strings.EqualFold(method, o.op.Method) {
				continue
			}
			if params, ok := matchPath(o.segs, path, empty); ok {
				return o, params, nil
			}
		}
	}
	if action != "" {
		return nil, nil, fmt.Errorf("no spec declares action %q (version %q) or %s %s", action, version, method, path)
	}
	return nil, nil, fmt.Errorf("no spec declares %s %s", method, path)
}

// matchPath matches an escaped request path against template segments; empty
// lets a parameter segment be empty. It walks the path's segments in place and
// makes the map of parameters only for a path that matches: route tries every
// template of the method.
func matchPath(tmpl []string, path string, empty bool) (map[string]string, bool) {
	if strings.Count(path, "/")+1 != len(tmpl) {
		return nil, false
	}
	n := 0
	for i, rest := 0, path; i < len(tmpl); i++ {
		var seg string
		seg, rest, _ = strings.Cut(rest, "/")
		switch t := tmpl[i]; {
		case isTemplateParam(t):
			if seg == "" && !empty {
				return nil, false
			}
			n++
		case t != seg:
			return nil, false
		}
	}
	params := make(map[string]string, n)
	for i, rest := 0, path; i < len(tmpl); i++ {
		var seg string
		seg, rest, _ = strings.Cut(rest, "/")
		if t := tmpl[i]; isTemplateParam(t) {
			params[t[1:len(t)-1]] = seg // still escaped, as openapi3filter expects
		}
	}
	return params, true
}

// isTemplateParam reports whether a path template's segment is a parameter.
func isTemplateParam(t string) bool { return strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") }

// schemaPos is the spec location of a schema, when kin-openapi recorded one.
func schemaPos(s *openapi3.Schema) string {
	if s == nil {
		return ""
	}
	return originPos(s.Origin)
}

// originPos is "file:line:col" of a kin-openapi origin, "" when none was recorded.
func originPos(o *openapi3.Origin) string {
	if o == nil || o.Key == nil {
		return ""
	}
	k := o.Key
	return fmt.Sprintf("%s:%d:%d", k.File, k.Line, k.Column)
}
