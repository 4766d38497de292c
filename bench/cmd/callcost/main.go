// Command callcost measures what one AttachPlugin call costs each client, on a
// machine whose wall-clock timings other jobs disturb: the server runs in a
// process of its own, so that a client's process holds only the client's work,
// counted in allocations here and in instructions by cachegrind.
//
//	go run ./cmd/callcost -serve                  # prints the server's URL; ends on SIGTERM or SIGINT
//	go run ./cmd/callcost -url URL -client acsgen -n 2000
//
// The client prints mallocs and bytes per call, over n calls after one warm-up
// call. Instructions per call are the difference of two cachegrind runs with
// different n, divided by the difference of n: that cancels start-up and the
// first connection.
//
//	valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null ./callcost -url URL -client acsgen -n 1000
//
// A server run under cachegrind counts what a client's requests make the server
// do, the same way (its totals are written when it ends).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"syscall"

	"github.com/acsgen/acsgen/bench/internal/calls"
	"github.com/acsgen/acsgen/contract"
)

func main() {
	serve := flag.Bool("serve", false, "serve the recorded AttachPlugin answer on loopback and print its URL")
	cassette := flag.String("cassette", "../contracttests/testdata/cloudapi/AttachPlugin.yaml", "the recording whose first answer -serve sends")
	url := flag.String("url", "", "the server a client calls")
	client := flag.String("client", "acsgen", "one of "+fmt.Sprint(calls.AttachPluginOrder))
	n := flag.Int("n", 1000, "calls to make after one warm-up call")
	memprofile := flag.String("memprofile", "", "write a profile of every allocation the calls make to this file")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the calls to this file")
	flag.Parse()
	profiles = struct{ mem, cpu string }{*memprofile, *cpuprofile}
	var err error
	if *serve {
		err = serveRecording(*cassette)
	} else {
		err = call(*url, *client, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "callcost:", err)
		os.Exit(2)
	}
}

// serveRecording answers every request with the recording's first response body,
// as bench's loopback servers do, until SIGTERM or SIGINT.
func serveRecording(cassette string) error {
	ixs, err := contract.ReadCassette(filepath.Clean(cassette))
	if err != nil {
		return err
	}
	if len(ixs) == 0 {
		return fmt.Errorf("%s: no interactions", cassette)
	}
	body := ixs[0].RespBody
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		_, _ = w.Write(body)
	})}
	go func() {
		<-stop
		_ = srv.Close()
	}()
	fmt.Printf("http://%s\n", ln.Addr())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// call makes n calls with the named client and prints its allocations per call.
func call(url, client string, n int) error {
	if url == "" {
		return errors.New("-url is required without -serve")
	}
	if !slices.Contains(calls.AttachPluginOrder, client) {
		return fmt.Errorf("-client %q: want one of %v", client, calls.AttachPluginOrder)
	}
	callers, err := calls.AttachPluginCallers(url)
	if err != nil {
		return err
	}
	c, ctx := callers[client], context.Background()
	if _, err := c(ctx); err != nil { // the connection, and anything done once
		return err
	}
	stop, err := startProfiles()
	if err != nil {
		return err
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range n {
		if _, err := c(ctx); err != nil {
			return err
		}
	}
	runtime.ReadMemStats(&after)
	if err := stop(); err != nil {
		return err
	}
	if n > 0 {
		fmt.Printf("%s: %d calls, %.1f mallocs/call, %.0f B/call\n", client, n,
			float64(after.Mallocs-before.Mallocs)/float64(n), float64(after.TotalAlloc-before.TotalAlloc)/float64(n))
	}
	return nil
}

// profiles are the files -memprofile and -cpuprofile name.
var profiles struct{ mem, cpu string }

// startProfiles starts what the flags ask for, just before the measured calls; stop
// writes the profiles.
func startProfiles() (stop func() error, err error) {
	if profiles.mem != "" {
		runtime.MemProfileRate = 1
	}
	var cpu *os.File
	if profiles.cpu != "" {
		if cpu, err = os.Create(profiles.cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			return nil, err
		}
	}
	return func() error {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return err
			}
		}
		if profiles.mem == "" {
			return nil
		}
		f, err := os.Create(profiles.mem)
		if err != nil {
			return err
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return err
		}
		return f.Close()
	}, nil
}
