//go:build unix

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummaryOrdersBeforeItPicks(t *testing.T) {
	assert.Equal(t, "median 0.50, quartiles 0.40 to 0.60", summary([]float64{0.6, 0.9, 0.4, 0.5, 0.1}))
}

func TestMeasureGivesARatioPerRound(t *testing.T) {
	wall, cpu, err := measure([]string{"../../../spec/cloudapi-2016-07-14.yaml"}, 2)
	require.NoError(t, err)
	require.Len(t, wall, 2)
	require.Len(t, cpu, 2)
	for i := range wall {
		assert.Positive(t, wall[i])
		assert.Positive(t, cpu[i])
	}
	_, _, err = measure([]string{"missing.yaml"}, 1)
	assert.ErrorContains(t, err, "missing.yaml")
}
