// Package specdiff compares two versions of a spec: what oasdiff's checker says
// about the API (breaking, warning, additive) and what the change does to the
// exported Go API of the client acsgen generates from it (via x/exp/apidiff),
// with a semantic-version recommendation for that client package.
package specdiff

import (
	"github.com/acsgen/acsgen/generator/load"
)

// Report is the outcome of one diff.
type Report struct {
	Old     string       `json:"old"`
	New     string       `json:"new"`
	Package string       `json:"package"` // Go package of the generated client
	Spec    []SpecChange `json:"spec"`    // breaking first, then warnings, then additive
	Go      []GoChange   `json:"go"`      // incompatible first
	Semver  string       `json:"semver"`  // major, minor or patch
}

// Semver bumps.
const (
	Major = "major"
	Minor = "minor"
	Patch = "patch"
)

// Options tune Diff.
type Options struct {
	// Dir is a directory inside the acsgen module, used to resolve the packages
	// the generated code imports; "" is the current directory.
	Dir string
}

// Diff compares old and new. A spec that does not load comes back as the
// diag.List of its problems.
func Diff(old, new Source, opts Options) (*Report, error) {
	oldSpec, err := load.Options{ReadFile: old.ReadFile}.Data(old.Name, old.Data)
	if err != nil {
		return nil, err
	}
	newSpec, err := load.Options{ReadFile: new.ReadFile}.Data(new.Name, new.Data)
	if err != nil {
		return nil, err
	}
	spec, err := specChanges(old.Name, oldSpec, new.Name, newSpec)
	if err != nil {
		return nil, err
	}
	pkg, gochanges, err := goChanges(oldSpec, newSpec, old.Name, new.Name, opts.Dir)
	if err != nil {
		return nil, err
	}
	return &Report{Old: old.Name, New: new.Name, Package: pkg, Spec: spec, Go: gochanges, Semver: semver(gochanges)}, nil
}

// semver is major for any incompatible change, minor for compatible ones
// (additions), patch when the Go API is unchanged.
func semver(changes []GoChange) string {
	bump := Patch
	for _, c := range changes {
		if !c.Compatible {
			return Major
		}
		bump = Minor
	}
	return bump
}

// Count returns how many spec changes have the level.
func (r *Report) Count(level string) int {
	n := 0
	for _, c := range r.Spec {
		if c.Level == level {
			n++
		}
	}
	return n
}

// Incompatible reports whether the Go API changed incompatibly.
func (r *Report) Incompatible() bool { return r.Semver == Major }
