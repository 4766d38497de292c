// Package load reads one OpenAPI 3.0 spec with kin-openapi and checks its syntax and
// validity. Every problem comes back as a positioned diagnostic; nothing is resolved
// into Go decisions here (that is build's job).
package load

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/internal/boundedfile"
)

// Spec is a loaded, valid spec.
type Spec struct {
	Doc *openapi3.T
	Loc *Locator
	// Digest is the hex SHA-256 of the spec's bytes: code generated from it records
	// the digest, so a contract check can tell whether that code still matches.
	Digest string
	// Warnings are the problems found that do not stop generation (hidden
	// characters in the spec's text), sorted; build passes them on.
	Warnings diag.List
	// Files are the other files the spec's $refs read, in the order read; nil for
	// a spec of one file.
	Files []string
}

// Options say how to load a spec. The zero value suits the generator.
type Options struct {
	// Origins has kin-openapi record where each schema, parameter and so on sits in
	// the file (their Origin fields), for callers that quote those positions
	// (contract findings). That takes kin-openapi's own YAML decode, as slow as the
	// rest of generation together; without it the spec reaches kin-openapi as JSON
	// made from the Locator's parse (toJSON), and diagnostics position everything
	// with the Locator anyway.
	Origins bool
	// ReadFile reads the other files of a multi-file spec (bundle.go), by their
	// paths: the spec's own joined with each $ref, cleaned, slash-separated, and
	// inside the spec's directory. Nil reads them from disk (diskFiles); acsgen
	// diff reads them from a git revision.
	ReadFile func(path string) ([]byte, error)

	then *beside // FileThen's work
}

// File reads and loads the spec at path with the zero Options.
func File(path string) (*Spec, error) { return Options{}.File(path) }

// Data loads a spec from memory with the zero Options.
func Data(path string, data []byte) (*Spec, error) { return Options{}.Data(path, data) }

// File reads and loads the spec at path. An unreadable file is a plain error; a bad
// spec is a diag.List holding every problem found. Only a regular file is read, and
// never more than MaxSpecBytes of it: a symlink to /dev/zero would never
// end, and opening a FIFO waits for a writer that may never come.
func (o Options) File(path string) (*Spec, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return o.Data(path, data)
}

// readFile reads the spec file at path: a regular file of at most MaxSpecBytes. A
// larger file is a diagnostic, refused before it is read into memory.
func readFile(path string) ([]byte, error) {
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() && info.Size() > MaxSpecBytes {
		return nil, sizeError(path, info.Size())
	}
	data, err := boundedfile.Read(path, MaxSpecBytes, "spec")
	if err != nil {
		return nil, fmt.Errorf("read spec: %w", err)
	}
	return data, nil
}

// Data loads a spec from memory; path names it in diagnostics. $refs to other
// files are read relative to path, inside its directory (bundle.go, ReadFile);
// URLs are never fetched: a generator that fetches what its input names is a
// liability.
func (o Options) Data(path string, data []byte) (*Spec, error) {
	if len(data) > MaxSpecBytes {
		return nil, sizeError(path, int64(len(data)))
	}
	loc, err := newLocator(path, data)
	if err != nil {
		return nil, syntaxError(path, data, err)
	}
	if loc.root.Kind != yaml.MappingNode {
		return nil, diag.List{{Pos: diag.Pos{File: path, Line: 1, Col: 1}, Msg: "spec is not a YAML or JSON object"}}
	}
	if version := loc.version(); len(version) > 0 {
		return nil, version // another version's syntax would only give shape errors
	}
	if large := loc.tooLarge(); len(large) > 0 {
		return nil, large
	}
	if deep := loc.tooDeep(); len(deep) > 0 {
		return nil, deep
	}
	warnings := loc.hiddenText()
	var parts []*Locator
	if hasFileRefs(loc.root) {
		read := o.ReadFile
		if read == nil {
			read = diskFiles(path)
		}
		b := newBundler(loc, read, len(data))
		b.bundle()
		warnings = append(warnings, b.warnings...)
		if len(b.diags) > 0 {
			// The spec's own references are checked all the same, to list every
			// problem at once; the files refused are reported already.
			local := slices.DeleteFunc(loc.danglingRefs(), func(d diag.Diagnostic) bool { return !strings.HasPrefix(d.Msg, `$ref "#`) })
			return nil, append(append(b.diags, local...), warnings...).Sort()
		}
		for _, file := range b.order {
			parts = append(parts, b.parts[file])
		}
		loc.index = indexMappings(loc.root) // bundle added components
		if large := append(loc.tooLarge(), loc.tooDeep()...); len(large) > 0 {
			return nil, large
		}
	}
	return o.check(loc, path, data, parts, warnings)
}

