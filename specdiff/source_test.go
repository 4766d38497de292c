package specdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %v: %s", args, out)
}

// specRepo makes a git repository whose spec/apig.yaml goes through the
// enabelAuth → enableAuth rename in its second commit.
func specRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "spec"), 0o755))
	for _, side := range []string{"old", "new"} {
		data, err := os.ReadFile(filepath.Join("testdata", "enable-auth-rename", side+".yaml"))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "spec", "apig.yaml"), data, 0o644))
		git(t, dir, "add", "spec/apig.yaml")
		git(t, dir, "commit", "-q", "-m", side)
	}
	return dir
}

func TestReadGitRevisions(t *testing.T) {
	dir := specRepo(t)
	old, err := Read("HEAD~1:spec/apig.yaml", dir)
	require.NoError(t, err)
	new, err := Read("HEAD:spec/apig.yaml", dir)
	require.NoError(t, err)
	assert.Equal(t, "HEAD~1:spec/apig.yaml", old.Name)
	want, err := os.ReadFile("testdata/enable-auth-rename/old.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(old.Data))

	// The whole diff works on revisions: the rename's Go change shows up.
	r, err := Diff(old, new, Options{})
	require.NoError(t, err)
	require.Len(t, r.Go, 2)
	assert.Equal(t, "HTTPAPIAPIInfo.EnabelAuth", r.Go[0].Identifier)
	assert.Equal(t, Major, r.Semver)
}

func TestReadGitErrors(t *testing.T) {
	dir := specRepo(t)
	_, err := Read("v9.9.9:spec/apig.yaml", dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown git revision "v9.9.9"`)

	_, err = Read("HEAD:spec/missing.yaml", dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "git show HEAD:spec/missing.yaml")
	assert.Contains(t, err.Error(), "does not exist")

	_, err = Read("HEAD:spec/apig.yaml", t.TempDir())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not in a git repository")
}

func TestReadMissingFile(t *testing.T) {
	_, err := Read("testdata/none.yaml", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "testdata/none.yaml")
}
