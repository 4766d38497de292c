package cloudapi_test

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/acs"
	"github.com/acsgen/acsgen/generated/cloudapi"
)

var signature = regexp.MustCompile(`Signature=[0-9a-f]{64}`)

var update = flag.Bool("update", false, "rewrite testdata/*.wire from what the client sends")

// The bytes of an AttachPlugin request, request line and headers, with the clock,
// nonce and keys pinned, are what the golden file holds: work on the client's
// speed must not change what goes on the wire. Parameters that need escaping,
// invalid UTF-8 and an STS token are among them.
func TestAttachPluginWireBytes(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = ln.Close() })
	heads := make(chan string, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			heads <- err.Error()
			return
		}
		defer conn.Close()
		var head strings.Builder
		r := bufio.NewReader(conn)
		for {
			line, err := r.ReadString('\n')
			head.WriteString(line)
			if err != nil || line == "\r\n" {
				break
			}
		}
		heads <- head.String()
		body := `{"RequestId":"EF924FE4-2EDD-4CD3-89EC-34E4708574E7"}`
		fmt.Fprintf(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	}()

	c, err := cloudapi.NewClient(acs.WithEndpoint("http://"+ln.Addr().String()),
		acs.WithCredentials(acs.StaticCredentials("LTAItestkeyid0000", "test-secret", "sts-token")),
		acs.WithSigner(acs.Signer{
			Now:   func() time.Time { return time.Date(2026, 3, 16, 8, 0, 0, 0, time.UTC) },
			Nonce: func() string { return "3156853299f313e23d1673dc12e1703d" },
		}),
		acs.WithRetry(acs.RetryPolicy{MaxAttempts: 1}))
	require.NoError(t, err)
	_, err = c.AttachPlugin(t.Context(), &cloudapi.AttachPluginRequest{
		PluginID:  "9a3f1a5279434f2ba74ccd91c295af9f",
		GroupID:   ptr("group one/二\xff"),
		APIIDs:    []string{"api1", "a,b", "~*"},
		StageName: cloudapi.AttachPluginStageNameTest,
		APIID:     ptr(""),
	})
	require.NoError(t, err)

	got := <-heads
	// The signature covers the loopback port, which changes from run to run: it is
	// checked by the verifier, and the golden file holds the rest.
	sent, err := http.ReadRequest(bufio.NewReader(strings.NewReader(got)))
	require.NoError(t, err)
	require.NoError(t, acs.Verifier{Secret: func(string) (string, bool) { return "test-secret", true }}.Verify(sent, nil))
	got = signature.ReplaceAllString(got, "Signature=SIGNATURE")
	got = strings.ReplaceAll(got, ln.Addr().String(), "HOST")
	got = strings.ReplaceAll(got, fmt.Sprintf("(%s; %s) Go/%s", runtime.GOOS, runtime.GOARCH, runtime.Version()), "(GOOS; GOARCH) Go/GOVERSION")
	golden := filepath.Join("testdata", "AttachPlugin.wire")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	require.Equal(t, string(want), got, "rerun: go test ./generated/cloudapi -run TestAttachPluginWireBytes -update")
}
