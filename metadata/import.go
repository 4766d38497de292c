package metadata

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Options say what to import.
type Options struct {
	// Operations names the APIs to import; empty imports every one.
	Operations []string
	// Source names the metadata in problems and in the spec's description, e.g.
	// "metadata/apig/2024-03-27/api-docs.json".
	Source string
}

// Problem is something of the metadata the spec does not carry as the metadata
// says: Warning for what only documentation loses (an example that fits no
// type), otherwise for what a client would get wrong.
type Problem struct {
	Source  string
	Path    string // the field, e.g. "apis.AttachPlugin.parameters[2] (ApiIds).style"
	Message string
	Warning bool
}

func (p Problem) String() string {
	kind := ""
	if p.Warning {
		kind = "warning: "
	}
	return fmt.Sprintf("%s: %s: %s%s", p.Source, p.Path, kind, p.Message)
}

// Errors counts the problems that are not warnings.
func Errors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if !p.Warning {
			n++
		}
	}
	return n
}

type converter struct {
	doc      *Doc
	opts     Options
	problems []Problem
	refs     []string // component schemas the imported operations use, in the order met
}

func (c *converter) problem(at, format string, args ...any) {
	c.problems = append(c.problems, Problem{Source: c.opts.Source, Path: at, Message: fmt.Sprintf(format, args...)})
}

func (c *converter) warn(at, format string, args ...any) {
	c.problems = append(c.problems, Problem{Source: c.opts.Source, Path: at, Message: fmt.Sprintf(format, args...), Warning: true})
}

// need records a component schema as used, once.
func (c *converter) need(name string) {
	if !slices.Contains(c.refs, name) {
		c.refs = append(c.refs, name)
	}
}

// Import turns the metadata into an OpenAPI 3.0.3 spec (YAML text) holding the
// named operations, or all of them, and the shared schemas they use. The output
// depends only on the metadata and opts. Problems list what could not be carried
// over exactly; an unknown operation name is one, and nothing is written for it.
func Import(doc *Doc, opts Options) ([]byte, []Problem) {
	c := &converter{doc: doc, opts: opts}
	names := opts.Operations
	if len(names) == 0 {
		names = doc.APIs.Keys
	}
	root := mapping()
	set(root, "openapi", str("3.0.3"))
	set(root, "info", c.info())
	set(root, "x-acs-product", str(doc.Info.Product))
	set(root, "x-acs-version", str(doc.Info.Version))
	set(root, "x-acs-style", str(doc.Info.Style))
	set(root, "servers", c.servers())
	security := sequence()
	acs3 := mapping()
	set(acs3, "ACS3", flowSequence())
	security.Content = append(security.Content, acs3)
	set(root, "security", security)

	paths := mapping()
	responses := mapping() // <Operation>Response schemas, in operation order
	seen := map[string]string{}
	for _, name := range sortedUnique(names) {
		api, ok := doc.APIs.Get(name)
		if !ok || api == nil {
			c.problem("apis", "no API named %q in the metadata", name)
			continue
		}
		c.operation(paths, responses, name, api, seen)
	}
	set(root, "paths", paths)
	set(root, "components", c.components(responses))

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		c.problem("(output)", "internal error: encoding the spec: %v", err)
	}
	_ = enc.Close()
	return buf.Bytes(), c.problems
}

func sortedUnique(names []string) []string {
	out := slices.Clone(names)
	slices.Sort(out)
	return slices.Compact(out)
}

func (c *converter) info() *yaml.Node {
	info := mapping()
	set(info, "title", str(c.doc.Info.Product))
	set(info, "version", str(c.doc.Info.Version))
	src := ""
	if c.opts.Source != "" {
		src = " (" + c.opts.Source + ")"
	}
	set(info, "description", str(fmt.Sprintf("%s %s, %s style, imported by acsgen import from Alibaba Cloud's API metadata%s. Maintain it by hand from here.",
		c.doc.Info.Product, c.doc.Info.Version, c.doc.Info.Style, src)))
	return info
}

