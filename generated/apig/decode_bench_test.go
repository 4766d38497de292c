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
	b.Run("generated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var out apig.GetPluginAttachmentResponse
			if err := jsondec.Unmarshal(body, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var out apig.GetPluginAttachmentResponse
			if err := json.Unmarshal(body, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}
