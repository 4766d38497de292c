// Package build turns a loaded spec into the IR. Every decision about the generated
// code is made here: Go names, types, optionality, wire encoding and ordering. All
// problems are collected as positioned diagnostics instead of stopping at the first.
package build

import (
	"cmp"
	"fmt"
	neturl "net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/ir"
	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/generator/names"
)

// Options adjust a build.
type Options struct {
	Package    string // Go package name; empty: x-go-package, else lower-cased x-acs-product, else derived from the file name
	ImportPath string // import path of the generated package, for examples and docs; may be empty
}

// reserved are package-level names the generated code declares itself.
var reserved = []string{"Client", "CompiledSpec", "NewClient"}

// reservedMethods are the methods the generated Client declares besides operations.
var reservedMethods = []string{"Endpoint", "Format"}

type builder struct {
	spec  *load.Spec
	doc   *openapi3.T
	loc   *load.Locator
	diags diag.List

	api       *ir.API
	models    map[string]*ir.Model // by GoName
	declared  map[string]diag.Pos  // package-level Go names and where they come from
	byPointer map[*openapi3.Schema]*ir.Model
	looks     lookalikes // the package-level Go names, to find two that read alike
	// schemaNames maps the Go name of every component schema, known before any
	// is built, to the schema's name, so that names made up yield to them (made.go).
	schemaNames map[string]string
	renamed     map[string]string // component schemas renamed for the generated code, to their Go names
	methods     lookalikes        // the methods of the generated Client

	paramExamples map[*ir.Param]any // the spec's example of each parameter, for Operation.Example

	// scalarMerges holds each scalar allOf merged (scalarAllOf), nil where it
	// cannot be, so each is merged, and reported, once.
	scalarMerges map[*openapi3.Schema]*openapi3.Schema

	unions     []*unionSite // in the order they were built, for planUnions
	unionSites map[*ir.Model]*unionSite
}

// Build converts spec into an API. The error, if any, is a diag.List, holding the
// warnings too; without errors the warnings are in API.Warnings.
func Build(spec *load.Spec, opts Options) (*ir.API, error) {
	b := &builder{
		spec:      spec,
		doc:       spec.Doc,
		loc:       spec.Loc,
		models:    map[string]*ir.Model{},
		declared:  map[string]diag.Pos{},
		byPointer: map[*openapi3.Schema]*ir.Model{},
		looks:     lookalikes{},
		methods:   lookalikes{},

		paramExamples: map[*ir.Param]any{},
		unionSites:    map[*ir.Model]*unionSite{},
	}
	b.diags = slices.Clone(spec.Warnings)
	for _, name := range reserved {
		b.declared[name] = diag.Pos{File: generatedCode}
		b.looks.check(name, "", diag.Pos{})
	}
	for _, name := range reservedMethods {
		b.methods.check(name, "", diag.Pos{})
	}
	b.buildAPI(opts)
	b.buildComponents()
	b.buildOperations()
	b.planUnions()
	b.breakValueCycles()
	b.embedBodies()
	if err := b.diags.Err(); err != nil {
		return nil, err // errors and warnings, for lint to show them all
	}
	b.api.Warnings = b.diags.Sort()
	for _, m := range b.models {
		b.api.Models = append(b.api.Models, m)
	}
	slices.SortFunc(b.api.Models, func(x, y *ir.Model) int { return cmp.Compare(x.GoName, y.GoName) })
	slices.SortFunc(b.api.Operations, func(x, y *ir.Operation) int { return cmp.Compare(x.GoName, y.GoName) })
	return b.api, nil
}

func (b *builder) errorf(path []string, format string, args ...any) {
	b.diags.Add(b.loc.Pos(path...), strings.Join(path, "."), format, args...)
}

// warnf reports a problem that does not stop generation (see diag.Diagnostic.Warning).
func (b *builder) warnf(path []string, format string, args ...any) {
	b.diags.Warn(b.loc.Pos(path...), strings.Join(path, "."), format, args...)
}

