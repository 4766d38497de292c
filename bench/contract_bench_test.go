package bench

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/yaml.v3"

	"github.com/acsgen/acsgen/contract"
	"github.com/acsgen/acsgen/generated/apig/apigcheck"
	"github.com/acsgen/acsgen/generated/cloudapi/cloudapicheck"
)

const (
	throughputInteractions = 10_000
	perCassette            = 100 // interactions per file: what one worker holds in memory
)

// writeRecordings copies the committed recordings of documented calls (not the
// negative fixtures) round-robin into total/perCassette go-vcr cassettes under dir.
func writeRecordings(tb testing.TB, dir string, total int) []string {
	tb.Helper()
	var sources []*cassette.Interaction
	err := filepath.WalkDir(recordings, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") || strings.Contains(p, "negative") {
			return err
		}
		c, err := cassette.Load(strings.TrimSuffix(p, ".yaml"))
		if err != nil {
			return err
		}
		sources = append(sources, c.Interactions...)
		return nil
	})
	require.NoError(tb, err)
	require.NotEmpty(tb, sources)
	var files []string
	for f := 0; f*perCassette < total; f++ {
		name := filepath.Join(dir, fmt.Sprintf("recording-%03d", f))
		c := cassette.New(name)
		c.MarshalFunc = yaml.Marshal // the recorder sets this; a bare cassette has none
		for i := range min(perCassette, total-f*perCassette) {
			ix := *sources[(f*perCassette+i)%len(sources)]
			c.AddInteraction(&ix)
		}
		require.NoError(tb, c.Save())
		files = append(files, name+".yaml")
	}
	return files
}

// checkAll streams files through one worker per core; each reads, checks and drops
// one cassette at a time, so memory stays bounded by the number of workers. check
// returns the number of findings of one interaction.
func checkAll(check func(contract.Interaction) int, files []string) (checked, findings int64, err error) {
	return checkAllWith(contract.ReadCassette, check, files)
}

// checkAllWith is checkAll with read reading each cassette.
func checkAllWith(read func(string) ([]contract.Interaction, error), check func(contract.Interaction) int, files []string) (checked, findings int64, err error) {
	paths := make(chan string)
	var wg sync.WaitGroup
	var firstErr atomic.Value
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range paths {
				ixs, err := read(p)
				if err != nil {
					firstErr.CompareAndSwap(nil, err)
					continue
				}
				for _, ix := range ixs {
					atomic.AddInt64(&findings, int64(check(ix)))
					atomic.AddInt64(&checked, 1)
				}
			}
		})
	}
	for _, p := range files {
		paths <- p
	}
	close(paths)
	wg.Wait()
	if e, ok := firstErr.Load().(error); ok {
		return checked, findings, e
	}
	return checked, findings, nil
}

// setCheck checks an interaction with a contract.Set.
func setCheck(set *contract.Set) func(contract.Interaction) int {
	return func(ix contract.Interaction) int { return len(set.Check(ix, contract.Options{})) }
}

// BenchmarkContractThroughput checks 10,000 recorded interactions per iteration,
// with the generated packages' compiled checks of success responses, with
// kin-openapi alone, and with the plain openapi3filter loop a user would write
// (filterLoop).
func BenchmarkContractThroughput(b *testing.B) {
	files := writeRecordings(b, b.TempDir(), throughputInteractions)
	for _, name := range []string{contract.ValidatorCompiled, contract.ValidatorKin, "openapi3filter"} {
		b.Run(name, func(b *testing.B) {
			var check func(contract.Interaction) int
			read := contract.ReadCassette
			if name == "openapi3filter" {
				check = newFilterLoop(b, apigSpec, cloudapiSpec).check
				read = loadCassette
			} else {
				check = setCheck(throughputSet(b, name == contract.ValidatorCompiled))
			}
			checked, findings, err := checkAllWith(read, check, files)
			require.NoError(b, err)
			require.EqualValues(b, throughputInteractions, checked)
			require.Zero(b, findings, "the recordings of documented calls conform")
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := checkAllWith(read, check, files); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(throughputInteractions)*float64(b.N)/b.Elapsed().Seconds(), "interactions/s")
		})
	}
}

// throughputSet loads both specs, using the generated packages' compiled checks if compiled.
func throughputSet(tb testing.TB, compiled bool) *contract.Set {
	tb.Helper()
	set, err := contract.Load([]string{apigSpec, cloudapiSpec})
	require.NoError(tb, err)
	if compiled {
		// The 200, 4XX and 5XX bodies of APIG's 5 operations and CloudAPI's 4.
		require.Equal(tb, 27, set.UseCompiled(apigcheck.CompiledSpec, cloudapicheck.CompiledSpec))
	}
	return set
}

func TestCheckAllStreamsEveryInteraction(t *testing.T) {
	set := throughputSet(t, true)
	files := writeRecordings(t, t.TempDir(), 250)
	require.Len(t, files, 3)
	checked, findings, err := checkAll(setCheck(set), files)
	require.NoError(t, err)
	require.EqualValues(t, 250, checked)
	require.Zero(t, findings)
}

// BenchmarkContractCheck checks the recorded GetPluginAttachment documentation
// example once per iteration: the per-interaction cost without reading files.
func BenchmarkContractCheck(b *testing.B) {
	ixs, err := contract.ReadCassette(filepath.Join(recordings, "apig/GetPluginAttachment.yaml"))
	require.NoError(b, err)
	for _, name := range []string{contract.ValidatorCompiled, contract.ValidatorKin} {
		b.Run(name, func(b *testing.B) {
			set := throughputSet(b, name == contract.ValidatorCompiled)
			r := set.Examine(ixs[0], contract.Options{})
			require.Empty(b, r.Findings)
			require.Equal(b, name, r.Validator)
			b.ReportAllocs()
			for b.Loop() {
				set.Examine(ixs[0], contract.Options{})
			}
		})
	}
}

// BenchmarkReadRecordings reads the cassettes of BenchmarkContractThroughput one
// after another with contract.ReadCassette, checking nothing: the reading share
// of the compiled row on its own (allocs/op is per 10,000 interactions; run it
// under cachegrind for instruction counts, which the shared machine's load
// does not blur).
func BenchmarkReadRecordings(b *testing.B) {
	files := writeRecordings(b, b.TempDir(), throughputInteractions)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, p := range files {
			ixs, err := contract.ReadCassette(p)
			if err != nil {
				b.Fatal(err)
			}
			n += len(ixs)
		}
		if n != throughputInteractions {
			b.Fatal(n)
		}
	}
}
