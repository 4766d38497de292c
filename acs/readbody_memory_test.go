package acs_test

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/internal/memprobe"
)

// declared is what each stalled answer claims to send.
const declared = acs.DefaultMaxResponseBytes

// firstRead signals once per body when the client first reads it: readBody has
// set its buffer aside by then.
type firstRead struct {
	next http.RoundTripper
	read chan<- struct{}
}

func (t firstRead) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err == nil {
		resp.Body = &signalBody{ReadCloser: resp.Body, read: t.read}
	}
	return resp, err
}

type signalBody struct {
	io.ReadCloser
	read chan<- struct{}
	once sync.Once
}

func (b *signalBody) Read(p []byte) (int, error) {
	b.once.Do(func() { b.read <- struct{}{} })
	return b.ReadCloser.Read(p)
}

// heldByStalledAnswers starts n calls to a server whose answers each declare
// declared bytes, send ten and stall, and returns the heap live while all n wait,
// above what was live before: the client's buffers and both ends' connections.
func heldByStalledAnswers(tb testing.TB, n int) uint64 {
	tb.Helper()
	release := make(chan struct{})
	srv := startServer(tb, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(declared))
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"A":12345`)
		w.(http.Flusher).Flush()
		<-release
	}))
	read := make(chan struct{}, n)
	c, err := acs.NewClient(testService, acs.WithEndpoint(srv.URL), acs.WithCredentials(acs.StaticCredentials(testKeyID, testSecret, "")),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}),
		acs.WithHTTPClient(&http.Client{Transport: firstRead{next: http.DefaultTransport.(*http.Transport).Clone(), read: read}}))
	if err != nil {
		tb.Fatal(err)
	}
	base := memprobe.Live()
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			_ = c.Do(context.Background(), &acs.Request{Action: "Op", Method: http.MethodGet, Path: "/"}, nil)
		})
	}
	for range n {
		<-read
	}
	held := memprobe.Live()
	close(release)
	wg.Wait()
	if held < base {
		return 0
	}
	return held - base
}

// A declared Content-Length is a claim, not data: answers that declare 16 MiB,
// send ten bytes and stall hold at most the 256 KiB readBody sets aside from a
// declared length, plus both ends' connections (about 31 KiB), not the 16 MiB they
// declare. BenchmarkStalledAnswers measures a hundred.
func TestStalledAnswersHoldLittle(t *testing.T) {
	const n, perAnswer = 20, 256<<10 + 64<<10
	held := heldByStalledAnswers(t, n)
	assert.LessOrEqual(t, held/n, uint64(perAnswer), "bytes live per stalled answer (%d answers, %d bytes in all)", n, held)
}

// BenchmarkStalledAnswers holds 100 answers that each declare 16 MiB and stall,
// and reports the heap live while they wait, in all and per answer, next to what
// the declared lengths would have cost.
//
//	go test -run '^$' -bench BenchmarkStalledAnswers -benchtime 1x ./acs
func BenchmarkStalledAnswers(b *testing.B) {
	const n = 100
	for b.Loop() {
		held := float64(heldByStalledAnswers(b, n))
		b.ReportMetric(held/(1<<20), "held-MiB")
		b.ReportMetric(held/n/(1<<10), "held-KiB/answer")
		b.ReportMetric(float64(n*declared)/(1<<20), "declared-MiB")
	}
}
