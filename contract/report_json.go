package contract

import (
	"bytes"
	"encoding/json"
	"io"
)

// jsonReport is the JSON report: a summary, every finding in result order, the
// coverage when asked for, and for the run of one shard what Merge needs. Field
// names and order are stable.
type jsonReport struct {
	Summary  Summary    `json:"summary"`
	Findings []Finding  `json:"findings"`
	Coverage *Coverage  `json:"coverage,omitempty"`
	Shard    *shardJSON `json:"shard,omitempty"`
}

// writeJSON prints the JSON report. encoding/json escapes C0 controls, U+2028
// and U+2029; escapeEncoded escapes DEL, C1 and format characters as well, so
// the document holds none of them raw and still decodes to the recorded text.
func (r *Report) writeJSON(w io.Writer) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jsonReport{Summary: r.Summary(), Findings: r.Findings(), Coverage: r.Coverage, Shard: r.shardJSON()}); err != nil {
		return err
	}
	_, err := w.Write(escapeEncoded(b.Bytes(), jsonRef))
	return err
}