// version reports a spec that is not OpenAPI 3.0: a missing or other openapi
// version, or a Swagger 2.0 spec.
func (l *Locator) version() diag.List {
	v := l.node("openapi")
	if v == nil {
		if sw := l.node("swagger"); sw != nil {
			return diag.List{{Pos: l.Pos("swagger"), Path: "swagger",
				Msg: "Swagger 2.0 is not supported; acsgen reads OpenAPI 3.0 specs (convert the spec to OpenAPI 3.0 first)"}}
		}
	}
	if v != nil && v.Kind == yaml.ScalarNode && strings.HasPrefix(v.Value, "3.0") {
		return nil
	}
	value := ""
	if v != nil && v.Kind == yaml.ScalarNode {
		value = v.Value
	}
	return diag.List{{Pos: l.Pos("openapi"), Path: "openapi", Msg: fmt.Sprintf("version %q is not supported; acsgen reads OpenAPI 3.0 specs", value)}}
}

// check runs the checks that need no more than the parsed YAML, then has
// kin-openapi decode and validate the spec. warnings, found before, join the
// spec's or the error's.
func (o Options) check(loc *Locator, path string, data []byte, parts []*Locator, warnings diag.List) (*Spec, error) {
	fail := func(dl diag.List) error { return append(dl, warnings...).Sort() }
	if shape := append(append(loc.duplicateKeys(), loc.schemaShapes()...), loc.objectShapes()...); len(shape) > 0 {
		return nil, fail(shape)
	}
	if refs := loc.danglingRefs(); len(refs) > 0 {
		return nil, fail(refs)
	}
	if refs := loc.refProblems(); len(refs) > 0 {
		return nil, fail(refs)
	}
	doc, err := o.decode(loc, path, data, parts)
	if err != nil {
		var dl diag.List
		if errors.As(loadError(loc, err), &dl) {
			return nil, fail(dl)
		}
		return nil, err
	}
	emptyMediaTypes(doc)
	resolveHeaderContent(doc)
	lenient, restore := leniencies(doc, loc)
	spec := &Spec{Doc: doc, Loc: loc, Digest: digest(data, parts)}
	for _, p := range parts {
		spec.Files = append(spec.Files, p.file)
	}
	// Without stand-ins to take out after validation, the examples are checked
	// (which drops those that do not match) first, and then o.then has the spec,
	// beside kin-openapi's validation: both only read it from there on.
	handed := false
	if restore == nil {
		lenient = append(lenient, checkExamples(doc, loc)...)
		if errs, _ := lenient.Count(); errs == 0 && o.then != nil {
			spec.Warnings = append(slices.Clone(warnings), lenient...).Sort()
			o.then.start(spec)
			handed = true
		}
	}
	ctx := openapi3.WithValidationOptions(context.Background(),
		openapi3.EnableMultiError(), openapi3.DisableExamplesValidation(), openapi3.DisableSchemaDefaultsValidation(),
		// build checks patterns, positioned, and tells RE2's limits from errors
		openapi3.DisableSchemaPatternValidation())
	var diags diag.List
	if err := doc.Validate(ctx); err != nil {
		diags = validationErrors(loc, err)
	}
	if restore != nil {
		restore()
		lenient = append(lenient, checkExamples(doc, loc)...)
	}
	if errs, _ := lenient.Count(); len(diags) > 0 || errs > 0 {
		o.then.discard()
		return nil, fail(append(diags, lenient...))
	}
	if !handed {
		spec.Warnings = append(warnings, lenient...).Sort()
	}
	return spec, nil
}

// decode has kin-openapi load the spec: as JSON converted from the Locator's tree
// when it can, else (origins wanted, JSON input, YAML the conversion leaves alone)
// from the original bytes.
//
// A bundled spec (several files) is decoded from its tree alone, and with Origins
// its positions come from the Locator (origins.go), which knows each node's file.
func (o Options) decode(loc *Locator, path string, data []byte, parts []*Locator) (*openapi3.T, error) {
	if parts != nil {
		if doc, ok := loadTree(loc.root, path); ok {
			if o.Origins {
				setOrigins(doc, loc)
			}
			return doc, nil
		}
		size := len(data)
		for _, p := range parts {
			size += len(p.src)
		}
		converted, ok := toJSON(loc.root, size)
		if !ok {
			var err error
			if converted, err = yaml.Marshal(loc.root); err != nil {
				return nil, err
			}
		}
		doc, err := newLoader().LoadFromDataWithPath(converted, &url.URL{Path: path})
		if err == nil && o.Origins {
			setOrigins(doc, loc)
		}
		return doc, err
	}
	if !o.Origins && !looksLikeJSON(data) {
		if doc, ok := loadTree(loc.root, path); ok {
			return doc, nil
		}
		if converted, ok := toJSON(loc.root, len(data)); ok {
			if doc, err := newLoader().LoadFromDataWithPath(converted, &url.URL{Path: path}); err == nil {
				return doc, nil
			}
			// kin-openapi's error quotes its JSON and YAML attempts at the bytes it
			// was given; load the original bytes for the message users always saw.
		}
	}
	return newLoader().LoadFromDataWithPath(data, &url.URL{Path: path})
}

