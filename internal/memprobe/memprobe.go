// Package memprobe measures the heap for tests and benchmarks that hold a limit to
// a figure: what a call allocates, the largest heap while it runs, and what stays
// live. Other goroutines count too, so measure with nothing else running.
package memprobe

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Allocated returns the bytes f allocates on the heap (runtime.MemStats.TotalAlloc
// before and after).
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Live returns the bytes of heap objects still reachable, after a full collection.
func Live() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// heapObjects is the heap objects' bytes, live and not yet swept; reading it does
// not stop the world, as runtime.ReadMemStats does.
const heapObjects = "/memory/classes/heap/objects:bytes"

// sampleEvery is how often PeakHeap looks at the heap.
const sampleEvery = 200 * time.Microsecond

// PeakHeap runs f and returns the largest heap, garbage not yet collected
// included, seen while it ran, above what was live before it started: the memory
// the process needed for f, which with the default GOGC can reach about twice
// what f holds live.
func PeakHeap(f func()) uint64 {
	base := Live()
	sample := []metrics.Sample{{Name: heapObjects}}
	var peak uint64
	read := func() {
		metrics.Read(sample)
		peak = max(peak, sample[0].Value.Uint64())
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(sampleEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				read()
			}
		}
	})
	f()
	close(stop)
	wg.Wait()
	read()
	if peak < base {
		return 0
	}
	return peak - base
}

// tightGCPercent is the GOGC PeakLiveHeap runs f under: the pacer lets garbage
// reach a tenth of the live heap (and 400 KiB at least) before it collects.
const tightGCPercent = 10

// PeakLiveHeap is PeakHeap with the collector held to tightGCPercent while f
// runs, so the figure follows what f holds live rather than how much garbage the
// default pacer tolerates, which grows with whatever else is live in the process
// and made bounds on PeakHeap flaky from one machine to the next.
func PeakLiveHeap(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(tightGCPercent))
	return PeakHeap(f)
}
