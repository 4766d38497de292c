package project

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestImportPathFromNearestGoMod(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/userproj\n\ngo 1.26\n"), 0o644))
	nested := filepath.Join(root, "tools")
	require.NoError(t, os.MkdirAll(nested, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(nested, "go.mod"), []byte("// tools\nmodule \"example.com/userproj/tools\"\n"), 0o644))
	t.Chdir(root)

	cases := []struct{ dir, want string }{
		{"internal/acsapi/apig", "example.com/userproj/internal/acsapi/apig"}, // not written yet
		{".", "example.com/userproj"},
		{"tools/gen/x", "example.com/userproj/tools/gen/x"}, // the nearer go.mod wins
		{filepath.Join(root, "a", "..", "b"), "example.com/userproj/b"},
	}
	for _, c := range cases {
		got, err := ImportPathOf(c.dir)
		require.NoError(t, err, c.dir)
		assert.Equal(t, c.want, got, c.dir)
	}
}

func TestNoModuleIsAClearError(t *testing.T) {
	dir := t.TempDir()
	if _, err := FindModule(dir); err == nil {
		t.Skip("a go.mod above the temporary directory") // TMPDIR inside a module
	}
	_, err := ImportPathOf(filepath.Join(dir, "out", "apig"))
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrNoModule))
	assert.Contains(t, err.Error(), "run go mod init")
}

func TestImportPathOutsideTheModule(t *testing.T) {
	root := t.TempDir()
	mod := filepath.Join(root, "m")
	require.NoError(t, os.MkdirAll(mod, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/m\n"), 0o644))
	m, err := FindModule(mod)
	require.NoError(t, err)
	_, err = m.ImportPath(filepath.Join(root, "elsewhere"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is outside module example.com/m")

	require.NoError(t, os.WriteFile(filepath.Join(mod, "go.mod"), []byte("go 1.26\n"), 0o644))
	_, err = FindModule(mod)
	require.ErrorContains(t, err, "go.mod: no module directive")
}