func newLoader() *openapi3.Loader {
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	loader.IsExternalRefsAllowed = false
	return loader
}

// looksLikeJSON says whether data starts like a JSON object. kin-openapi decodes
// JSON with encoding/json directly, which is the fast path toJSON leads to anyway.
func looksLikeJSON(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] == '{'
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// syntaxError positions a YAML/JSON syntax error. The YAML parser reports only a
// line, so the column is that of the line's first non-blank character.
func syntaxError(path string, data []byte, err error) error {
	msg := err.Error()
	pos := diag.Pos{File: path, Line: 1, Col: 1}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		msg = msg[len(m[0]):]
		if m[1] != "" {
			_, _ = fmt.Sscan(m[1], &pos.Line)
			pos.Col = firstColumn(data, pos.Line)
		} else if at, what, ok := badChar(path, data); ok {
			// The reader's errors about characters carry no line.
			return diag.List{{Pos: at, Msg: "syntax error: " + what}}
		}
	}
	return diag.List{{Pos: pos, Msg: "syntax error: " + firstLine(msg)}}
}

func firstColumn(data []byte, line int) int {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return 0
	}
	text := lines[line-1]
	return len(text) - len(strings.TrimLeft(text, " \t")) + 1
}

var refInMsg = regexp.MustCompile(`"(#[^"]*|[^"#]+#[^"]*)"`)

// loadError turns a loader failure, typically a $ref that resolves nowhere, into a
// diagnostic at every place that names the bad reference.
func loadError(loc *Locator, err error) error {
	msg := firstLine(err.Error())
	var out diag.List
	if m := refInMsg.FindStringSubmatch(msg); m != nil {
		for _, pos := range loc.RefPositions(m[1]) {
			out.Add(pos, "", "unresolved $ref %q: %s", m[1], msg)
		}
	}
	if len(out) == 0 {
		out.Add(loc.Pos(), "", "%s", msg)
	}
	return out.Sort()
}

// validationErrors converts kin-openapi's multi-error into one diagnostic per leaf,
// positioned at the deepest spec path its context wrappers name.
func validationErrors(loc *Locator, err error) diag.List {
	var out diag.List
	var leaves []error
	var me openapi3.MultiError
	if errors.As(err, &me) {
		leaves = flatten(me)
	} else {
		leaves = []error{err}
	}
	for _, leaf := range leaves {
		path, cause := specPath(loc, leaf)
		out.Add(loc.Pos(path...), strings.Join(path, "."), "%s", firstLine(cause.Error()))
	}
	return out
}

func flatten(me openapi3.MultiError) []error {
	var out []error
	for _, e := range me {
		var inner openapi3.MultiError
		if errors.As(e, &inner) && len(inner) > 0 {
			out = append(out, flatten(inner)...)
			continue
		}
		out = append(out, e)
	}
	return out
}

var componentSection = map[string]string{
	"schema": "schemas", "parameter": "parameters", "header": "headers",
	"request body": "requestBodies", "response": "responses", "security scheme": "securitySchemes",
	"example": "examples", "link": "links", "callback": "callbacks",
}

// specPath unwraps kin-openapi's context errors into a path and the innermost cause.
func specPath(loc *Locator, err error) ([]string, error) {
	var path []string
	for {
		switch e := err.(type) {
		case *openapi3.SectionValidationError:
			path = append(path, e.Section)
			err = e.Cause
		case *openapi3.PathValidationError:
			path = append(path, e.Path)
			err = e.Cause
		case *openapi3.OperationValidationError:
			path = append(path, strings.ToLower(e.Method))
			err = e.Cause
		case *openapi3.ComponentValidationError:
			if s, ok := componentSection[e.Section]; ok {
				path = append(path, s)
			}
			path = append(path, e.Name)
			err = e.Cause
		case *openapi3.ParameterFieldValidationError:
			path = append(path, "parameters", paramIndex(loc, path, e.ParameterName), e.Field)
			err = e.Cause
		case *openapi3.MediaTypeExampleValidationError:
			path = append(path, "examples", e.ExampleName)
			err = e.Cause
		case *openapi3.TagValidationError:
			path = append(path, "tags")
			err = e.Cause
		default:
			return path, err
		}
	}
}

func paramIndex(loc *Locator, path []string, name string) string {
	for i := 0; ; i++ {
		idx := fmt.Sprint(i)
		p := append(append([]string{}, path...), "parameters", idx)
		if loc.node(p...) == nil {
			return "?"
		}
		if n := loc.node(append(p, "name")...); n != nil && n.Value == name {
			return idx
		}
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}
