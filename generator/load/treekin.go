package load

import (
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"
)

// The UnmarshalJSON methods of kin-openapi that decodeTree mirrors. Types with an
// UnmarshalJSON not listed here are left to encoding/json (treeDecoder.fallback).

// extensionObjects are the types whose UnmarshalJSON decodes the fields and
// keeps every other key, decoded as any, in Extensions (nil when there is none).
// TestExtensionObjectsKeepTheOtherKeys holds kin-openapi to that.
var extensionObjects = []any{
	openapi3.T{}, openapi3.Components{}, openapi3.Info{}, openapi3.Contact{}, openapi3.License{},
	openapi3.ExternalDocs{}, openapi3.Tag{}, openapi3.Server{}, openapi3.ServerVariable{},
	openapi3.XML{}, openapi3.Discriminator{}, openapi3.Example{}, openapi3.Link{}, openapi3.Encoding{},
	openapi3.Parameter{}, openapi3.RequestBody{}, openapi3.Response{}, openapi3.MediaType{},
	openapi3.Operation{}, openapi3.PathItem{}, openapi3.SecurityScheme{}, openapi3.OAuthFlows{},
	openapi3.OAuthFlow{}, openapi3.Schema{},
}

// refObjects are the types whose UnmarshalJSON sets Ref for an object with a
// $ref and decodes anything else into Value.
var refObjects = []any{
	openapi3.CallbackRef{}, openapi3.ExampleRef{}, openapi3.HeaderRef{}, openapi3.LinkRef{},
	openapi3.ParameterRef{}, openapi3.RequestBodyRef{}, openapi3.ResponseRef{}, openapi3.SchemaRef{},
	openapi3.SecuritySchemeRef{},
}

type kinDecoder func(d *treeDecoder, v reflect.Value, n *yaml.Node) bool

// kinDecoders are the decoders by type, made once (set in init: they call back
// into treeDecoder.value, which looks them up).
var kinDecoders func() map[reflect.Type]kinDecoder

func init() { kinDecoders = sync.OnceValue(newKinDecoders) }

func newKinDecoders() map[reflect.Type]kinDecoder {
	decoders := map[reflect.Type]kinDecoder{
		reflect.TypeFor[openapi3.Paths]():          (*treeDecoder).paths,
		reflect.TypeFor[openapi3.Responses]():      (*treeDecoder).responses,
		reflect.TypeFor[openapi3.Types]():          (*treeDecoder).types,
		reflect.TypeFor[openapi3.ExclusiveBound](): (*treeDecoder).exclusiveBound,
		reflect.TypeFor[openapi3.BoolSchema]():     (*treeDecoder).boolSchema,
	}
	for _, x := range extensionObjects {
		t := reflect.TypeOf(x)
		if info, ok := newObjectInfo(t); ok {
			decoders[t] = func(d *treeDecoder, v reflect.Value, n *yaml.Node) bool { return d.object(v, n, info) }
		}
	}
	if schema, ok := newObjectInfo(reflect.TypeFor[openapi3.Schema]()); ok {
		decoders[reflect.TypeFor[openapi3.Schema]()] = func(d *treeDecoder, v reflect.Value, n *yaml.Node) bool {
			if b, ok := boolean(n); ok { // a JSON Schema boolean schema
				v.Set(reflect.ValueOf(openapi3.Schema{Always: &b}))
				return true
			}
			return d.object(v, n, schema)
		}
	}
	if param, ok := newObjectInfo(reflect.TypeFor[openapi3.Parameter]()); ok {
		// Header's UnmarshalJSON is its embedded Parameter's.
		decoders[reflect.TypeFor[openapi3.Header]()] = func(d *treeDecoder, v reflect.Value, n *yaml.Node) bool {
			return d.object(v.FieldByName("Parameter"), n, param)
		}
	}
	for _, x := range refObjects {
		t := reflect.TypeOf(x)
		ref, okRef := t.FieldByName("Ref")
		value, okValue := t.FieldByName("Value")
		if okRef && okValue && ref.Type.Kind() == reflect.String && value.Type.Kind() == reflect.Pointer {
			decoders[t] = func(d *treeDecoder, v reflect.Value, n *yaml.Node) bool {
				return d.ref(v, n, ref.Index[0], value.Index[0])
			}
		}
	}
	return decoders
}

// objectInfo is what decoding an extensionObjects type needs to know of it.
type objectInfo struct {
	fields     map[string]int  // field index by JSON name
	lower      map[string]bool // the JSON names lower-cased
	names      []string
	extensions int // index of the Extensions field
}

// newObjectInfo reads t's JSON field names; ok is false for a struct whose
// decoding by encoding/json takes more than names (embedded structs, the
// ",string" option) or that has no Extensions map.
func newObjectInfo(t reflect.Type) (*objectInfo, bool) {
	info := &objectInfo{fields: map[string]int{}, lower: map[string]bool{}}
	ext, ok := t.FieldByName("Extensions")
	if !ok || len(ext.Index) != 1 || ext.Type != reflect.TypeFor[map[string]any]() {
		return nil, false
	}
	info.extensions = ext.Index[0]
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, false
		}
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if strings.Contains(","+opts+",", ",string,") {
			return nil, false
		}
		if name == "" {
			name = f.Name
		}
		info.fields[name] = i
		info.lower[strings.ToLower(name)] = true
		info.names = append(info.names, name)
	}
	return info, true
}

