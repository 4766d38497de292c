package contract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Leaving coverage out changes no finding, with compiled checks and without,
// strict or not; it only leaves Coverage without fields.
func TestNoCoverageKeepsTheFindings(t *testing.T) {
	for _, compiled := range []bool{false, true} {
		set := loadReal(t)
		if compiled {
			require.Positive(t, set.UseCompiled(compiledSpecs...))
		}
		for _, strict := range []bool{false, true} {
			var with, without []Result
			for _, path := range repoRecordings(t) {
				a, err := set.CheckRecording(path, Options{Strict: strict})
				require.NoError(t, err)
				b, err := set.CheckRecording(path, Options{Strict: strict, NoCoverage: true})
				require.NoError(t, err)
				with, without = append(with, a...), append(without, b...)
			}
			require.Len(t, without, len(with))
			for i := range with {
				assert.Equal(t, with[i].Findings, without[i].Findings, "%s#%d", with[i].Recording, with[i].Entry)
				assert.Equal(t, with[i].Validator, without[i].Validator)
				assert.Nil(t, without[i].fields)
				ix, err := ReadRecording(with[i].Recording)
				require.NoError(t, err)
				checked := set.Check(ix[with[i].Entry], Options{Strict: strict})
				for j := range checked {
					checked[j].Recording, checked[j].Entry = with[i].Recording, with[i].Entry
				}
				assert.Equal(t, with[i].Findings, checked, "Check gives Examine's findings")
			}
			full, bare := set.Coverage(with), set.Coverage(without)
			require.Len(t, bare.Specs, len(full.Specs))
			for i, sc := range bare.Specs {
				for j, oc := range sc.Operations {
					want := full.Specs[i].Operations[j]
					assert.Equal(t, want.Calls, oc.Calls)
					assert.Equal(t, want.Statuses, oc.Statuses)
					assert.Empty(t, oc.SeenFields)
					assert.Equal(t, want.Fields, oc.Fields)
				}
			}
			if compiled {
				ov1, err := set.Suggest(with)
				require.NoError(t, err)
				ov2, err := set.Suggest(without)
				require.NoError(t, err)
				assert.Equal(t, ov1, ov2, "suggestions need no coverage")
			}
		}
	}
}
