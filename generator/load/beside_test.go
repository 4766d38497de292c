package load

import (
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeSpecFile(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.yaml")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o600))
	return path
}

// A spec kin-openapi refuses gives File's error, and a panic of the work done
// beside the validation is dropped with the rest of that work.
func TestFileThenConcurrentlyDiscardsOnInvalidSpec(t *testing.T) {
	path := writeSpecFile(t, "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths:\n  /x:\n    get:\n"+
		"      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses: {\"200\": {description: ok}}\n")
	_, want := File(path)
	require.ErrorContains(t, want, "must define exactly all path parameters") // kin-openapi's
	var called atomic.Bool
	spec, out, err := FileThen(Options{}, path, func(*Spec) int {
		called.Store(true)
		panic("built an invalid spec")
	})
	require.Error(t, err)
	assert.True(t, called.Load(), "the work ran beside the validation")
	assert.Equal(t, want.Error(), err.Error())
	assert.Nil(t, spec)
	assert.Zero(t, out)
}

// For a spec that loads, the work's result comes back, and its panic too.
func TestFileThenConcurrentlyReturnsWork(t *testing.T) {
	path := writeSpecFile(t, header+"components:\n  schemas:\n    S: {type: string}\n")
	spec, n, err := FileThen(Options{}, path, func(s *Spec) int { return len(s.Doc.Components.Schemas) })
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.NotNil(t, spec)
	assert.PanicsWithValue(t, "boom", func() {
		_, _, _ = FileThen(Options{}, path, func(*Spec) int { panic("boom") })
	})
}

// A spec refused before validation never reaches the work.
func TestFileThenConcurrentlySkipsEarlyErrors(t *testing.T) {
	path := writeSpecFile(t, header+"components:\n  schemas:\n    S: {type: string}\n    S: {type: integer}\n")
	called := false
	_, _, err := FileThen(Options{}, path, func(*Spec) int { called = true; return 0 })
	require.Error(t, err)
	assert.False(t, called)
}

// The stand-ins kin-openapi's validation needs are gone when the work sees the
// doc: no info stays no info, an empty server default stays empty.
func TestFileThenConcurrentlySeesNoStandIns(t *testing.T) {
	path := writeSpecFile(t, "openapi: 3.0.3\npaths: {}\nservers:\n  - url: 'https://{x}.example.com'\n    variables: {x: {default: ''}}\n")
	type seen struct {
		noInfo bool
		def    string
	}
	spec, got, err := FileThen(Options{}, path, func(s *Spec) seen {
		return seen{s.Doc.Info == nil, s.Doc.Servers[0].Variables["x"].Default}
	})
	require.NoError(t, err)
	assert.Equal(t, seen{noInfo: true, def: ""}, got)
	assert.Len(t, spec.Warnings, 2, "%v", spec.Warnings)
}

// The warnings of a spec are the same whether loaded with work beside or not.
func TestFileThenConcurrentlyWarnsAlike(t *testing.T) {
	for _, path := range []string{"../../spec/apig-2024-03-27.yaml", "../testdata/adversarial/slightlyoff.yaml", "../testdata/adversarial/examples.yaml"} {
		want, err := File(path)
		require.NoError(t, err)
		got, warnings, err := FileThen(Options{}, path, func(s *Spec) []string {
			var out []string
			for _, w := range s.Warnings {
				out = append(out, w.String())
			}
			return out
		})
		require.NoError(t, err)
		assert.Equal(t, want.Warnings, got.Warnings, path)
		var wantStrings []string
		for _, w := range want.Warnings {
			wantStrings = append(wantStrings, w.String())
		}
		assert.Equal(t, wantStrings, warnings, path)
	}
}
