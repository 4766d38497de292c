package apig

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs/jsondec/jsondectest"
)

// FuzzDecodeGetPluginAttachment decodes arbitrary bytes as the operation's response:
// decoding never panics, and whatever decodes re-encodes to JSON that decodes to an
// equal value (nothing is lost or invented between the wire and the Go types).
func FuzzDecodeGetPluginAttachment(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.json")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`{"requestId":"r","code":"Ok","data":{"pluginAttachmentId":"pa","enable":true,"environmentInfo":null}}`))
	f.Add([]byte(`{"data":{"attachResourceIds":["a",null],"pluginClassInfo":{"type":7}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var first GetPluginAttachmentResponse
		if json.Unmarshal(data, &first) != nil {
			return
		}
		again, err := json.Marshal(first)
		require.NoError(t, err)
		var second GetPluginAttachmentResponse
		require.NoError(t, json.Unmarshal(again, &second), "%s", again)
		require.Equal(t, first, second, "input %s\nre-encoded %s", data, again)
	})
}

// FuzzDecodeJSONAgreesWithEncodingJSON holds the generated DecodeJSON methods to
// encoding/json on arbitrary bytes: the same verdict, and equal values.
func FuzzDecodeJSONAgreesWithEncodingJSON(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.json")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`{"REQUESTID":"r","data":{"pluginAttachmentId":"pa","enable":true,"environmentInfo":null},"data":{"enable":false}}`))
	f.Add([]byte(`{"data":{"attachResourceInfos":[{"deployCntMap":{"a":{}}}],"pluginClassInfo":{"type":7}}}`))
	f.Add([]byte(`{"requestId":"r","code":"NotFound","message":"\ud800 gone","accessDeniedDetail":{"x":[1]}}`))
	f.Add([]byte(`{"data":{"pageNumber":2,"pageSize":1,"totalSize":2,"items":[{"attachResourceType":"McpServer","enable":true}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		jsondectest.RequireAgree[GetPluginAttachmentResponse](t, data)
		jsondectest.RequireAgree[ListPluginAttachmentsResponse](t, data)
		jsondectest.RequireAgree[CreatePluginAttachmentResponse](t, data)
		jsondectest.RequireAgree[UpdatePluginAttachmentResponse](t, data)
		jsondectest.RequireAgree[DeletePluginAttachmentResponse](t, data)
		jsondectest.RequireAgree[ErrorResponse](t, data)
	})
}
