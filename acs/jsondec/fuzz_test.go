package jsondec

import (
	"testing"
)

// FuzzAgreesWithEncodingJSON holds jsondec to encoding/json's verdict and value on
// arbitrary input, decoding into an empty value.
func FuzzAgreesWithEncodingJSON(f *testing.F) {
	for _, docs := range agreeCases {
		for _, doc := range docs {
			f.Add([]byte(doc))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		requireAgree(t, data, sample{})
	})
}
