// Package gomodtest makes throwaway Go modules that depend on this repository, for
// tests that compile generated code or play a user's project.
//
// A module that requires github.com/acsgen/acsgen needs a go.sum line for every
// module it builds with. A user's `go mod tidy` would fetch the missing ones and
// check them against sum.golang.org, which CI machines cannot reach (they reach
// only the module proxy). So the module made here requires, besides acsgen
// (replaced by this checkout), every module acsgen's own go.mod requires, at the
// same versions: its build list is then acsgen's, and acsgen's go.sum holds every
// hash it needs. The go command downloads from the configured proxy as for acsgen
// itself, so the tests pass on an empty module cache.
package gomodtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// RepoModule is the module path of this repository.
const RepoModule = "github.com/acsgen/acsgen"

// Write makes dir a module named path that requires this repository, found at
// root (the directory holding its go.mod), and everything it requires.
func Write(dir, path, root string) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	repo, err := modfile.ParseLax("go.mod", data, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.Join(root, "go.mod"), err)
	}
	if repo.Module == nil || repo.Module.Mod.Path != RepoModule {
		return fmt.Errorf("%s is not the go.mod of %s", filepath.Join(root, "go.mod"), RepoModule)
	}
	f := &modfile.File{}
	if err := f.AddModuleStmt(path); err != nil {
		return err
	}
	if repo.Go != nil {
		if err := f.AddGoStmt(repo.Go.Version); err != nil {
			return err
		}
	}
	f.AddNewRequire(RepoModule, "v0.0.0", false)
	for _, r := range repo.Require {
		f.AddNewRequire(r.Mod.Path, r.Mod.Version, true)
	}
	if err := f.AddReplace(RepoModule, "", root, ""); err != nil {
		return err
	}
	f.Cleanup()
	out, err := f.Format()
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), out, 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
}

// Go runs the go command in dir with args and returns its combined output. The
// module's go.mod and go.sum are left as Write made them (-mod=readonly): a build
// that needs anything more fails, naming it, instead of reaching for the network.
func Go(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	flags := strings.TrimSpace(os.Getenv("GOFLAGS") + " -mod=readonly")
	cmd.Env = append(os.Environ(), "GOFLAGS="+flags, "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return out, fmt.Errorf("go %s in %s: %w\n%s", strings.Join(args, " "), dir, err, out)
	}
	return out, nil
}

// RepoDir is the directory of the acsgen module the calling module builds with
// (this checkout, through its replace directive), as `go list -m` reports it.
func RepoDir() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", RepoModule).Output()
	if err != nil {
		return "", fmt.Errorf("locating the %s module: %w", RepoModule, err)
	}
	return strings.TrimSpace(string(out)), nil
}
