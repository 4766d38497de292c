package metadata

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator"
	"github.com/acsgen/acsgen/generator/diag"
	"github.com/acsgen/acsgen/generator/load"
)

// sharedMetadata is where CI keeps Alibaba's metadata of seven product versions.
// It is another project's data and never part of this repository.
const sharedMetadata = "../../shared/metadata"

// generatorGaps are the generator diagnostics an imported product may still get:
// parameter styles and form bodies the generator cannot send yet. Anything else
// is a defect of import.
var generatorGaps = regexp.MustCompile(`has x-acs-param-style \w+, which the generator cannot send yet|` +
	`must be a string, number, boolean, or an array of them|` +
	`request body content \[application/x-www-form-urlencoded\] is not supported`)

// TestImportEveryProduct imports each product in ../shared/metadata whole: the
// spec is valid OpenAPI whose examples fit (the loader checks them), holds every
// API as an operation, comes out the same twice, and the generator finds nothing
// wrong with it beyond its known gaps.
func TestImportEveryProduct(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedMetadata, "*", "*", "api-docs.json"))
	if len(files) == 0 {
		t.Skipf("no Alibaba metadata in %s (CI has it there); this test needs it", sharedMetadata)
	}
	for _, path := range files {
		rel, _ := filepath.Rel(sharedMetadata, filepath.Dir(path))
		t.Run(rel, func(t *testing.T) {
			doc, err := ReadFile(path)
			require.NoError(t, err)
			spec, problems := Import(doc, Options{Source: path})
			again, _ := Import(doc, Options{Source: path})
			require.Equal(t, string(spec), string(again), "deterministic")
			for _, p := range problems {
				t.Log(p)
			}
			loaded, err := load.Data(rel+".yaml", spec)
			require.NoError(t, err)
			ops := 0
			for _, item := range loaded.Doc.Paths.Map() {
				ops += len(item.Operations())
			}
			assert.Equal(t, doc.APIs.Len(), ops, "every API becomes an operation")
			_, _, err = generator.FromSpec(loaded, generator.Config{Spec: rel + ".yaml"})
			var dl diag.List
			if err != nil {
				require.True(t, errors.As(err, &dl), "%v", err)
			}
			gaps := 0
			for _, d := range dl {
				if generatorGaps.MatchString(d.Msg) {
					gaps++
					continue
				}
				t.Errorf("%s", d)
			}
			t.Logf("%s: %d operations, %d lines, %d problem(s) reported by import, %d generator gap(s)",
				rel, ops, strings.Count(string(spec), "\n"), len(problems), gaps)
		})
	}
}

func TestSharedMetadataIsNotInTheRepository(t *testing.T) {
	// Alibaba's metadata is read from ../shared/metadata, never copied here.
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || path == filepath.Join("..", "..")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && d.Name() == "api-docs.json" {
			t.Errorf("%s: Alibaba's metadata must not be in the repository", path)
		}
		return nil
	})
	require.NoError(t, err)
}
