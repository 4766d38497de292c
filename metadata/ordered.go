package metadata

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Ordered is a JSON object whose keys keep the order of the file, so that a spec
// made from it lists properties and operations as the metadata does.
type Ordered[V any] struct {
	Keys   []string     // in file order, each once
	Values map[string]V // by key
}

// Schemas are named schemas in file order.
type Schemas = Ordered[*Schema]

// APIs are the operations by name, in file order.
type APIs = Ordered[*API]

// Get returns the value of key and whether it is present.
func (o Ordered[V]) Get(key string) (V, bool) {
	v, ok := o.Values[key]
	return v, ok
}

// Len is the number of keys.
func (o Ordered[V]) Len() int { return len(o.Keys) }

// UnmarshalJSON reads an object, or null as an empty one. A repeated key keeps its
// first place and its last value, as encoding/json keeps the last.
func (o *Ordered[V]) UnmarshalJSON(data []byte) error {
	o.Keys, o.Values = nil, map[string]V{}
	if string(bytes.TrimSpace(data)) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil {
		return err
	} else if t != json.Delim('{') {
		return fmt.Errorf("want an object, got %v", t)
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		key, ok := t.(string)
		if !ok {
			return fmt.Errorf("want an object key, got %v", t)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		var v V
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		if _, dup := o.Values[key]; !dup {
			o.Keys = append(o.Keys, key)
		}
		o.Values[key] = v
	}
	_, err := dec.Token() // the closing brace
	return err
}
