package contract

import (
	"encoding/json"
	"io"
)

// jsonReport is the JSON report: a summary, every finding in result order, and the
// coverage when asked for. Field names and order are stable.
type jsonReport struct {
	Summary  Summary   `json:"summary"`
	Findings []Finding `json:"findings"`
	Coverage *Coverage `json:"coverage,omitempty"`
}

func (r *Report) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jsonReport{Summary: r.Summary(), Findings: r.Findings(), Coverage: r.Coverage})
}
