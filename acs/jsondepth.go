package acs

import "errors"

// MaxResponseDepth bounds how deeply arrays and objects may nest in a response
// body. No Alibaba Cloud response comes near it; a body past it is refused before
// decoding, so a hostile or broken server cannot make the decoder recurse deeply.
const MaxResponseDepth = 256

// ErrBodyTooDeep is wrapped by the *Error of a response nested past MaxResponseDepth.
var ErrBodyTooDeep = errors.New("response body nested too deeply")

// jsonDepthExceeds reports whether data nests arrays and objects deeper than max.
// It is a single byte scan that skips string contents (escapes included) and
// allocates nothing; it does not validate the JSON, which the decoder then does.
func jsonDepthExceeds(data []byte, max int) bool {
	depth := 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > max {
				return true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return false
}
