package specsync

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// action is one Overlay action: what to add under one target.
type action struct {
	target string
	list   []any          // for a parameters list: appended items
	fields map[string]any // for a properties map: new entries
	wrap   string         // when the list or map does not exist yet: its key under target
	desc   []string
}

// propose adds value under parent.key (a parameters list when name is "", else
// the properties map, at name). When parent has no such key yet, the action
// targets parent and creates it.
func (c *comparer) propose(parent []string, key, name string, value any, exists bool) {
	target, wrap := jsonPath(append(append([]string{}, parent...), key)), ""
	if !exists {
		target, wrap = jsonPath(parent), key
	}
	a := c.actions[target]
	if a == nil {
		a = &action{target: target, fields: map[string]any{}, wrap: wrap}
		c.actions[target] = a
		c.order = append(c.order, target)
	}
	v := plain(value)
	if name == "" {
		a.list = append(a.list, v)
		if m, ok := v.(map[string]any); ok {
			a.desc = append(a.desc, "parameter "+toString(m["name"]))
		}
		return
	}
	a.fields[name] = v
	a.desc = append(a.desc, "property "+name)
}

func toString(v any) string { s, _ := v.(string); return s }

// plain turns a kin-openapi value into the JSON-shaped data its spec text holds.
func plain(v any) any {
	data, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	if json.Unmarshal(data, &out) != nil {
		return nil
	}
	return out
}

var identifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// jsonPath writes a spec path as the JSONPath an Overlay targets.
func jsonPath(path []string) string {
	var b strings.Builder
	b.WriteString("$")
	for _, seg := range path {
		if identifier.MatchString(seg) {
			b.WriteString("." + seg)
			continue
		}
		b.WriteString("['" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(seg) + "']")
	}
	return b.String()
}

type overlayDoc struct {
	Overlay string          `yaml:"overlay"`
	Info    overlayInfo     `yaml:"info"`
	Extends string          `yaml:"extends"`
	Actions []overlayAction `yaml:"actions"`
}

type overlayInfo struct {
	Title   string `yaml:"title"`
	Version string `yaml:"version"`
}

type overlayAction struct {
	Target      string `yaml:"target"`
	Description string `yaml:"description"`
	Update      any    `yaml:"update"`
}

// overlay renders the actions, in the order they were proposed.
func (c *comparer) overlay(spec, source string) ([]byte, error) {
	doc := overlayDoc{Overlay: "1.0.0", Extends: spec,
		Info: overlayInfo{Title: "acsgen sync: what " + source + " has that " + spec + " lacks", Version: "1"}}
	for _, t := range c.order {
		a := c.actions[t]
		var update any = a.fields
		if a.list != nil {
			update = a.list
		}
		if a.wrap != "" {
			update = map[string]any{a.wrap: update}
		}
		doc.Actions = append(doc.Actions, overlayAction{Target: a.target, Description: "add " + strings.Join(a.desc, ", ") + " from the metadata", Update: update})
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}
