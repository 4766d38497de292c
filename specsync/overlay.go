package specsync

import (
	"encoding/json"
	"strings"

	"github.com/acsgen/acsgen/internal/overlaydoc"
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
	target, wrap := overlaydoc.JSONPath(append(append([]string{}, parent...), key)), ""
	if !exists {
		target, wrap = overlaydoc.JSONPath(parent), key
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

// overlay renders the actions, in the order they were proposed.
func (c *comparer) overlay(spec, source string) ([]byte, error) {
	var actions []overlaydoc.Action
	for _, t := range c.order {
		a := c.actions[t]
		var update any = a.fields
		if a.list != nil {
			update = a.list
		}
		if a.wrap != "" {
			update = map[string]any{a.wrap: update}
		}
		actions = append(actions, overlaydoc.Action{Target: a.target, Description: "add " + strings.Join(a.desc, ", ") + " from the metadata", Update: update})
	}
	return overlaydoc.New("acsgen sync: what "+source+" has that "+spec+" lacks", spec, actions).YAML()
}
