package contract

import (
	"fmt"
	"io"
	"slices"
)

// Report is everything a check run prints.
type Report struct {
	Recordings int
	// Results are the interactions checked; a report made by a Tally lists only
	// those with findings (unless it keeps all) and counts the others.
	Results  []Result
	Coverage *Coverage // nil unless coverage was asked for
	Shard    *ShardRun // the shard the run checked; nil when it checked everything

	unlisted, unlistedCompiled int // passing results a Tally counted without keeping them
}

// Summary counts a run.
type Summary struct {
	Recordings   int            `json:"recordings"`
	Interactions int            `json:"interactions"`
	Failed       int            `json:"failed"` // interactions with at least one finding
	Findings     int            `json:"findings"`
	ByRule       map[string]int `json:"byRule"`
	// Compiled counts the response bodies generated code checked (the rest were
	// kin-openapi's); see Set.UseCompiled.
	Compiled int `json:"compiled"`
}

// Summary counts the report's recordings, interactions and findings.
func (r *Report) Summary() Summary {
	s := Summary{Recordings: r.Recordings, Interactions: len(r.Results) + r.unlisted, Compiled: r.unlistedCompiled, ByRule: map[string]int{}}
	for _, res := range r.Results {
		if len(res.Findings) > 0 {
			s.Failed++
		}
		if res.Validator == ValidatorCompiled {
			s.Compiled++
		}
		for _, f := range res.Findings {
			s.Findings++
			s.ByRule[f.Rule]++
		}
	}
	return s
}

// Findings lists every finding in result order.
func (r *Report) Findings() []Finding {
	out := []Finding{}
	for _, res := range r.Results {
		out = append(out, res.Findings...)
	}
	return out
}

func (s Summary) String() string {
	out := fmt.Sprintf("%d interaction(s) in %d recording(s), %d finding(s)", s.Interactions, s.Recordings, s.Findings)
	if s.Compiled > 0 {
		out += fmt.Sprintf("; %d response body(ies) checked by compiled validators", s.Compiled)
	}
	return out
}

// Formats are the report formats Write knows.
var Formats = []string{"text", "json", "junit", "github"}

// Write prints the report in format. Coverage, when present, is part of the text
// and JSON reports; the junit and github formats are for machines that would not
// understand it, and the caller prints it elsewhere with WriteCoverage.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "text":
		return r.writeText(w)
	case "json":
		return r.writeJSON(w)
	case "junit":
		return r.writeJUnit(w)
	case "github":
		return r.writeGitHub(w)
	}
	return fmt.Errorf("unknown format %q; want one of %v", format, Formats)
}

// CoverageInline reports whether format prints coverage itself.
func CoverageInline(format string) bool {
	return slices.Contains([]string{"text", "json"}, format)
}
