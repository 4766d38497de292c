package contracttests

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/contract"
)

// TestNegativeFixtures requires each cassette under testdata/negative to produce
// exactly the findings of its .want file (one per line), in strict mode. Every
// fixture must produce at least one finding: a fixture that passes is not negative.
func TestNegativeFixtures(t *testing.T) {
	set := loadSet(t)
	for _, p := range cassettes(t, true) {
		t.Run(p, func(t *testing.T) {
			findings, _, err := set.CheckFile(p, contract.Options{Strict: true})
			require.NoError(t, err)
			require.NotEmpty(t, findings, "a negative fixture must break the contract")
			var b strings.Builder
			for _, f := range findings {
				b.WriteString(f.String())
				b.WriteByte('\n')
			}
			wantFile := strings.TrimSuffix(p, ".yaml") + ".want"
			if *update {
				require.NoError(t, os.WriteFile(wantFile, []byte(b.String()), 0o644))
				return
			}
			want, err := os.ReadFile(wantFile)
			require.NoError(t, err, "run %s", updateCmd)
			assert.Equal(t, string(want), b.String(), "findings differ from %s; run %s after checking them", wantFile, updateCmd)
		})
	}
}
