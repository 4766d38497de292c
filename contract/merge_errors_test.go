package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// threeShards writes the reports of 3 shards of the repository's recordings and
// returns their files.
func threeShards(t *testing.T, strict bool) []string {
	t.Helper()
	set := loadReal(t)
	dir := t.TempDir()
	var files []string
	for k := 1; k <= 3; k++ {
		files = append(files, writeShardReport(t, dir, runShard(t, set, repoRecordings(t), strict, Shard{Index: k, Count: 3})).Path)
	}
	return files
}

func mergeFiles(files ...string) error {
	var reports []*ShardReport
	for _, f := range files {
		r, err := ReadShardReport(f)
		if err != nil {
			return err
		}
		reports = append(reports, r)
	}
	_, err := Merge(reports)
	return err
}

// edit rewrites the JSON report in file with change applied to it as a map.
func edit(t *testing.T, file string, change func(doc map[string]any)) string {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	change(doc)
	data, err = json.Marshal(doc)
	require.NoError(t, err)
	out := filepath.Join(t.TempDir(), "edited-"+filepath.Base(file))
	require.NoError(t, os.WriteFile(out, data, 0o644))
	return out
}

func shardMember(doc map[string]any) map[string]any { return doc["shard"].(map[string]any) }

// A merge that could not give the report of one whole run is refused, naming
// the file and what is wrong.
func TestMergeRefusesWhatIsNotOneRun(t *testing.T) {
	files := threeShards(t, false)
	strict := threeShards(t, true)
	require.NoError(t, mergeFiles(files...))

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte("{\n  \"summary\": {},\n  \"findings\": [\n    {\"entry\": \"x\"}]}"), 0o644))
	unsharded := filepath.Join(t.TempDir(), "whole.json")
	require.NoError(t, os.WriteFile(unsharded, render(t, runShard(t, loadReal(t), repoRecordings(t), false, Shard{}), "json"), 0o644))
	twice := filepath.Join(t.TempDir(), "twice.json")
	data, err := os.ReadFile(files[0])
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(twice, append(data, data...), 0o644))

	for name, tc := range map[string]struct {
		files []string
		want  string
	}{
		"none":          {nil, "no reports to merge"},
		"missing":       {files[:2], "the report of shard 3/3 is missing: a merge needs the reports of all 3 shards"},
		"duplicate":     {[]string{files[0], files[1], files[1], files[2]}, files[1] + ": shard 2/3 again (" + files[1] + " is that shard too)"},
		"syntax":        {[]string{bad}, bad + ": not a JSON report of acsgen contract: 4:18: findings.entry is a JSON string, want int"},
		"two documents": {[]string{twice}, fmt.Sprintf("%s: %d:1: more after the report's end", twice, bytes.Count(data, []byte("\n"))+1)},
		"not a shard":   {[]string{unsharded}, unsharded + `: not the report of a shard (it has no "shard" member)`},
		"strict":        {[]string{files[0], strict[1], files[2]}, strict[1] + " was run with strict true, but " + files[0] + " with strict false"},
		"count": {[]string{files[0], edit(t, files[1], func(d map[string]any) { shardMember(d)["count"] = 4.0 })},
			"is shard 2/4, but " + files[0] + " is shard 1/3"},
		"no shard": {[]string{edit(t, files[0], func(d map[string]any) { shardMember(d)["index"] = 0.0 })},
			"shard: index 0 of count 3 is no shard"},
		"specs": {[]string{files[0], edit(t, files[1], func(d map[string]any) {
			shardMember(d)["specs"].([]any)[0].(map[string]any)["sha256"] = "0123456789abcdef"
		}), files[2]}, "was checked against the specs [../spec/apig-2024-03-27.yaml (0123456789ab), ../spec/cloudapi-2016-07-14.yaml"},
		"recordings": {[]string{files[0], edit(t, files[1], func(d map[string]any) {
			shardMember(d)["recordings"] = append(shardMember(d)["recordings"].([]any), "extra.har")
		}), files[2]}, `read other recordings than ` + files[0] + `: "extra.har" is one more`},
		"entries": {[]string{files[0], files[1], edit(t, files[2], func(d map[string]any) { shardMember(d)["entries"] = 99.0 })},
			"counted 99 interaction(s) in the recordings, but " + files[0] + " 37"},
		"lost result": {[]string{files[0], files[1], edit(t, files[2], func(d map[string]any) {
			sh := shardMember(d)
			sh["results"] = sh["results"].([]any)[1:]
			d["findings"] = []any{}
		})}, "the shards checked 36 interaction(s), but the recordings hold 37"},
		"coverage": {[]string{files[0], edit(t, files[1], func(d map[string]any) { delete(d, "coverage") }), files[2]},
			"has no coverage, but " + files[0] + " has coverage"},
		"foreign finding": {[]string{edit(t, files[0], func(d map[string]any) {
			d["findings"] = []any{map[string]any{"recording": "x.har", "entry": 3.0, "rule": "route", "message": "m"}}
		})}, "findings[0]: x.har#3 is not among shard.results"},
		"unknown recording": {[]string{edit(t, files[0], func(d map[string]any) {
			shardMember(d)["results"].([]any)[0].(map[string]any)["recording"] = "x.har"
		})}, `shard.results[0]: recording "x.har" is not in shard.recordings`},
		"result twice": {[]string{edit(t, files[0], func(d map[string]any) {
			sh := shardMember(d)
			sh["results"] = append(sh["results"].([]any), sh["results"].([]any)[0])
		})}, "is listed twice"},
		"in two shards": {[]string{files[0], files[1], edit(t, files[2], func(d map[string]any) {
			sh := shardMember(d)
			sh["results"] = append(sh["results"].([]any)[1:], readShard(t, files[0])["results"].([]any)[0])
			d["findings"] = []any{}
		})}, "was checked by " + files[0] + " too"},
		"other coverage": {[]string{files[0], edit(t, files[1], func(d map[string]any) {
			d["coverage"].(map[string]any)["specs"] = []any{}
		}), files[2]}, "coverage: lists 0 spec(s), not 2"},
	} {
		t.Run(name, func(t *testing.T) {
			err := mergeFiles(tc.files...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.False(t, strings.HasSuffix(err.Error(), "\n"))
		})
	}
}

func readShard(t *testing.T, file string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	return shardMember(doc)
}

// Special files and oversized reports are refused as recordings are.
func TestReadShardReportRefusesDirectories(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadShardReport(dir)
	assert.ErrorContains(t, err, dir+": not a regular file (a directory)")
}
