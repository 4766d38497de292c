package contracttests

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
)

// TestRecordingsConform runs the strict contract check over every recording of a
// documented call: request and response validate with openapi3filter and nothing
// undocumented appears.
func TestRecordingsConform(t *testing.T) {
	set := loadSet(t)
	for _, p := range cassettes(t, false) {
		t.Run(p, func(t *testing.T) {
			findings, n, err := set.CheckFile(p, contract.Options{Strict: true})
			require.NoError(t, err)
			require.Positive(t, n, "no interactions")
			for _, f := range findings {
				assert.Fail(t, "finding", f.String())
			}
		})
	}
}
