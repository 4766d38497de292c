package specdiff

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/acsgen/acsgen/generator/load"
	"github.com/acsgen/acsgen/internal/boundedfile"
)

// Source is one side of a diff: the spec text and the name it was given by.
type Source struct {
	Name string // as given: a file path or REV:PATH
	Data []byte
	// ReadFile reads the other files of a multi-file spec (load.Options); nil
	// reads them from disk. A REV:PATH spec reads them from the same revision.
	ReadFile func(path string) ([]byte, error)
}

// Read resolves arg to spec text. An existing file wins; otherwise an argument
// of the form REV:PATH is read with `git show REV:PATH` in dir ("" for the
// current directory). PATH is relative to the repository root, as git has it.
func Read(arg, dir string) (Source, error) {
	if arg == "" {
		return Source{}, errors.New("empty spec argument")
	}
	// A regular file within the spec size limit only, as load reads specs: a
	// symlink to /dev/zero would never end, and a FIFO would wait for a writer.
	data, err := boundedfile.Read(arg, load.MaxSpecBytes, "spec")
	if err == nil {
		return Source{Name: arg, Data: data}, nil
	}
	rev, path, isRev := strings.Cut(arg, ":")
	if !errors.Is(err, os.ErrNotExist) || !isRev || rev == "" || path == "" {
		return Source{}, fmt.Errorf("read spec %s: %w", arg, err)
	}
	data, err = gitShow(dir, rev, path)
	if err != nil {
		return Source{}, err
	}
	// load names the other files by the spec's name joined with each $ref:
	// REV:spec/common.yaml, or common.yaml for a spec at the repository root.
	readFile := func(file string) ([]byte, error) {
		return gitShow(dir, rev, strings.TrimPrefix(file, rev+":"))
	}
	return Source{Name: arg, Data: data, ReadFile: readFile}, nil
}

func gitShow(dir, rev, path string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("%s:%s is neither a file nor readable as a git revision: git is not installed", rev, path)
	}
	inRepo := exec.Command("git", "rev-parse", "--is-inside-work-tree")
	inRepo.Dir = dir
	if out, err := inRepo.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "true" {
		return nil, fmt.Errorf("%s:%s is not a file, and the current directory is not in a git repository, so it cannot be read as a git revision", rev, path)
	}
	verify := exec.Command("git", "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	verify.Dir = dir
	if err := verify.Run(); err != nil {
		return nil, fmt.Errorf("%s:%s: unknown git revision %q", rev, path, rev)
	}
	show := exec.Command("git", "show", rev+":"+path)
	show.Dir = dir
	var stderr bytes.Buffer
	show.Stderr = &stderr
	out, err := show.Output()
	if err != nil {
		msg := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(stderr.String()), "fatal: "))
		return nil, fmt.Errorf("git show %s:%s: %s", rev, path, msg)
	}
	return out, nil
}
