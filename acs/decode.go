package acs

import (
	"encoding/json"
	"errors"

	"github.com/acsgen/acsgen/acs/jsondec"
)

// decodeJSON decodes a response body into out, refusing one nested deeper than
// MaxResponseDepth with ErrBodyTooDeep. A generated model decodes itself (package
// jsondec), bounding the depth and checking the grammar as it goes, in one pass;
// anything else is scanned for depth and then goes to encoding/json.
func decodeJSON(body []byte, out any) error {
	if m, ok := out.(jsondec.Decodable); ok {
		err := jsondec.UnmarshalDepth(body, m, MaxResponseDepth)
		if errors.Is(err, jsondec.ErrTooDeep) {
			return ErrBodyTooDeep
		}
		return err
	}
	if jsonDepthExceeds(body, MaxResponseDepth) {
		return ErrBodyTooDeep
	}
	return json.Unmarshal(body, out)
}

// decodeBody is decodeJSON, decoding exactly when exact is set. A type without a
// generated decoder goes to encoding/json, which tells nothing: lost.
func decodeBody(body []byte, out any, exact *jsondec.Exact) error {
	if exact == nil {
		return decodeJSON(body, out)
	}
	m, ok := out.(jsondec.Decodable)
	if !ok {
		*exact = jsondec.Exact{Judge: exact.Judge, Lost: true}
		return decodeJSON(body, out)
	}
	err := jsondec.UnmarshalExact(body, m, MaxResponseDepth, exact)
	if errors.Is(err, jsondec.ErrTooDeep) {
		return ErrBodyTooDeep
	}
	return err
}
