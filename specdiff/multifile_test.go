package specdiff

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A change in another file of a multi-file spec is a change of the spec: here
// the root file is the same on both sides and schemas/pet.yaml renames a field.
func TestDiffFollowsOtherFiles(t *testing.T) {
	check := func(t *testing.T, old, new Source) {
		r, err := Diff(old, new, Options{})
		require.NoError(t, err)
		var ids []string
		for _, c := range r.Go {
			ids = append(ids, c.Identifier)
		}
		assert.Contains(t, ids, "Pet.NickName")
		assert.Equal(t, Major, r.Semver)
	}
	t.Run("files", func(t *testing.T) {
		old, err := Read("testdata/multifile/old/pets.yaml", "")
		require.NoError(t, err)
		new, err := Read("testdata/multifile/new/pets.yaml", "")
		require.NoError(t, err)
		check(t, old, new)
	})
	t.Run("git revisions", func(t *testing.T) {
		dir := t.TempDir()
		git(t, dir, "init", "-q")
		for _, side := range []string{"old", "new"} {
			require.NoError(t, os.CopyFS(filepath.Join(dir, "spec"), os.DirFS(filepath.Join("testdata", "multifile", side))))
			git(t, dir, "add", "spec")
			git(t, dir, "commit", "-q", "-m", side)
			require.NoError(t, os.RemoveAll(filepath.Join(dir, "spec")))
		}
		old, err := Read("HEAD~1:spec/pets.yaml", dir)
		require.NoError(t, err)
		new, err := Read("HEAD:spec/pets.yaml", dir)
		require.NoError(t, err)
		check(t, old, new)
	})
}
