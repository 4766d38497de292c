package jsondec

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

// walkTokens reads one value with the token methods alone.
func walkTokens(d *Decoder) {
	switch c := d.Peek(); c {
	case 0:
	case '{', '[':
		if d.Enter() {
			for {
				if c == '{' {
					if _, ok := d.ReadKey(); !ok {
						return
					}
				}
				walkTokens(d)
				if !d.Next(c) {
					return
				}
			}
		}
	case '"':
		d.ReadString()
	case 't', 'f', 'n':
		d.ReadLiteral()
	default:
		d.ReadNumber()
	}
}

// The token methods give encoding/json's verdict on every document of the
// decoding tests, and read strings as it decodes them.
func TestTokensAgreeWithValid(t *testing.T) {
	var d Decoder
	for _, docs := range agreeCases {
		for _, doc := range docs {
			d.Reset([]byte(doc))
			walkTokens(&d)
			assert.Equal(t, json.Valid([]byte(doc)), d.Finish(), "%q: %v", doc, d.Err())
		}
	}
	for _, doc := range agreeCases["strings"] {
		var want map[string]string
		if json.Unmarshal([]byte(doc), &want) != nil {
			continue
		}
		d.Reset([]byte(doc))
		assert.True(t, d.Enter())
		key, ok := d.ReadKey()
		assert.True(t, ok)
		s, ok := d.ReadString()
		assert.True(t, ok)
		assert.Equal(t, want[string(key)], string(s), "%q", doc)
		assert.False(t, d.Next('{'))
		assert.True(t, d.Finish())
	}
}
