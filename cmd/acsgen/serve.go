package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// listen opens addr, the --addr of a serving command.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--addr: %w", err)
	}
	return ln, nil
}

// serverLimits bound what one client may hold of a serving command: without
// them a slow body or an idle keep-alive connection is held for ever, and
// hundreds of them exhaust the server (issue 16 held 500 slow bodies for 40 s
// and 3,000 idle connections for 30 s).
type serverLimits struct {
	readHeader time.Duration // to read a request's header
	read       time.Duration // to read a whole request, body included
	write      time.Duration // from the end of the request header to the end of the response
	idle       time.Duration // a keep-alive connection between requests
	maxHeader  int           // bytes of request header
}

// mockLimits suit a mock for tests: its answers are immediate, and a client
// that takes 30 s to send a request of an Alibaba Cloud API (a few KiB) or
// keeps a connection idle for a minute is stuck, not slow.
var mockLimits = serverLimits{readHeader: 10 * time.Second, read: 30 * time.Second, write: 60 * time.Second,
	idle: 60 * time.Second, maxHeader: 64 << 10}

// recordLimits are the mock's, with room for the upstream: the write timeout
// runs while the recording proxy waits for the real service, which may be slow.
var recordLimits = serverLimits{readHeader: 10 * time.Second, read: 30 * time.Second, write: 5 * time.Minute,
	idle: 60 * time.Second, maxHeader: 64 << 10}

// serve runs handler on ln until ctx ends or SIGINT/SIGTERM arrives, then shuts
// down gracefully, letting requests in flight finish for up to 10 seconds. It prints
// the address it listens on (useful with port 0) to stdout. The record command
// gets recordLimits, the others mockLimits.
func serve(ctx context.Context, ln net.Listener, what string, handler http.Handler, stdout io.Writer) error {
	limits := mockLimits
	if what == "record" {
		limits = recordLimits
	}
	return serveWith(ctx, ln, what, handler, limits, stdout)
}

// serveWith is serve with the limits given.
func serveWith(ctx context.Context, ln net.Listener, what string, handler http.Handler, limits serverLimits, stdout io.Writer) error {
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: limits.readHeader, ReadTimeout: limits.read,
		WriteTimeout: limits.write, IdleTimeout: limits.idle, MaxHeaderBytes: limits.maxHeader}
	fmt.Fprintf(stdout, "acsgen %s: listening on http://%s\n", what, ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintf(stdout, "acsgen %s: stopped\n", what)
	return nil
}
