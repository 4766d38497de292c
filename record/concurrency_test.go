package record_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/record"
)

// The recorder holds several copies of each body in flight, so it records at most
// WithMaxConcurrent calls at once; the others wait, and all succeed.
func TestRecorderBoundsConcurrentCalls(t *testing.T) {
	var now, peak atomic.Int64
	release := make(chan struct{})
	var once sync.Once
	open := func() { once.Do(func() { close(release) }) }
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		<-release
		now.Add(-1)
		_, _ = io.WriteString(w, `{"RequestId":"r"}`)
	}))
	t.Cleanup(up.Close)
	t.Cleanup(open) // runs first: a failed test must not leave handlers blocked
	const limit, calls = 3, 12
	client := &http.Client{Transport: record.Transport(t.TempDir(), nil, record.WithMaxConcurrent(limit))}
	var wg sync.WaitGroup
	errs := make(chan error, calls)
	for i := range calls {
		wg.Go(func() {
			req, _ := http.NewRequest("GET", up.URL+"/?i="+string(rune('a'+i)), nil)
			resp, err := client.Do(req)
			if err == nil {
				resp.Body.Close()
			}
			errs <- err
		})
	}
	require.Eventually(t, func() bool { return now.Load() >= limit }, 5*time.Second, time.Millisecond)
	time.Sleep(50 * time.Millisecond) // room for a call past the bound to show up
	open()
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Equal(t, int64(limit), peak.Load())
}

// A call waiting for its turn gives up when its context ends.
func TestRecorderWaitEndsWithContext(t *testing.T) {
	release := make(chan struct{})
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	t.Cleanup(func() { close(release); up.Close() })
	client := &http.Client{Transport: record.Transport(t.TempDir(), nil, record.WithMaxConcurrent(1))}
	go func() { _, _ = client.Get(up.URL + "/first") }()
	time.Sleep(50 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", up.URL+"/second", nil)
	start := time.Now()
	_, err := client.Do(req)
	require.Error(t, err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 2*time.Second)
}