// components holds the shared schemas the operations use (and those they use,
// in the order first met), the operations' response schemas and the product's
// error body.
func (c *converter) components(responses *yaml.Node) *yaml.Node {
	schemas := mapping()
	for i := 0; i < len(c.refs); i++ { // c.refs grows as schemas refer to others
		name := c.refs[i]
		s, _ := c.doc.Components.Schemas.Get(name)
		set(schemas, name, c.schema(s, "components.schemas."+name))
	}
	// Shared schemas first, in the order met; then responses and the error body.
	// A shared schema named like a response keeps its name; the response's wins
	// nothing and is reported.
	for i := 0; i+1 < len(responses.Content); i += 2 {
		key := responses.Content[i].Value
		if slices.Contains(c.refs, key) {
			c.problem("components.schemas."+key, "a shared schema is named like the response of an operation; the response schema is left out")
			continue
		}
		schemas.Content = append(schemas.Content, responses.Content[i], responses.Content[i+1])
	}
	if !slices.Contains(c.refs, "ErrorResponse") {
		set(schemas, "ErrorResponse", errorBody(c.doc.Info.Style))
	}
	sec := mapping()
	acs3 := mapping()
	set(acs3, "type", str("apiKey"))
	set(acs3, "in", str("header"))
	set(acs3, "name", str("Authorization"))
	set(acs3, "description", str("ACS3-HMAC-SHA256 request signing (Alibaba Cloud signature V3)."))
	set(sec, "ACS3", acs3)
	comp := mapping()
	set(comp, "securitySchemes", sec)
	set(comp, "schemas", schemas)
	return comp
}

// errorBody is the error shape of Alibaba's gateways: PascalCase keys for RPC
// products, camelCase for ROA ones.
func errorBody(style string) *yaml.Node {
	keys := []string{"RequestId", "HostId", "Code", "Message", "Recommend"}
	if style == "ROA" {
		keys = []string{"requestId", "hostId", "code", "message", "recommend"}
	}
	docs := []string{"The ID of the request.", "The endpoint host that served the request.", "The error code.", "The error message.", "A troubleshooting URL for the error."}
	n := mapping()
	set(n, "type", str("object"))
	set(n, "description", str("The error body the service answers with when a call fails."))
	props := mapping()
	for i, k := range keys {
		p := mapping()
		set(p, "type", str("string"))
		set(p, "description", str(docs[i]))
		set(props, k, p)
	}
	set(n, "properties", props)
	return n
}

// servers is the regional endpoint: a host template with the region, the region
// enum and, for regions whose host does not fit the template, x-acs-endpoints.
func (c *converter) servers() *yaml.Node {
	eps := c.doc.Endpoints
	if len(eps) == 0 {
		c.problem("endpoints", "no endpoints; the spec has no servers and clients need acs.WithEndpoint")
		return nil
	}
	count := map[string]int{}
	var templates []string
	for _, e := range eps {
		t := strings.Replace(e.Endpoint, e.RegionID, "{regionId}", 1)
		if !strings.Contains(t, "{regionId}") {
			continue
		}
		if count[t] == 0 {
			templates = append(templates, t)
		}
		count[t]++
	}
	best := ""
	for _, t := range templates { // the most common; the first met on a tie
		if count[t] > count[best] {
			best = t
		}
	}
	variables := mapping()
	region := mapping()
	enum := sequence()
	other := mapping()
	def := ""
	for _, e := range eps {
		if e.RegionID == "" || e.Endpoint == "" {
			c.problem("endpoints", "an endpoint without regionId or endpoint")
			continue
		}
		enum.Content = append(enum.Content, str(e.RegionID))
		if best == "" || strings.Replace(best, "{regionId}", e.RegionID, 1) != e.Endpoint {
			set(other, e.RegionID, str(e.Endpoint))
		}
		if e.RegionID == "cn-hangzhou" || def == "" {
			def = e.RegionID
		}
	}
	if best == "" {
		best = eps[0].Endpoint
	}
	set(region, "default", str(def))
	set(region, "enum", enum)
	set(variables, "regionId", region)
	srv := mapping()
	set(srv, "url", str("https://"+best))
	if strings.Contains(best, "{regionId}") {
		set(srv, "variables", variables)
	}
	if len(other.Content) > 0 {
		set(srv, "x-acs-endpoints", other) // generated clients call these regions at these hosts
	}
	list := sequence()
	list.Content = append(list.Content, srv)
	return list
}
