package contract

// Tally gathers the results of a run as they come, so that checking any number of
// interactions keeps only what the report prints: the results that have findings
// (every result with KeepAll: the JUnit report lists each interaction, and a
// shard's JSON report hands each on to Merge), counts of the others, and their
// coverage folded per operation. Memory then follows the findings, not the
// recordings.
type Tally struct {
	set      *Set
	keepAll  bool
	coverage bool
	seen     coverageSeen
	report   Report
}

// NewTally starts the tally of a run over the set. With keepAll every result is
// kept; with coverage, Coverage reports what the results exercised.
func (s *Set) NewTally(keepAll, coverage bool) *Tally {
	return &Tally{set: s, keepAll: keepAll, coverage: coverage}
}

// Add counts one result, keeping it when it has findings or the tally keeps all.
func (t *Tally) Add(r Result) {
	if t.coverage {
		t.seen.add(r)
	}
	if t.keepAll || len(r.Findings) > 0 {
		t.report.Results = append(t.report.Results, r)
		return
	}
	t.report.unlisted++
	if r.Validator == ValidatorCompiled {
		t.report.unlistedCompiled++
	}
}

// Report is the run's report so far: the kept results in the order they were
// added, and the others counted in its Summary.
func (t *Tally) Report() *Report { return &t.report }

// Coverage is what the results added so far exercised; nil unless the tally
// was started with coverage.
func (t *Tally) Coverage() *Coverage {
	if !t.coverage {
		return nil
	}
	c := t.set.coverage(t.seen)
	return &c
}
