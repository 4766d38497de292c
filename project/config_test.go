package project

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeConfig(t *testing.T, dir, src string) string {
	t.Helper()
	path := filepath.Join(dir, ConfigFile)
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	return path
}

func TestLoadConfigResolvesPathsAgainstItsDirectory(t *testing.T) {
	t.Chdir(t.TempDir())
	require.NoError(t, os.Mkdir("proj", 0o755))
	writeConfig(t, "proj", "specs: [spec/apig.yaml, spec/more]\nout: internal/acsapi\ndocs: docs/api\npackages:\n  spec/apig.yaml: gateway\n")
	c, err := LoadConfig("proj/acsgen.yaml")
	require.NoError(t, err)
	assert.Equal(t, &Config{
		File:     "proj/acsgen.yaml",
		Specs:    []string{"proj/spec/apig.yaml", "proj/spec/more"},
		Out:      "proj/internal/acsapi",
		Docs:     "proj/docs/api",
		Packages: map[string]string{"proj/spec/apig.yaml": "gateway"},
	}, c)

	writeConfig(t, ".", "specs: spec\n")
	c, err = FindConfig(".")
	require.NoError(t, err)
	assert.Equal(t, []string{"spec"}, c.Specs, "one spec may be a scalar; in the current directory paths stay as written")
}

func TestFindConfigWithoutAFile(t *testing.T) {
	c, err := FindConfig(t.TempDir())
	require.NoError(t, err)
	assert.Nil(t, c)
}

func TestBadConfigSaysWhereAndWhat(t *testing.T) {
	cases := []struct{ src, want string }{
		{"spec: [a]\n", `acsgen.yaml:1:1: unknown key "spec"; want one of specs, out, docs, packages`},
		{"out: a\nout: b\n", `acsgen.yaml:2:1: key "out" appears twice`},
		{"specs: {a: b}\n", "acsgen.yaml:1:8: specs: want a list of spec files or directories"},
		{"out: [a]\n", "acsgen.yaml:1:6: out: want a directory"},
		{"docs: \"\"\n", "acsgen.yaml:1:7: docs: want a directory"},
		{"packages: [a]\n", "acsgen.yaml:1:11: packages: want a mapping of spec file to Go package name"},
		{"- a\n", "acsgen.yaml:1:1: want a mapping with keys specs, out, docs, packages"},
		{"specs: [a\n", "acsgen.yaml: line 1: did not find expected ',' or ']'"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		t.Chdir(dir)
		writeConfig(t, ".", c.src)
		_, err := FindConfig(".")
		require.Error(t, err, c.src)
		assert.Equal(t, c.want, err.Error(), c.src)
	}
}

func TestConfigMustBeARegularFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, ConfigFile), 0o755))
	_, err := FindConfig(dir)
	require.ErrorContains(t, err, "acsgen.yaml: not a regular file")

	fifo := filepath.Join(t.TempDir(), ConfigFile)
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	_, err = LoadConfig(fifo) // must not wait for a writer
	require.ErrorContains(t, err, "not a regular file")

	empty := t.TempDir()
	writeConfig(t, empty, "")
	c, err := FindConfig(empty)
	require.NoError(t, err)
	assert.Empty(t, c.Specs, "an empty file takes every default")
}
