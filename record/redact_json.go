package record

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
)

// JSONCredentialKeys are object keys whose string values are credentials in any
// JSON body: STS's AssumeRole answers with Credentials.AccessKeySecret and
// SecurityToken, and a V2 client may send SecurityToken in a JSON body. They are
// redacted with or without specs, so that an unrouted call is as clean as a
// routed one. Only string values are replaced, which keeps the body's shape.
var JSONCredentialKeys = []string{"AccessKeySecret", "SecurityToken", "BearerToken"}

// redactJSONCredentials rewrites *body when it is JSON holding one of
// JSONCredentialKeys (in any letter case, at any depth), keeping the recorded
// length in step. A body that is not JSON is left as it is.
func redactJSONCredentials(body *string, length *int64, h *http.Header) {
	if !mentionsCredentialKey(*body) {
		return
	}
	dec := json.NewDecoder(strings.NewReader(*body))
	dec.UseNumber() // numbers pass through unchanged
	var v any
	if dec.Decode(&v) != nil || dec.More() {
		return
	}
	if !redactCredentialKeys(v) {
		return
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return
	}
	*body = strings.TrimSuffix(b.String(), "\n")
	*length = int64(len(*body))
	setLength(h, len(*body))
}

// mentionsCredentialKey is a cheap test that spares decoding most bodies. JSON
// could spell a key with escapes (\u0053ecurityToken); decoding every body to
// catch that is the price of being sure, so only bodies without a backslash
// are ruled out by the names alone.
func mentionsCredentialKey(body string) bool {
	if body == "" {
		return false
	}
	if strings.Contains(body, `\u`) {
		return true
	}
	lower := strings.ToLower(body)
	for _, k := range JSONCredentialKeys {
		if strings.Contains(lower, strings.ToLower(k)) {
			return true
		}
	}
	return false
}

func redactCredentialKeys(v any) bool {
	changed := false
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if _, ok := x.(string); ok && isCredentialKey(k) {
				v[k] = Redacted
				changed = true
				continue
			}
			changed = redactCredentialKeys(x) || changed
		}
	case []any:
		for _, x := range v {
			changed = redactCredentialKeys(x) || changed
		}
	}
	return changed
}

func isCredentialKey(k string) bool {
	for _, c := range JSONCredentialKeys {
		if strings.EqualFold(k, c) {
			return true
		}
	}
	return false
}
