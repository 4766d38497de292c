package acs

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// ContentParam renders v as the value of a parameter declared with content
// application/json instead of a schema and style (OpenAPI 3.0): v's JSON text,
// without HTML escaping and without a trailing newline. A string is JSON-quoted
// ("abc" is sent as "abc" with its quotes), unlike JSONParam, which sends strings
// as they are. The caller puts the text where the parameter goes: the query and
// the path percent-encode it, a header carries it as it is.
func ContentParam(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", fmt.Errorf("acs: ContentParam: %w", err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}
