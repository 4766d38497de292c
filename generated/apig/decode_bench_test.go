package apig_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec"
	"github.com/acsgen/acsgen/generated/apig"
)

// BenchmarkDecodeDocumentedExample decodes the documentation page's
// GetPluginAttachment body with the generated decoder and, for scale, encoding/json.
func BenchmarkDecodeDocumentedExample(b *testing.B) {
	body, err := os.ReadFile("testdata/get_plugin_attachment_doc_example.json")
	require.NoError(b, err)
	for _, dec := range []struct {
		name   string
		decode func([]byte, *apig.GetPluginAttachmentResponse) error
	}{
		{"generated", func(data []byte, out *apig.GetPluginAttachmentResponse) error { return jsondec.Unmarshal(data, out) }},
		{"encoding-json", func(data []byte, out *apig.GetPluginAttachmentResponse) error { return json.Unmarshal(data, out) }},
	} {
		b.Run(dec.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var out apig.GetPluginAttachmentResponse
				if err := dec.decode(body, &out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
