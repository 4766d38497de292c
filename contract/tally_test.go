package contract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A tally's report says what the report of every result says (summary, findings
// in order, coverage), while it keeps only the results with findings.
func TestTallyAgreesWithEveryResult(t *testing.T) {
	set := loadReal(t)
	files, err := RecordingFiles([]string{"../contracttests/testdata", "testdata/har"})
	require.NoError(t, err)
	for _, strict := range []bool{false, true} {
		opts := Options{Strict: strict}
		full := &Report{Recordings: len(files)}
		tally := set.NewTally(false, true)
		all := set.NewTally(true, false)
		for _, f := range files {
			results, _, err := set.CheckEntries(f, opts)
			require.NoError(t, err)
			full.Results = append(full.Results, results...)
			for _, r := range results {
				tally.Add(r)
				all.Add(r)
			}
		}
		got := tally.Report()
		got.Recordings = len(files)
		require.Greater(t, full.Summary().Failed, 0, "the negative fixtures have findings")
		require.Less(t, full.Summary().Failed, len(full.Results), "and the documented calls none")
		assert.Equal(t, full.Summary(), got.Summary())
		assert.Equal(t, full.Findings(), got.Findings())
		assert.Len(t, got.Results, full.Summary().Failed)
		cov := set.Coverage(full.Results)
		assert.Equal(t, &cov, tally.Coverage())
		assert.Len(t, all.Report().Results, len(full.Results), "keepAll keeps every result")
		assert.Nil(t, all.Coverage(), "coverage only when asked")
	}
}
