package bench

import (
	"context"
	"testing"

	"github.com/acsgen/acsgen/bench/internal/calls"
)

// Values of the documented bodies the recordings serve.
const (
	apigRequestID     = "C61E30D3-579A-5B43-994E-31E02EDC9129"
	apigAttachmentID  = "pa-d05f1tmm1hku195dd8j0"
	cloudapiRequestID = "EF924FE4-2EDD-4CD3-89EC-34E4708574E7"
)

var (
	getPluginAttachmentOrder = []string{"acsgen", "darabonba", "oapi-codegen", "floor"}
	attachPluginOrder        = calls.AttachPluginOrder
)

// callRounds is how many times each client is measured. The rounds interleave the
// clients (acsgen, darabonba, ..., acsgen#01, darabonba#01, ...), so a change in
// the machine's load over the run falls on every client alike; bench/cmd/ratios
// takes each client's median.
const callRounds = 5

func runCalls(b *testing.B, callers map[string]caller, order []string, wantRequestID, wantAttachment string) {
	for range callRounds {
		for _, name := range order {
			call := callers[name]
			b.Run(name, func(b *testing.B) {
				verify(b, call, wantRequestID, wantAttachment) // once, outside the timed loop
				ctx := context.Background()
				b.ReportAllocs()
				for b.Loop() {
					if _, err := call(ctx); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkGetPluginAttachment is one full ROA call per iteration against a
// loopback server serving the recorded documentation example.
func BenchmarkGetPluginAttachment(b *testing.B) {
	srv := serve(b, recordedBody(b, "apig/GetPluginAttachment.yaml"))
	runCalls(b, getPluginAttachmentCallers(b, srv.URL), getPluginAttachmentOrder, apigRequestID, apigAttachmentID)
}

// BenchmarkAttachPlugin is one full RPC call per iteration.
func BenchmarkAttachPlugin(b *testing.B) {
	srv := serve(b, recordedBody(b, "cloudapi/AttachPlugin.yaml"))
	runCalls(b, attachPluginCallers(b, srv.URL), attachPluginOrder, cloudapiRequestID, "")
}

// The benchmarks' helpers decode the documented bodies correctly, with every client.
func TestCallersDecodeTheDocumentedBodies(t *testing.T) {
	srv := serve(t, recordedBody(t, "apig/GetPluginAttachment.yaml"))
	callers := getPluginAttachmentCallers(t, srv.URL)
	for _, name := range getPluginAttachmentOrder {
		t.Run("GetPluginAttachment/"+name, func(t *testing.T) { verify(t, callers[name], apigRequestID, apigAttachmentID) })
	}
	srv2 := serve(t, recordedBody(t, "cloudapi/AttachPlugin.yaml"))
	callers = attachPluginCallers(t, srv2.URL)
	for _, name := range attachPluginOrder {
		t.Run("AttachPlugin/"+name, func(t *testing.T) { verify(t, callers[name], cloudapiRequestID, "") })
	}
}