func (b *builder) buildAPI(opts Options) {
	doc := b.doc
	api := &ir.API{
		Specs:      []ir.SpecFile{{Path: b.loc.File(), Digest: b.spec.Digest}},
		ImportPath: opts.ImportPath,
		Product:    stringExt(doc.Extensions, "x-acs-product"),
		Version:    stringExt(doc.Extensions, "x-acs-version"),
		Style:      ir.ROA,
		VersionPos: b.loc.Pos("x-acs-version"),
		ServersPos: b.loc.Pos("servers"),
	}
	if doc.Info != nil {
		api.Title = doc.Info.Title
		api.Doc = strings.TrimSpace(doc.Info.Description)
		if api.Version == "" {
			api.Version = doc.Info.Version
			api.VersionPos = b.loc.Pos("info", "version")
		}
	}
	// An Alibaba spec says so with x-acs-product or x-acs-style; a plain OpenAPI spec
	// gets a client that neither signs nor sends x-acs-* headers.
	api.Signed = api.Product != "" || stringExt(doc.Extensions, "x-acs-style") != ""
	switch style := stringExt(doc.Extensions, "x-acs-style"); style {
	case "", "ROA":
	case "RPC":
		api.Style = ir.RPC
	default:
		b.errorf([]string{"x-acs-style"}, "x-acs-style %q is not RPC or ROA", style)
	}
	b.packageName(api, opts)
	b.api = api
	b.buildServers()
}

func (b *builder) buildServers() {
	if len(b.doc.Servers) == 0 {
		return // the client then needs acs.WithEndpoint
	}
	srv := b.doc.Servers[0]
	url := srv.URL
	for _, name := range sortedKeys(srv.Variables) {
		v := srv.Variables[name]
		if name == "regionId" {
			b.api.DefaultRegion = v.Default
			b.api.Regions = slices.Clone(v.Enum)
			continue
		}
		url = strings.ReplaceAll(url, "{"+name+"}", v.Default)
	}
	b.api.Endpoint = url
	// The client fills in the region; any region will do to see the URL parse.
	region := cmp.Or(b.api.DefaultRegion, "cn-hangzhou")
	if b.checkServerURL(srv.URL, strings.ReplaceAll(url, "{regionId}", region), []string{"servers", "0", "url"}) {
		b.api.Endpoint = ""
	}
	b.regionHosts(srv)
}

// regionHosts reads servers[0].x-acs-endpoints: region ID → host name, for regions
// whose host the URL template does not give.
func (b *builder) regionHosts(srv *openapi3.Server) {
	raw, ok := srv.Extensions["x-acs-endpoints"]
	if !ok {
		return
	}
	at := []string{"servers", "0", "x-acs-endpoints"}
	m, ok := raw.(map[string]any)
	if !ok {
		b.errorf(at, "x-acs-endpoints must map region IDs to host names")
		return
	}
	hosts := map[string]string{}
	for _, region := range sortedKeys(m) {
		host, ok := m[region].(string)
		switch {
		case !ok || !validHost(host):
			b.errorf(append(at, region), "x-acs-endpoints: %q is not a host name (a name such as sts.aliyuncs.com, without scheme or path)", fmt.Sprint(m[region]))
			continue
		case len(b.api.Regions) > 0 && !slices.Contains(b.api.Regions, region):
			b.errorf(append(at, region), "x-acs-endpoints names region %q, which the regionId enum does not list", region)
			continue
		}
		hosts[region] = host
	}
	if len(hosts) > 0 {
		b.api.RegionHosts = hosts
	}
}

// validHost reports a plain host name, optionally with a port: what a URL's host
// may be, nothing more.
func validHost(h string) bool {
	if h == "" || strings.ContainsAny(h, "/?#@ \t\n\\") {
		return false
	}
	u, err := neturl.Parse("https://" + h)
	return err == nil && u.Host == h && u.Hostname() != ""
}