// foldsToField says whether key, not a JSON name itself, is one but for case:
// encoding/json would decode it into that field (kin-openapi would keep it in
// Extensions as well), which decodeTree leaves to encoding/json.
func (o *objectInfo) foldsToField(key string) bool {
	if isASCII(key) {
		return o.lower[strings.ToLower(key)]
	}
	for _, name := range o.names {
		if strings.EqualFold(key, name) { // K (Kelvin) folds to k, ſ to s
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// object decodes an extensionObjects type.
func (d *treeDecoder) object(v reflect.Value, n *yaml.Node, info *objectInfo) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	var ext map[string]any
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, ok := mapKey(n.Content[i])
		if !ok {
			return false
		}
		if field, ok := info.fields[key]; ok {
			if !d.value(v.Field(field), n.Content[i+1]) {
				return false
			}
			continue
		}
		if info.foldsToField(key) {
			return false
		}
		g, ok := d.generic(n.Content[i+1])
		if !ok {
			return false
		}
		if ext == nil {
			ext = map[string]any{}
		}
		ext[key] = g
	}
	if ext != nil {
		v.Field(info.extensions).Set(reflect.ValueOf(ext))
	}
	return true
}

// ref decodes a refObjects type: a lone $ref sets Ref; an object with a $ref and
// more (kin-openapi keeps those keys in unexported fields) is left to
// encoding/json; anything else is the Value.
func (d *treeDecoder) ref(v reflect.Value, n *yaml.Node, ref, value int) bool {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if strings.EqualFold(n.Content[i].Value, "$ref") {
				key, ok := mapKey(n.Content[i])
				if s, isText := text(n.Content[i+1]); ok && isText && key == "$ref" && s != "" && len(n.Content) == 2 {
					v.Field(ref).SetString(s)
					return true
				}
				return d.fallback(v, n)
			}
		}
	}
	elem := reflect.New(v.Field(value).Type().Elem())
	if !d.value(elem.Elem(), n) {
		return false
	}
	v.Field(value).Set(elem)
	return true
}

// remarshal marks what follows as decoded from generic values marshalled again,
// until the function it returns is called.
func (d *treeDecoder) remarshal() func() {
	was := d.remarshalled
	d.remarshalled = true
	return func() { d.remarshalled = was }
}

// paths decodes Paths as its UnmarshalJSON does: x- keys are extensions (the
// map is made even when empty), the rest path items, each decoded from its
// generic value marshalled again.
func (d *treeDecoder) paths(v reflect.Value, n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	defer d.remarshal()()
	paths := openapi3.NewPathsWithCapacity(len(n.Content) / 2)
	paths.Extensions = map[string]any{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, ok := mapKey(n.Content[i])
		if !ok {
			return false
		}
		if strings.HasPrefix(key, "x-") {
			if paths.Extensions[key], ok = d.generic(n.Content[i+1]); !ok {
				return false
			}
			continue
		}
		item := new(openapi3.PathItem)
		if !d.value(reflect.ValueOf(item).Elem(), n.Content[i+1]) {
			return false
		}
		paths.Set(key, item)
	}
	v.Set(reflect.ValueOf(paths).Elem())
	return true
}

// responses decodes Responses the way paths decodes Paths.
func (d *treeDecoder) responses(v reflect.Value, n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	defer d.remarshal()()
	responses := openapi3.NewResponsesWithCapacity(len(n.Content) / 2)
	responses.Extensions = map[string]any{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, ok := mapKey(n.Content[i])
		if !ok {
			return false
		}
		if strings.HasPrefix(key, "x-") {
			if responses.Extensions[key], ok = d.generic(n.Content[i+1]); !ok {
				return false
			}
			continue
		}
		r := new(openapi3.ResponseRef)
		if !d.value(reflect.ValueOf(r).Elem(), n.Content[i+1]) {
			return false
		}
		responses.Set(key, r)
	}
	v.Set(reflect.ValueOf(responses).Elem())
	return true
}

// types decodes a schema's type: one name or a list of them.
func (d *treeDecoder) types(v reflect.Value, n *yaml.Node) bool {
	if s, ok := text(n); ok {
		v.Set(reflect.ValueOf(openapi3.Types{s}))
		return true
	}
	if n.Kind != yaml.SequenceNode {
		return false
	}
	types := make(openapi3.Types, len(n.Content))
	for i, item := range n.Content {
		s, ok := text(item)
		if !ok {
			return false
		}
		types[i] = s
	}
	v.Set(reflect.ValueOf(types))
	return true
}

// exclusiveBound decodes exclusiveMinimum and exclusiveMaximum: a boolean
// (OpenAPI 3.0) or a number (3.1); null leaves it unset.
func (d *treeDecoder) exclusiveBound(v reflect.Value, n *yaml.Node) bool {
	g, ok := d.generic(n)
	if !ok {
		return false
	}
	switch x := g.(type) {
	case nil:
	case bool:
		v.Set(reflect.ValueOf(openapi3.ExclusiveBound{Bool: &x}))
	case float64:
		v.Set(reflect.ValueOf(openapi3.ExclusiveBound{Value: &x}))
	default:
		return false
	}
	return true
}

// boolSchema decodes additionalProperties and the like: a boolean or a schema,
// which kin-openapi decodes from its generic value marshalled again; null
// leaves it unset.
func (d *treeDecoder) boolSchema(v reflect.Value, n *yaml.Node) bool {
	if isNull(n) {
		return true
	}
	if b, ok := boolean(n); ok {
		v.Set(reflect.ValueOf(openapi3.BoolSchema{Has: &b}))
		return true
	}
	if n.Kind != yaml.MappingNode {
		return false
	}
	if len(n.Content) == 0 {
		v.Set(reflect.ValueOf(openapi3.BoolSchema{Schema: &openapi3.SchemaRef{Value: &openapi3.Schema{}}}))
		return true
	}
	defer d.remarshal()()
	schema := new(openapi3.SchemaRef)
	if !d.value(reflect.ValueOf(schema).Elem(), n) {
		return false
	}
	v.Set(reflect.ValueOf(openapi3.BoolSchema{Schema: schema}))
	return true
}
