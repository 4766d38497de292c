//go:build unix

// Command genturns compares acsgen's generation with oapi-codegen's on a machine
// that other jobs share, where `go test -bench` rows, measured seconds apart,
// see different loads: it runs the two by turns in one process and divides each
// round's acsgen time, wall and CPU (user and system, every thread), by the
// oapi-codegen time measured next to it.
//
//	cd bench && go run ./cmd/genturns -rounds 20
//	cd bench && GOMAXPROCS=1 go run ./cmd/genturns
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"syscall"
	"time"

	"github.com/acsgen/acsgen/bench/internal/gens"
)

func main() {
	rounds := flag.Int("rounds", 20, "rounds; each generates the specs three times with each generator")
	flag.Parse()
	specs := flag.Args()
	if len(specs) == 0 {
		specs = []string{"../spec/apig-2024-03-27.yaml", "../spec/cloudapi-2016-07-14.yaml"}
	}
	wall, cpu, err := measure(specs, *rounds)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genturns:", err)
		os.Exit(2)
	}
	fmt.Printf("GOMAXPROCS=%d, %d rounds, acsgen ÷ oapi-codegen per round:\n", runtime.GOMAXPROCS(0), *rounds)
	fmt.Printf("  wall %s\n  cpu  %s\n", summary(wall), summary(cpu))
}

// measure runs the generators by turns and returns acsgen's time over
// oapi-codegen's, wall and CPU, for each round.
func measure(specs []string, rounds int) (wall, cpu []float64, err error) {
	run := func(name string) error {
		for range 3 {
			for _, spec := range specs {
				if _, err := gens.ByName[name](spec); err != nil {
					return fmt.Errorf("%s: %s: %w", name, spec, err)
				}
			}
		}
		return nil
	}
	for _, name := range gens.Names { // warm up
		if err := run(name); err != nil {
			return nil, nil, err
		}
	}
	for range rounds {
		var w, c [2]time.Duration
		for i, name := range gens.Names {
			runtime.GC()
			c0, w0 := cpuTime(), time.Now()
			if err := run(name); err != nil {
				return nil, nil, err
			}
			w[i], c[i] = time.Since(w0), cpuTime()-c0
		}
		wall = append(wall, float64(w[0])/float64(w[1]))
		cpu = append(cpu, float64(c[0])/float64(c[1]))
	}
	return wall, cpu, nil
}

// cpuTime is the CPU time the process has used, in user and system mode.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// summary gives the median and the quartiles of xs.
func summary(xs []float64) string {
	s := slices.Sorted(slices.Values(xs))
	return fmt.Sprintf("median %.2f, quartiles %.2f to %.2f", s[len(s)/2], s[len(s)/4], s[3*len(s)/4])
}
