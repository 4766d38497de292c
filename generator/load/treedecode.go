package load

import (
	"encoding"
	"encoding/json"
	"net/url"
	"reflect"
	"strconv"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"
)

// decodeTree builds, straight from the Locator's YAML nodes, the openapi3.T that
// kin-openapi's JSON decoding makes of toJSON(root). That decoding was a quarter
// of generation: encoding/json validates every object again at each level that
// has its own UnmarshalJSON, and kin-openapi decodes each object a second time
// into a map to find its extensions, and Paths and Responses a third, through
// generic values marshalled again. decodeTree visits each node once.
//
// It mirrors encoding/json (for the field types) and kin-openapi's UnmarshalJSON
// methods (treekin.go), and gives up (ok false) on whatever it does not mirror
// exactly: a value whose JSON type does not fit its field (kin-openapi words
// that error), a null where a typed value belongs, a key that matches a field
// only case-insensitively, anything toJSON refuses. The caller then decodes with
// kin-openapi as before. Types it does not know are decoded by encoding/json
// from the node's JSON, as they would be inside the whole document. The
// differential tests (treedecode_test.go) and FuzzDecodeTree hold both ways to
// the same document.
func decodeTree(root *yaml.Node) (*openapi3.T, bool) {
	var d treeDecoder
	doc := new(openapi3.T)
	if !d.value(reflect.ValueOf(doc).Elem(), root) {
		return nil, false
	}
	return doc, true
}

type treeDecoder struct {
	// remarshalled is set inside what kin-openapi decodes into generic values
	// and marshals again before decoding (Paths, Responses, BoolSchema): a
	// number reaches a typed field there as float64 made text again, so
	// 9007199254740993 arrives as 9007199254740992.
	remarshalled bool
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// value decodes n into v, which is addressable, as encoding/json decodes n's JSON
// into a value of v's type.
func (d *treeDecoder) value(v reflect.Value, n *yaml.Node) bool {
	t := v.Type()
	if decode, ok := kinDecoders()[t]; ok {
		return plainNode(n) && decode(d, v, n)
	}
	if t.Kind() == reflect.Interface {
		if t.NumMethod() != 0 {
			return d.fallback(v, n)
		}
		g, ok := d.generic(n)
		if ok && g != nil {
			v.Set(reflect.ValueOf(g))
		}
		return ok
	}
	if !plainNode(n) || isNull(n) {
		return false
	}
	if t.Kind() == reflect.Pointer {
		elem := reflect.New(t.Elem())
		if !d.value(elem.Elem(), n) {
			return false
		}
		v.Set(elem)
		return true
	}
	if t.Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(jsonUnmarshaler) ||
		t.Implements(textUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return d.fallback(v, n)
	}
	switch t.Kind() {
	case reflect.String:
		s, ok := text(n)
		v.SetString(s)
		return ok
	case reflect.Bool:
		b, ok := boolean(n)
		v.SetBool(b)
		return ok
	case reflect.Float32, reflect.Float64:
		num, ok := d.number(n)
		if !ok {
			return false
		}
		f, err := strconv.ParseFloat(num, t.Bits())
		if err != nil || v.OverflowFloat(f) {
			return false
		}
		v.SetFloat(f)
		return true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num, ok := d.number(n)
		if !ok {
			return false
		}
		i, err := strconv.ParseInt(num, 10, 64)
		if err != nil || v.OverflowInt(i) {
			return false
		}
		v.SetInt(i)
		return true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		num, ok := d.number(n)
		if !ok {
			return false
		}
		u, err := strconv.ParseUint(num, 10, 64)
		if err != nil || v.OverflowUint(u) {
			return false
		}
		v.SetUint(u)
		return true
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode || t.Elem().Kind() == reflect.Uint8 { // []byte is base64 text
			return d.fallback(v, n)
		}
		s := reflect.MakeSlice(t, len(n.Content), len(n.Content))
		for i, item := range n.Content {
			if !d.value(s.Index(i), item) {
				return false
			}
		}
		v.Set(s)
		return true
	case reflect.Map:
		if n.Kind != yaml.MappingNode || t.Key().Kind() != reflect.String || t.Key().Name() != "string" {
			return d.fallback(v, n)
		}
		m := reflect.MakeMapWithSize(t, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, ok := mapKey(n.Content[i])
			if !ok {
				return false
			}
			elem := reflect.New(t.Elem()).Elem()
			if !d.value(elem, n.Content[i+1]) {
				return false
			}
			m.SetMapIndex(reflect.ValueOf(key), elem)
		}
		v.Set(m)
		return true
	}
	// Structs without an UnmarshalJSON of their own (encoding/json matches their
	// keys case-insensitively), arrays, and the rest.
	return d.fallback(v, n)
}

// fallback has encoding/json decode n's JSON into v, as it would inside the whole
// document: a type's UnmarshalJSON gets the same bytes either way.
func (d *treeDecoder) fallback(v reflect.Value, n *yaml.Node) bool {
	var data []byte
	if d.remarshalled {
		g, ok := d.generic(n)
		if !ok {
			return false
		}
		var err error
		if data, err = json.Marshal(g); err != nil {
			return false
		}
	} else {
		w := jsonWriter{}
		if !w.value(n) {
			return false
		}
		data = w.buf
	}
	return json.Unmarshal(data, v.Addr().Interface()) == nil
}

// generic is the value encoding/json decodes n's JSON into when the target is any.
func (d *treeDecoder) generic(n *yaml.Node) (any, bool) {
	if !plainNode(n) {
		return nil, false
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, ok := mapKey(n.Content[i])
			if !ok {
				return nil, false
			}
			if m[key], ok = d.generic(n.Content[i+1]); !ok {
				return nil, false
			}
		}
		return m, true
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, item := range n.Content {
			var ok bool
			if s[i], ok = d.generic(item); !ok {
				return nil, false
			}
		}
		return s, true
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str", "!!timestamp":
			return text(n)
		case "!!null":
			return nil, true
		case "!!bool":
			return boolean(n)
		case "!!int", "!!float":
			num, ok := numberText(n)
			if !ok {
				return nil, false
			}
			f, err := strconv.ParseFloat(num, 64)
			return f, err == nil
		}
	}
	return nil, false
}

