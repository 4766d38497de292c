// Package overlaydoc writes OpenAPI Overlay 1.0 documents: the proposals of
// acsgen contract --suggest and acsgen sync --suggest.
package overlaydoc

import (
	"bytes"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Doc is an Overlay 1.0.0 document; the field order is the output order.
type Doc struct {
	Overlay string   `yaml:"overlay"`
	Info    Info     `yaml:"info"`
	Extends string   `yaml:"extends"`
	Actions []Action `yaml:"actions"`
}

// Info names the overlay.
type Info struct {
	Title   string `yaml:"title"`
	Version string `yaml:"version"`
}

// Action merges Update into what Target selects.
type Action struct {
	Target      string `yaml:"target"`
	Description string `yaml:"description"`
	Update      any    `yaml:"update"`
}

// New is an Overlay 1.0.0 document extending spec.
func New(title, spec string, actions []Action) Doc {
	return Doc{Overlay: "1.0.0", Info: Info{Title: title, Version: "1"}, Extends: spec, Actions: actions}
}

// YAML renders the document with two-space indentation.
func (d Doc) YAML() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var (
	plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	isIndex   = regexp.MustCompile(`^\[\d+\]$`)
)

// JSONPath writes a path of spec keys as the JSONPath an action targets: names as
// .name or ['any name'], and keys already written as [n] as array indexes.
func JSONPath(keys []string) string {
	var b strings.Builder
	b.WriteString("$")
	for _, k := range keys {
		switch {
		case isIndex.MatchString(k):
			b.WriteString(k)
		case plainName.MatchString(k):
			b.WriteString("." + k)
		default:
			b.WriteString("['" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(k) + "']")
		}
	}
	return b.String()
}
