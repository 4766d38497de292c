package acs

import (
	"bytes"
	"errors"
)

// MaxResponseDepth bounds how deeply arrays and objects may nest in a response
// body. No Alibaba Cloud response comes near it; a body past it is refused before
// decoding, so a hostile or broken server cannot make the decoder recurse deeply.
const MaxResponseDepth = 256

// ErrBodyTooDeep is wrapped by the *Error of a response nested past MaxResponseDepth.
var ErrBodyTooDeep = errors.New("response body nested too deeply")

// jsonDepthExceeds reports whether data nests arrays and objects deeper than max.
// It allocates nothing and does not validate the JSON, which the decoder then does.
// Strings are skipped with bytes.IndexByte, which is what keeps the scan cheap next
// to decoding: response bodies are mostly string contents.
func jsonDepthExceeds(data []byte, max int) bool {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			for { // to the closing quote: the next one no odd run of backslashes escapes
				j := bytes.IndexByte(data[i+1:], '"')
				if j < 0 {
					return false
				}
				i += 1 + j
				if !escapedQuote(data, i) {
					break
				}
			}
		case '[', '{':
			depth++
			if depth > max {
				return true
			}
		case ']', '}':
			depth--
		}
	}
	return false
}

// escapedQuote reports whether the quote at data[i] follows an odd number of
// backslashes. Each run is counted once, by the quote after it, so skipping a
// string stays linear.
func escapedQuote(data []byte, i int) bool {
	n := 0
	for i > 0 && data[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}
