package record_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/internal/memprobe"
	"github.com/acsgen/acsgen/record"
)

// bigUpstream answers every call with a JSON body of about size bytes, for
// measuring what the recorder holds per call.
func bigUpstream(tb testing.TB, size int) *httptest.Server {
	tb.Helper()
	body := `{"RequestId":"r-1","Pad":"` + strings.Repeat("x", size-32) + `"}`
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = io.WriteString(w, body)
	}))
	tb.Cleanup(up.Close)
	return up
}

// recordCalls sends n AttachPlugin calls at once through rec, each its own
// cassette, and fails on any error.
func recordCalls(tb testing.TB, rec *record.Recorder, url string, n int) {
	client := &http.Client{Transport: rec}
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			req, err := http.NewRequest("POST", url+"/?PluginId=p"+strconv.Itoa(i)+"&StageName=TEST", nil)
			if err != nil {
				errs <- err
				return
			}
			req.Header.Set("x-acs-action", "AttachPlugin")
			req.Header.Set("x-acs-version", "2016-07-14")
			resp, err := client.Do(req)
			if err == nil {
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkRecorderMemory records 32 concurrent calls whose answers are 15 MiB
// each, through a Recorder with the defaults (DefaultMaxConcurrent calls at once,
// DefaultMaxBody) and the repository's specs, and reports the heap it needed:
// alloc-x-body is what one call allocates as a multiple of its body, peak-MiB the
// largest heap seen above what was live before, bound-MiB the bound the cap gives
// (DefaultMaxConcurrent calls, each holding at most what it allocated).
//
//	go test -run '^$' -bench BenchmarkRecorderMemory -benchtime 1x ./record
func BenchmarkRecorderMemory(b *testing.B) {
	const size, callers = 15 << 20, 32
	up := bigUpstream(b, size)
	set := loadSpecs(b, "../spec/cloudapi-2016-07-14.yaml")
	for b.Loop() {
		rec := record.Transport(b.TempDir(), nil, record.WithSpecs(set))
		one := float64(memprobe.Allocated(func() { recordCalls(b, rec, up.URL, 1) }))
		peak := float64(memprobe.PeakHeap(func() { recordCalls(b, rec, up.URL, callers) }))
		b.ReportMetric(one/size, "alloc-x-body")
		b.ReportMetric(peak/(1<<20), "peak-MiB")
		b.ReportMetric(record.DefaultMaxConcurrent*one/(1<<20), "bound-MiB")
	}
}

// One recorded call allocates a fixed multiple of its body (go-vcr's copies, the
// cassette's YAML, redaction's rewrites), whatever the body's size; with at most
// DefaultMaxConcurrent calls at once, that multiple bounds the recorder's heap.
// BenchmarkRecorderMemory measures it at the default limits.
func TestRecorderAllocatesAFixedMultipleOfTheBody(t *testing.T) {
	const size, most = 1 << 20, 16 // measured: 12.4 at 1 and 4 MiB, 10.4 at 15 MiB
	up := bigUpstream(t, size)
	rec := record.Transport(t.TempDir(), nil, record.WithSpecs(loadSpecs(t, "../spec/cloudapi-2016-07-14.yaml")))
	recordCalls(t, rec, up.URL, 1) // the first call loads what later calls share
	got := memprobe.Allocated(func() { recordCalls(t, rec, up.URL, 1) })
	assert.LessOrEqual(t, got, uint64(most*size), "one call with a %d-byte answer allocated %.1f times the body", size, float64(got)/size)
}
