package mock_test

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/apig"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

// A bounded load: 8 concurrent clients × 300 calls each, alternating RPC and ROA,
// signatures verified, on loopback. Every call must succeed. Throughput lives in
// BenchmarkMock, not here.
func TestConcurrentLoadHasNoErrors(t *testing.T) {
	const workers, calls = 8, 300
	srv := start(t, specSet(t), verifying())
	transport := &http.Transport{MaxIdleConnsPerHost: workers}
	t.Cleanup(transport.CloseIdleConnections)
	opts := append(clientOptions(srv, keySecret), acs.WithHTTPClient(&http.Client{Transport: transport}))
	ac, err := apig.NewClient(opts...)
	assert.NoError(t, err)
	cc, err := cloudapi.NewClient(opts...)
	assert.NoError(t, err)
	var failed, done atomic.Int64
	var firstErr sync.Once
	var first error
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range calls {
				var err error
				if (w+i)%2 == 0 {
					_, err = ac.GetPluginAttachment(context.Background(), &apig.GetPluginAttachmentRequest{PluginAttachmentID: "pa-1"})
				} else {
					_, err = cc.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST"})
				}
				done.Add(1)
				if err != nil {
					failed.Add(1)
					firstErr.Do(func() { first = err })
				}
			}
		})
	}
	wg.Wait()
	assert.Equal(t, int64(workers*calls), done.Load())
	assert.Zero(t, failed.Load(), "first error: %v", first)
}

// BenchmarkMock measures signed, verified, validated calls through the generated
// RPC client in parallel over loopback.
func BenchmarkMock(b *testing.B) {
	srv := start(b, specSet(b), verifying())
	cc := cloudClient(b, srv, keySecret)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := cc.AttachPlugin(context.Background(), &cloudapi.AttachPluginRequest{PluginID: "p", StageName: "TEST"}); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