// number is the text of the JSON number n becomes where it is decoded.
func (d *treeDecoder) number(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return "", false
	}
	num, ok := numberText(n)
	if !ok || !d.remarshalled {
		return num, ok
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return "", false
	}
	again, err := json.Marshal(f)
	return string(again), err == nil
}

// plainNode says whether toJSON would write n (its own node, not its children):
// no explicit tag, no alias, no nested document.
func plainNode(n *yaml.Node) bool {
	return n.Style&yaml.TaggedStyle == 0 &&
		(n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode || n.Kind == yaml.ScalarNode)
}

// text is the string a JSON string scalar decodes to.
func text(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Style&yaml.TaggedStyle != 0 || (n.Tag != "!!str" && n.Tag != "!!timestamp") || !utf8.ValidString(n.Value) {
		return "", false
	}
	return n.Value, true
}

// boolean is the bool a JSON true or false scalar decodes to.
func boolean(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode || n.Style&yaml.TaggedStyle != 0 || n.Tag != "!!bool" {
		return false, false
	}
	switch n.Value {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

// loadTree decodes the tree (decodeTree) and resolves its references with
// kin-openapi's loader, as LoadFromDataWithPath does after its own decoding; ok is
// false when decodeTree gives up or resolving fails (the caller's kin-openapi
// load then words the error).
func loadTree(root *yaml.Node, path string) (*openapi3.T, bool) {
	decoded, ok := decodeTree(root)
	if !ok {
		return nil, false
	}
	location := &url.URL{Path: path}
	loader := newLoader()
	// Loading an empty document sets what decoding cannot reach: the document's
	// own URL, and the loader's record of the document. The decoded fields then
	// take the empty ones' place.
	doc, err := loader.LoadFromDataWithPath([]byte("{}"), location)
	if err != nil {
		return nil, false
	}
	dst, src := reflect.ValueOf(doc).Elem(), reflect.ValueOf(decoded).Elem()
	for i := range dst.NumField() {
		if dst.Type().Field(i).IsExported() {
			dst.Field(i).Set(src.Field(i))
		}
	}
	if err := loader.ResolveRefsIn(doc, location); err != nil {
		return nil, false
	}
	return doc, true
}
