package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sample = `goos: linux
BenchmarkGetPluginAttachment/acsgen-2         	    5000	     60000 ns/op	    9000 B/op	      90 allocs/op
BenchmarkGetPluginAttachment/darabonba-2      	    1000	    200000 ns/op	   90000 B/op	    1000 allocs/op
BenchmarkGetPluginAttachment/floor-2          	    5000	     50000 ns/op	    8000 B/op	      80 allocs/op
BenchmarkValidateResponse/compiled-2          	 3000000	       300 ns/op	       0 B/op	       0 allocs/op
BenchmarkValidateResponse/kin-openapi-2       	   20000	     70000 ns/op	    2856 B/op	      46 allocs/op
BenchmarkGenerateScaling/100-2                	       1	 500000000 ns/op	   5000000 ns/operation	 40000000 B/op	 1 allocs/op
BenchmarkGenerateScaling/1000-2               	       1	6000000000 ns/op	   6000000 ns/operation	400000000 B/op	 1 allocs/op
BenchmarkGenerateScaling/5000-2               	       1	50000000000 ns/op	  10000000 ns/operation	2000000000 B/op	 1 allocs/op
BenchmarkContractThroughput/compiled-2        	       1	900000000 ns/op	     11111 interactions/s	 1 B/op	 1 allocs/op
BenchmarkContractThroughput/kin-openapi-2     	       1	1800000000 ns/op	      5555 interactions/s	 1 B/op	 1 allocs/op
BenchmarkContractThroughput/openapi3filter-2  	       1	3600000000 ns/op	      2778 interactions/s	 1 B/op	 1 allocs/op
PASS`

func TestParseAndReport(t *testing.T) {
	results, err := parse(strings.NewReader(sample))
	require.NoError(t, err)
	assert.Equal(t, 60000.0, results["GetPluginAttachment/acsgen"]["ns/op"])
	assert.Equal(t, 11111.0, results["ContractThroughput/compiled"]["interactions/s"])

	var out strings.Builder
	report(&out, results)
	text := out.String()
	assert.Contains(t, text, "GetPluginAttachment/acsgen   GetPluginAttachment/darabonba        ns/op          0.300    ≤0.35  met")
	assert.Contains(t, text, "GetPluginAttachment/acsgen   GetPluginAttachment/floor            ns/op          1.200    ≤1.15  MISSED")
	assert.Contains(t, text, "AttachPlugin/acsgen          AttachPlugin/alibaba-cloud-sdk-go    ns/op            n/a")
	assert.Contains(t, text, "GenerateScaling/1000: 6.00 s per spec (target < 5 s): MISSED")
	assert.Contains(t, text, "GenerateScaling ns/op per operation at 100/1000/5000: 5000000 / 6000000 / 10000000, max/min 2.00 (linear: ≤1.5): MISSED")
	assert.Contains(t, text, "GenerateScaling B/op per operation at 100/1000/5000: 400000 / 400000 / 400000, max/min 1.00 (linear: ≤1.5): met")
	assert.Contains(t, text, "ContractThroughput/compiled: 11111 interactions/s")
	assert.Contains(t, text, "ContractThroughput/kin-openapi: 5555 interactions/s")
	assert.Contains(t, text, "ContractThroughput/compiled  ContractThroughput/kin-openapi       ns/op          0.500    ≤0.25  MISSED")
	assert.Contains(t, text, "ContractThroughput/compiled  ContractThroughput/openapi3filter    ns/op          0.250    ≤0.25  met")
	assert.Contains(t, text, "ContractThroughput/openapi3filter: 2778 interactions/s")
}

// Rounds of the same benchmark (name#01, name#02) and -count repeats reduce to the
// median, unit by unit.
func TestParseTakesTheMedianOfRounds(t *testing.T) {
	results, err := parse(strings.NewReader(`BenchmarkCall/acsgen-2  10  300 ns/op  9 B/op
BenchmarkCall/acsgen#01-2  10  100 ns/op  7 B/op
BenchmarkCall/acsgen#02-2  10  200 ns/op  8 B/op
BenchmarkCall/floor-2  10  100 ns/op
BenchmarkCall/floor-2  10  50 ns/op
BenchmarkCall/floor#01  10  70 ns/op
BenchmarkCall/floor#01  10  90 ns/op`))
	require.NoError(t, err)
	assert.Equal(t, metrics{"ns/op": 200, "B/op": 8}, results["Call/acsgen"])
	assert.Equal(t, metrics{"ns/op": 80}, results["Call/floor"])
	assert.Len(t, results, 2)
}

func TestParseRejectsGarbledNumbers(t *testing.T) {
	_, err := parse(strings.NewReader("BenchmarkX-2  10  abc ns/op"))
	require.ErrorContains(t, err, `X: value "abc" of ns/op is not a number`)
}
