package record_test

import (
	"bytes"
	"encoding/json"
	"github.com/getkin/kin-openapi/openapi3"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
)

const vaultSpec = "testdata/vault.yaml"

// upstream is a loopback server that keeps what it received and answers with a
// fixed status, headers and body.
type upstream struct {
	*httptest.Server
	mu     sync.Mutex
	got    []*http.Request
	bodies [][]byte
	status int
	header http.Header
	body   []byte
}

func newUpstream(t *testing.T, status int, header http.Header, body string) *upstream {
	t.Helper()
	u := &upstream{status: status, header: header, body: []byte(body)}
	u.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		u.mu.Lock()
		u.got = append(u.got, r)
		u.bodies = append(u.bodies, b)
		u.mu.Unlock()
		for k, vs := range u.header {
			w.Header()[k] = vs
		}
		w.WriteHeader(u.status)
		_, _ = w.Write(u.body)
	}))
	t.Cleanup(u.Close)
	return u
}

func (u *upstream) last(t *testing.T) (*http.Request, []byte) {
	t.Helper()
	u.mu.Lock()
	defer u.mu.Unlock()
	require.NotEmpty(t, u.got, "the upstream received nothing")
	return u.got[len(u.got)-1], u.bodies[len(u.bodies)-1]
}

func jsonHeader() http.Header {
	return http.Header{"Content-Type": {"application/json;charset=utf-8"}}
}

func loadSpecs(t testing.TB, files ...string) *contract.Set {
	t.Helper()
	set, err := contract.Load(files)
	require.NoError(t, err)
	return set
}

// written lists every file under dir with its bytes.
func written(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		out[filepath.ToSlash(path)] = b
		return err
	})
	require.NoError(t, err)
	return out
}

func get(t *testing.T, c *http.Client, req *http.Request) (int, http.Header, []byte) {
	t.Helper()
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, b
}

func body(s string) io.Reader { return bytes.NewReader([]byte(s)) }

// exampleBody is the documented example of an operation's 200 response.
func exampleBody(t *testing.T, spec, path, method string) []byte {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile(spec)
	require.NoError(t, err)
	mt := doc.Paths.Value(path).GetOperation(method).Responses.Value("200").Value.Content.Get("application/json")
	b, err := json.Marshal(mt.Example)
	require.NoError(t, err)
	return b
}