// fileStem derives a package name from "spec/cloudapi-2016-07-14.yaml": "cloudapi".
func fileStem(path string) string {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	base, _, _ = strings.Cut(base, ".")
	base, _, _ = strings.Cut(base, "-")
	return names.Package(base)
}

// packageName names the package: opts.Package, x-go-package, else derived from
// the product or file name, mapped when Go refuses it (names.DerivedPackage). A
// name given is refused rather than changed.
func (b *builder) packageName(api *ir.API, opts Options) {
	given := stringExt(b.doc.Extensions, "x-go-package")
	switch {
	case opts.Package != "":
		api.Package = opts.Package
		if problem := names.PackageProblem(api.Package); problem != "" {
			b.diags.Add(b.loc.Pos(), "", "package name %q %s; choose another (--package, packages: in acsgen.yaml)", api.Package, problem)
		}
	case given != "":
		api.Package = given
		if problem := names.PackageProblem(given); problem != "" {
			b.errorf([]string{"x-go-package"}, "package name %q %s; set another x-go-package", given, problem)
		}
	default:
		api.Package = names.DerivedPackage(cmp.Or(names.Package(api.Product), fileStem(b.loc.File())))
		if api.Package == "" {
			b.errorf([]string{"x-go-package"}, "no package name can be made from the file name or x-acs-product; set x-go-package")
		}
	}
}

func stringExt(ext map[string]any, key string) string {
	s, _ := ext[key].(string)
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// declare claims a package-level Go name, reporting a collision with its first
// owner and a name of the package it reads like (lookalikes).
func (b *builder) declare(goName, specName string, path []string) bool {
	return b.declareName(goName, specName, path, true)
}

// declareMadeFrom claims the name of a type made from an operation's Go name (its
// request and response). A look-alike there is the operation's, which the
// method check reports already, so it is not reported twice more.
func (b *builder) declareMadeFrom(goName, specName string, path []string) bool {
	return b.declareName(goName, specName, path, false)
}

func (b *builder) declareName(goName, specName string, path []string, lookalike bool) bool {
	pos := b.loc.Pos(path...)
	if prev, ok := b.declared[goName]; ok {
		b.errorf(path, "%q maps to Go name %s, which %s already uses; rename one with x-go-name", specName, goName, prev)
		return false
	}
	b.declared[goName] = pos
	if prev, ok := b.looks.check(goName, strconv.Quote(specName), pos); ok && lookalike {
		b.errorf(path, "%q maps to Go name %s, which reads like %s, %s: %s; rename one with x-go-name (x-enum-varnames for enum constants)",
			specName, goName, prev.goName, prev.owner(), lookalikeNote(prev.goName, goName))
	}
	return true
}

// goName returns the x-go-name override or the mapped name, reporting names that
// cannot become a Go identifier.
//
// A Go name that is not ASCII is a warning (warnNonASCII), and so is a name
// without letters or digits ("=", "", "-"), which is named by its code points
// (names.CodePoints: "U003D"), as enum values are.
func (b *builder) goName(ext map[string]any, specName string, path []string) string {
	if override := stringExt(ext, "x-go-name"); override != "" {
		if !names.IsExported(override) {
			b.errorf(path, "x-go-name %q is not an exported Go identifier", override)
			return ""
		}
		b.warnNonASCII(override, "x-go-name", path)
		return override
	}
	n := mappedName(specName)
	if names.GoName(specName) == "" {
		b.warnf(path, "name %q has no letters or digits to make a Go name from; it is %s (set x-go-name)", specName, n)
	}
	b.warnNonASCII(n, "x-go-name", path)
	return n
}

// mappedName is the Go name of a spec name without x-go-name: names.GoName, or
// for a name without letters or digits its code points.
func mappedName(specName string) string {
	if n := names.GoName(specName); n != "" {
		return n
	}
	return names.CodePoints(specName)
}
