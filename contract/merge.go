package contract

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/acsgen/acsgen/internal/boundedfile"
)

// MaxReportSize bounds the size of a shard's report that Merge reads.
const MaxReportSize = 512 << 20

// A ShardReport is the JSON report of a run of one shard, read back by
// ReadShardReport.
type ShardReport struct {
	Path     string
	Run      ShardRun
	results  []Result // findings attached
	coverage *Coverage
}

// ReadShardReport reads the JSON report of one shard's run (acsgen contract
// --shard K/N --format json). Every problem names the file and where in it.
func ReadShardReport(path string) (*ShardReport, error) {
	data, err := boundedfile.Read(path, MaxReportSize, "report")
	if err != nil {
		return nil, err
	}
	var doc jsonReport
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: not a JSON report of acsgen contract: %s", path, jsonError(data, err))
	}
	if dec.More() {
		return nil, fmt.Errorf("%s: %s: more after the report's end", path, lineCol(data, dec.InputOffset()))
	}
	sh := doc.Shard
	if sh == nil {
		return nil, fmt.Errorf("%s: not the report of a shard (it has no \"shard\" member); "+
			"write one with acsgen contract --shard K/N --format json", path)
	}
	if sh.Count < 1 || sh.Count > MaxShards || sh.Index < 1 || sh.Index > sh.Count {
		return nil, fmt.Errorf("%s: shard: index %d of count %d is no shard; want 1 ≤ index ≤ count ≤ %d",
			path, sh.Index, sh.Count, MaxShards)
	}
	if sh.Entries < 0 {
		return nil, fmt.Errorf("%s: shard.entries: %d is negative", path, sh.Entries)
	}
	rep := &ShardReport{Path: path, coverage: doc.Coverage, Run: ShardRun{
		Shard: Shard{Index: sh.Index, Count: sh.Count}, Strict: sh.Strict,
		Specs: sh.Specs, Recordings: sh.Recordings, Entries: sh.Entries,
	}}
	recordings := map[string]bool{}
	for i, rec := range sh.Recordings {
		if recordings[rec] {
			return nil, fmt.Errorf("%s: shard.recordings[%d]: %q is listed twice", path, i, rec)
		}
		recordings[rec] = true
	}
	at := map[entryKey]int{}
	for i, res := range sh.Results {
		k := entryKey{res.Recording, res.Entry}
		switch _, dup := at[k]; {
		case !recordings[res.Recording]:
			return nil, fmt.Errorf("%s: shard.results[%d]: recording %q is not in shard.recordings", path, i, res.Recording)
		case res.Entry < 0:
			return nil, fmt.Errorf("%s: shard.results[%d]: entry %d is negative", path, i, res.Entry)
		case dup:
			return nil, fmt.Errorf("%s: shard.results[%d]: %s#%d is listed twice", path, i, res.Recording, res.Entry)
		}
		at[k] = i
		rep.results = append(rep.results, Result{Recording: res.Recording, Entry: res.Entry, Method: res.Method,
			Path: res.Path, Operation: res.Operation, Spec: res.Spec, Status: res.Status, Validator: res.Validator,
			Findings: []Finding{}})
	}
	for i, f := range doc.Findings {
		j, ok := at[entryKey{f.Recording, f.Entry}]
		if !ok {
			return nil, fmt.Errorf("%s: findings[%d]: %s#%d is not among shard.results", path, i, f.Recording, f.Entry)
		}
		rep.results[j].Findings = append(rep.results[j].Findings, f)
	}
	return rep, nil
}

type entryKey struct {
	recording string
	entry     int
}

