// Command ratios reads `go test -bench` output on stdin and prints how acsgen
// compares with the other clients, validators and generators against the targets
// in BENCHMARKS.md, marking each target met or missed.
//
//	cd bench && go test -run '^$' -bench . | go run ./cmd/ratios
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	results, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ratios:", err)
		os.Exit(2)
	}
	if len(results) == 0 {
		fmt.Fprintln(os.Stderr, "ratios: no benchmark results on stdin")
		os.Exit(2)
	}
	report(os.Stdout, results)
}

// metrics of one benchmark, by unit: "ns/op", "B/op", "allocs/op", "interactions/s" ...
type metrics map[string]float64

// benchLine is "BenchmarkName/sub#01-2   	 123	 456.7 ns/op	 8 B/op ...": the
// "#01" of a sub-benchmark run again, and the "-2" of GOMAXPROCS, are not part of
// the name.
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:#\d+)?(?:-\d+)?\s+\d+\s+(.*)$`)

// parse collects the metrics of every benchmark line. Of a benchmark measured more
// than once (rounds, or -count) it keeps, unit by unit, the median.
func parse(r io.Reader) (map[string]metrics, error) {
	runs := map[string][]metrics{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		m := benchLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		fields := strings.Fields(m[2])
		ms := metrics{}
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: value %q of %s is not a number", m[1], fields[i], fields[i+1])
			}
			ms[fields[i+1]] = v
		}
		name := strings.TrimPrefix(m[1], "Benchmark")
		runs[name] = append(runs[name], ms)
	}
	out := map[string]metrics{}
	for name, ms := range runs {
		out[name] = medians(ms)
	}
	return out, sc.Err()
}

// medians is, for every unit, the median of the runs' values (the mean of the
// middle two for an even count).
func medians(runs []metrics) metrics {
	values := map[string][]float64{}
	for _, ms := range runs {
		for unit, v := range ms {
			values[unit] = append(values[unit], v)
		}
	}
	out := metrics{}
	for unit, vs := range values {
		slices.Sort(vs)
		n := len(vs)
		out[unit] = (vs[(n-1)/2] + vs[n/2]) / 2
	}
	return out
}

// target is one comparison: of over base in unit, at most limit (0: informational).
type target struct {
	of, base, unit string
	limit          float64
}

var targets = []target{
	{"GetPluginAttachment/acsgen", "GetPluginAttachment/darabonba", "ns/op", 0.35}, // issue 18
	{"GetPluginAttachment/acsgen", "GetPluginAttachment/darabonba", "allocs/op", 0.30},
	{"GetPluginAttachment/acsgen", "GetPluginAttachment/floor", "ns/op", 1.15},
	{"GetPluginAttachment/acsgen", "GetPluginAttachment/oapi-codegen", "ns/op", 0},
	{"AttachPlugin/acsgen", "AttachPlugin/alibaba-cloud-sdk-go", "ns/op", 0.40}, // issue 18
	{"AttachPlugin/acsgen", "AttachPlugin/darabonba", "ns/op", 0},
	{"AttachPlugin/acsgen", "AttachPlugin/floor", "ns/op", 0},
	{"ValidateResponse/compiled", "ValidateResponse/kin-openapi", "ns/op", 0.10},
	{"Generate/acsgen", "Generate/oapi-codegen", "ns/op", 0.45}, // issue 18
	{"ContractThroughput/compiled", "ContractThroughput/kin-openapi", "ns/op", 0.25},
	{"ContractThroughput/compiled", "ContractThroughput/openapi3filter", "ns/op", 0.25},
}

func report(w io.Writer, results map[string]metrics) {
	fmt.Fprintf(w, "%-28s %-36s %-10s %9s %8s  %s\n", "acsgen", "against", "unit", "ratio", "target", "verdict")
	for _, t := range targets {
		a, b := results[t.of][t.unit], results[t.base][t.unit]
		if results[t.of] == nil || results[t.base] == nil || b == 0 {
			fmt.Fprintf(w, "%-28s %-36s %-10s %9s\n", t.of, t.base, t.unit, "n/a")
			continue
		}
		ratio := a / b
		limit, verdict := "-", ""
		if t.limit > 0 {
			limit, verdict = fmt.Sprintf("≤%.2f", t.limit), "met"
			if ratio > t.limit {
				verdict = "MISSED"
			}
		}
		fmt.Fprintf(w, "%-28s %-36s %-10s %9.3f %8s  %s\n", t.of, t.base, t.unit, ratio, limit, verdict)
	}
	if m := results["GenerateScaling/1000"]; m != nil {
		verdict := "met"
		if m["ns/op"] >= 5e9 {
			verdict = "MISSED"
		}
		fmt.Fprintf(w, "GenerateScaling/1000: %.2f s per spec (target < 5 s): %s\n", m["ns/op"]/1e9, verdict)
	}
	scaling(w, results)
	for _, name := range []string{"ContractThroughput/compiled", "ContractThroughput/kin-openapi", "ContractThroughput/openapi3filter"} {
		if m := results[name]; m != nil {
			fmt.Fprintf(w, "%s: %.0f interactions/s\n", name, m["interactions/s"])
		}
	}
}

// scalingSizes are the GenerateScaling sub-benchmarks, in operations.
var scalingSizes = []int{100, 1000, 5000}

// maxGrowth is how much more per operation the largest size may cost than the
// cheapest: linear growth keeps the cost per operation flat, within noise.
const maxGrowth = 1.5

// scaling checks that generation time and memory grow linearly with the number of
// operations: the cost per operation at any size stays within maxGrowth of the least.
func scaling(w io.Writer, results map[string]metrics) {
	for _, unit := range []string{"ns/op", "B/op"} {
		var per []float64
		for _, n := range scalingSizes {
			m := results[fmt.Sprintf("GenerateScaling/%d", n)]
			if m == nil || m[unit] == 0 {
				return
			}
			per = append(per, m[unit]/float64(n))
		}
		lo, hi := per[0], per[0]
		for _, p := range per {
			lo, hi = min(lo, p), max(hi, p)
		}
		verdict := "met"
		if hi/lo > maxGrowth {
			verdict = "MISSED"
		}
		fmt.Fprintf(w, "GenerateScaling %s per operation at 100/1000/5000: %.0f / %.0f / %.0f, max/min %.2f (linear: ≤%.1f): %s\n",
			unit, per[0], per[1], per[2], hi/lo, maxGrowth, verdict)
	}
}
