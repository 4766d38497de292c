package contract

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runShard checks the recordings as acsgen contract --coverage does for one
// shard; the zero Shard is the unsharded run, whose report has no shard member.
func runShard(t *testing.T, set *Set, recordings []string, strict bool, shard Shard) *Report {
	t.Helper()
	r := &Report{Recordings: len(recordings)}
	entries := 0
	for _, path := range recordings {
		results, n, err := set.CheckEntries(path, Options{Strict: strict, Shard: shard})
		require.NoError(t, err)
		r.Results = append(r.Results, results...)
		entries += n
	}
	c := set.Coverage(r.Results)
	r.Coverage = &c
	if shard.Count > 0 {
		r.Shard = &ShardRun{Shard: shard, Strict: strict, Specs: set.Specs(), Recordings: recordings, Entries: entries}
	}
	return r
}

// writeShardReport writes r's JSON report under dir and reads it back.
func writeShardReport(t *testing.T, dir string, r *Report) *ShardReport {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("shard-%d-of-%d.json", r.Shard.Shard.Index, r.Shard.Shard.Count))
	require.NoError(t, os.WriteFile(path, render(t, r, "json"), 0o644))
	rep, err := ReadShardReport(path)
	require.NoError(t, err)
	return rep
}

// repoRecordings lists every recording committed to the repository.
func repoRecordings(t *testing.T) []string {
	t.Helper()
	recs, err := RecordingFiles([]string{"../contracttests/testdata", "testdata/har"})
	require.NoError(t, err)
	return recs
}

// writeLargeSet writes files HAR files of perFile entries each, drawn from the
// interactions of the repository's recordings (conforming ones and the negative
// fixtures) with some changed: repeated entries, undocumented query parameters,
// other statuses and bodies that are not JSON.
func writeLargeSet(t *testing.T, dir string, files, perFile int) []string {
	t.Helper()
	var sources []Interaction
	for _, p := range repoRecordings(t) {
		ixs, err := ReadRecording(p)
		require.NoError(t, err)
		sources = append(sources, ixs...)
	}
	var out []string
	for f := range files {
		var ixs []Interaction
		for i := range perFile {
			ix := sources[(f*7+i*3)%len(sources)]
			switch {
			case i%5 == 4:
				ix = ixs[len(ixs)-1] // the same interaction again
			case i%11 == 3:
				ix.URL += map[bool]string{true: "&", false: "?"}[strings.Contains(ix.URL, "?")] + fmt.Sprintf("Extra%d=x", i)
			case i%13 == 6:
				ix.Status, ix.RespBody = 502, []byte("<html>bad gateway</html>")
			}
			ixs = append(ixs, ix)
		}
		path := filepath.ToSlash(filepath.Join(dir, fmt.Sprintf("traffic-%02d.har", f)))
		writeHARFile(t, path, ixs)
		out = append(out, path)
	}
	return out
}

// writeHARFile writes interactions as a HAR file, bodies in base64.
func writeHARFile(t *testing.T, path string, ixs []Interaction) {
	t.Helper()
	pairs := func(h map[string][]string) []harPair {
		var out []harPair
		for k, vs := range h {
			for _, v := range vs {
				out = append(out, harPair{Name: k, Value: v})
			}
		}
		return out
	}
	entries := []harEntry{}
	for _, ix := range ixs {
		req := &harRequest{Method: ix.Method, URL: ix.URL, Headers: pairs(ix.Header)}
		if len(ix.Body) > 0 {
			text := base64.StdEncoding.EncodeToString(ix.Body)
			req.PostData = &harPost{Text: &text, Encoding: "base64"}
		}
		text := base64.StdEncoding.EncodeToString(ix.RespBody)
		entries = append(entries, harEntry{Request: req, Response: &harResponse{Status: ix.Status, Headers: pairs(ix.RespHeader),
			Content: &harContent{Size: len(ix.RespBody), Text: &text, Encoding: "base64"}}})
	}
	var f harFile
	f.Log = &struct {
		Entries *[]harEntry `json:"entries"`
	}{&entries}
	data, err := json.Marshal(f)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, data, 0o644))
}

// The merged report of N shards is the unsharded report, byte for byte in every
// format, coverage included, for several N, on the repository's recordings and
// on a larger generated set.
func TestMergedShardsEqualUnshardedReport(t *testing.T) {
	set := loadReal(t)
	sets := map[string][]string{
		"repository": repoRecordings(t),
		"generated":  writeLargeSet(t, t.TempDir(), 10, 60),
	}
	for name, recordings := range sets {
		for _, strict := range []bool{false, true} {
			whole := runShard(t, set, recordings, strict, Shard{})
			require.NotZero(t, whole.Summary().Findings, "the recordings have findings to merge")
			for _, n := range []int{1, 2, 3, 7, 16} {
				t.Run(fmt.Sprintf("%s/strict=%t/N=%d", name, strict, n), func(t *testing.T) {
					dir := t.TempDir()
					var reports []*ShardReport
					sizes := 0
					for k := n; k >= 1; k-- { // in any order
						r := runShard(t, set, recordings, strict, Shard{Index: k, Count: n})
						sizes += len(r.Results)
						if name == "generated" && n <= 7 {
							assert.Greater(t, len(r.Results), len(whole.Results)/n/2, "shard %d/%d holds its share", k, n)
						}
						reports = append(reports, writeShardReport(t, dir, r))
					}
					require.Equal(t, len(whole.Results), sizes, "every interaction is in one shard")
					merged, err := Merge(reports)
					require.NoError(t, err)
					assert.Equal(t, whole.Summary(), merged.Summary())
					for _, format := range Formats {
						assert.Equal(t, string(render(t, whole, format)), string(render(t, merged, format)), format)
					}
				})
			}
		}
	}
}