// Merge puts the reports of every shard of one run back together: the report a
// single run over all the recordings would have given, coverage included. The
// shards must agree on what they checked (the specs, their digests, the
// recordings, --strict, coverage or not), and each of 1/N to N/N must be there
// exactly once.
func Merge(reports []*ShardReport) (*Report, error) {
	if len(reports) == 0 {
		return nil, errors.New("no reports to merge")
	}
	reports = slices.Clone(reports)
	slices.SortStableFunc(reports, func(a, b *ShardReport) int { return cmp.Compare(a.Run.Shard.Index, b.Run.Shard.Index) })
	first := reports[0]
	n := first.Run.Shard.Count
	byIndex := map[int]string{}
	for _, r := range reports {
		if err := sameRun(first, r); err != nil {
			return nil, err
		}
		if other, dup := byIndex[r.Run.Shard.Index]; dup {
			return nil, fmt.Errorf("%s: shard %s again (%s is that shard too)", r.Path, r.Run.Shard, other)
		}
		byIndex[r.Run.Shard.Index] = r.Path
	}
	var missing []string
	for k := 1; k <= n; k++ {
		if _, ok := byIndex[k]; !ok {
			missing = append(missing, Shard{Index: k, Count: n}.String())
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the report of shard %s is missing: a merge needs the reports of all %d shards",
			strings.Join(missing, ", "), n)
	}

	order := map[string]int{}
	for i, rec := range first.Run.Recordings {
		order[rec] = i
	}
	out := &Report{Recordings: len(first.Run.Recordings)}
	from := map[entryKey]string{}
	for _, r := range reports {
		for _, res := range r.results {
			k := entryKey{res.Recording, res.Entry}
			if other, dup := from[k]; dup {
				return nil, fmt.Errorf("%s: %s#%d was checked by %s too: were the shards cut from the same recordings?",
					r.Path, res.Recording, res.Entry, other)
			}
			from[k] = r.Path
			out.Results = append(out.Results, res)
		}
	}
	if len(out.Results) != first.Run.Entries {
		return nil, fmt.Errorf("the shards checked %d interaction(s), but the recordings hold %d: "+
			"were they all run with the same recordings and --shard N?", len(out.Results), first.Run.Entries)
	}
	slices.SortFunc(out.Results, func(a, b Result) int {
		return cmp.Or(cmp.Compare(order[a.Recording], order[b.Recording]), cmp.Compare(a.Entry, b.Entry))
	})
	if first.coverage != nil {
		cov, err := mergeCoverage(reports)
		if err != nil {
			return nil, err
		}
		out.Coverage = cov
	}
	return out, nil
}

// sameRun reports how r was not cut from the same run as first.
func sameRun(first, r *ShardReport) error {
	a, b := first.Run, r.Run
	var what string
	switch {
	case a.Shard.Count != b.Shard.Count:
		what = fmt.Sprintf("is shard %s, but %s is shard %s", b.Shard, first.Path, a.Shard)
	case a.Strict != b.Strict:
		what = fmt.Sprintf("was run with strict %t, but %s with strict %t", b.Strict, first.Path, a.Strict)
	case !slices.Equal(a.Specs, b.Specs):
		what = fmt.Sprintf("was checked against the specs %s, but %s against %s", specList(b.Specs), first.Path, specList(a.Specs))
	case !slices.Equal(a.Recordings, b.Recordings):
		what = "read other recordings than " + first.Path + ": " + listDiff(a.Recordings, b.Recordings)
	case a.Entries != b.Entries:
		what = fmt.Sprintf("counted %d interaction(s) in the recordings, but %s %d", b.Entries, first.Path, a.Entries)
	case (first.coverage == nil) != (r.coverage == nil):
		what = fmt.Sprintf("has %s, but %s has %s", coverageWord(r.coverage), first.Path, coverageWord(first.coverage))
	default:
		return nil
	}
	return fmt.Errorf("%s %s; merge the shards of one run, all made with the same arguments", r.Path, what)
}

func coverageWord(c *Coverage) string {
	if c == nil {
		return "no coverage"
	}
	return "coverage"
}

// specList is "[spec/a.yaml (0123456789ab), …]".
func specList(specs []SpecFile) string {
	var parts []string
	for _, s := range specs {
		parts = append(parts, s.File+" ("+s.SHA256[:min(12, len(s.SHA256))]+")")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// listDiff names the first recording where want and got part.
func listDiff(want, got []string) string {
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			return fmt.Sprintf("recording %d is %q, not %q", i+1, got[i], want[i])
		}
	}
	if len(got) > len(want) {
		return fmt.Sprintf("%q is one more", got[len(want)])
	}
	return fmt.Sprintf("%q is missing", want[len(got)])
}
