package contract

// ShardRun describes a run that checked one shard of the recordings. The JSON
// report of such a run (Report.Shard set) carries it, with every interaction the
// shard checked, so that Merge can put the shards' reports back together.
type ShardRun struct {
	Shard      Shard
	Strict     bool       // Options.Strict of the run
	Specs      []SpecFile // what the interactions were checked against
	Recordings []string   // every recording of the run, in report order
	Entries    int        // the interactions in them, other shards' included
}

// shardJSON is the "shard" member of the JSON report of a ShardRun.
type shardJSON struct {
	Index      int          `json:"index"`
	Count      int          `json:"count"`
	Strict     bool         `json:"strict"`
	Specs      []SpecFile   `json:"specs"`
	Recordings []string     `json:"recordings"`
	Entries    int          `json:"entries"`
	Results    []resultJSON `json:"results"`
}

// resultJSON is a Result without its findings, which the report lists already.
type resultJSON struct {
	Recording string `json:"recording"`
	Entry     int    `json:"entry"`
	Method    string `json:"method"`
	Path      string `json:"path"`
	Operation string `json:"operation,omitempty"`
	Spec      string `json:"spec,omitempty"`
	Status    int    `json:"status"`
	Validator string `json:"validator,omitempty"`
}

// shardJSON is the shard member of r's JSON report, nil when r is not a shard's.
func (r *Report) shardJSON() *shardJSON {
	if r.Shard == nil {
		return nil
	}
	sh := r.Shard
	out := &shardJSON{Index: sh.Shard.Index, Count: sh.Shard.Count, Strict: sh.Strict,
		Specs: sh.Specs, Recordings: sh.Recordings, Entries: sh.Entries, Results: []resultJSON{}}
	if out.Specs == nil {
		out.Specs = []SpecFile{}
	}
	if out.Recordings == nil {
		out.Recordings = []string{}
	}
	for _, res := range r.Results {
		out.Results = append(out.Results, resultJSON{Recording: res.Recording, Entry: res.Entry,
			Method: res.Method, Path: res.Path, Operation: res.Operation, Spec: res.Spec,
			Status: res.Status, Validator: res.Validator})
	}
	return out
}
