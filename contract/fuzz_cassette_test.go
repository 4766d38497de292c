package contract

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v4"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"

	"github.com/acsgen/acsgen/internal/boundedfile"
	"github.com/acsgen/acsgen/internal/yamlsize"
)

// readCassetteGoVCR is the reference for ReadCassette: the file's bytes parsed
// and measured for aliases, then given to go-vcr's own loader, which parses them
// again: what ReadCassette did before it decoded the interactions itself from one
// parse (except that the first parse was yaml/v3's, which refuses a few
// documents go-vcr's yaml/v4 reads).
func readCassetteGoVCR(path string) ([]Interaction, error) {
	data, err := boundedfile.Read(path, MaxRecordingSize, "recording")
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if yamlsize.OverV4(&doc, MaxRecordingSize) != nil {
		return nil, errors.New("aliases")
	}
	c, err := cassette.LoadWithFS("cassette", cassetteBytes(data))
	if err != nil {
		return nil, err
	}
	var out []Interaction
	for i, in := range c.Interactions {
		ix, err := cassetteInteraction(path, i, in)
		if err != nil {
			return nil, err
		}
		out = append(out, ix)
	}
	return out, nil
}

// cassetteBytes is a read-only cassette.FS holding one file.
type cassetteBytes []byte

func (b cassetteBytes) ReadFile(string) ([]byte, error) { return b, nil }
func (b cassetteBytes) WriteFile(string, []byte) error  { return errors.New("read-only") }
func (b cassetteBytes) IsFileExists(string) bool        { return true }

// FuzzReadCassette feeds arbitrary bytes to the go-vcr cassette reader and checks
// every interaction it returns against the test specs: reading gives interactions or
// an error naming the file, checking gives findings, and neither panics. The
// interactions are those go-vcr's own loader gives, and a cassette one refuses
// the other refuses too.
func FuzzReadCassette(f *testing.F) {
	set, err := Load([]string{rpcSpec, roaSpec})
	require.NoError(f, err)
	seeds, _ := filepath.Glob("../contracttests/testdata/*/*.yaml")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte("version: 2\ninteractions:\n- ~\n"))
	f.Add([]byte("version: 2\ninteractions:\n- request: {method: GET, url: 'http://a/%zz'}\n  response: {code: 99999}\n"))
	f.Add([]byte("version: 1\ninteractions: []\n"))
	f.Add([]byte("interactions: {a: 1}\n"))
	f.Add([]byte("x: &l [{request: {method: GET, url: 'http://a/'}, response: {code: 200, body: &b ok}}]\ninteractions: *l\n"))
	f.Add([]byte("{}\n"))
	f.Add([]byte(""))
	f.Add([]byte("--- 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "c.yaml")
		require.NoError(t, os.WriteFile(path, data, 0o600))
		got, err := ReadCassette(path)
		want, werr := readCassetteGoVCR(path)
		if err != nil {
			require.Contains(t, err.Error(), path)
			require.Error(t, werr, "go-vcr reads what ReadCassette refuses: %v", err)
			return
		}
		require.NoError(t, werr, "ReadCassette reads what go-vcr refuses")
		require.Equal(t, want, got)
		findings, n, err := set.CheckFile(path, Options{Strict: true})
		require.NoError(t, err)
		for _, f := range findings {
			require.Equal(t, path, f.Recording)
			require.True(t, f.Entry >= 0 && f.Entry < n, "finding names entry %d of %d", f.Entry, n)
		}
	})
}
