package contract

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/internal/memprobe"
)

// largeRecording writes n interactions, drawn round-robin from the repository's
// recordings, as one HAR file (kind "har") or one go-vcr cassette ("yaml"), entry
// by entry so the writer holds one at a time. It returns the file and the size
// of its largest entry.
func largeRecording(tb testing.TB, dir, kind string, n int) (string, int) {
	tb.Helper()
	var sources []Interaction
	for _, p := range []string{"../contracttests/testdata/apig", "../contracttests/testdata/cloudapi", "testdata/har"} {
		files, err := RecordingFiles([]string{p})
		require.NoError(tb, err)
		for _, f := range files {
			ixs, err := ReadRecording(f)
			require.NoError(tb, err)
			sources = append(sources, ixs...)
		}
	}
	path := filepath.Join(dir, "large."+kind)
	f, err := os.Create(path)
	require.NoError(tb, err)
	w := bufio.NewWriter(f)
	largest := 0
	if kind == "har" {
		fmt.Fprint(w, `{"log":{"version":"1.2","creator":{"name":"acsgen test","version":"1"},"entries":[`)
	} else {
		fmt.Fprint(w, "---\nversion: 2\ninteractions:\n")
	}
	for i := range n {
		var entry []byte
		if kind == "har" {
			entry = harEntryJSON(tb, sources[i%len(sources)])
			if i > 0 {
				w.WriteString(",\n")
			}
		} else {
			entry = cassetteEntryYAML(tb, i, sources[i%len(sources)])
		}
		largest = max(largest, len(entry))
		w.Write(entry)
	}
	if kind == "har" {
		fmt.Fprint(w, "]}}\n")
	}
	require.NoError(tb, w.Flush())
	require.NoError(tb, f.Close())
	return path, largest
}

func harEntryJSON(tb testing.TB, ix Interaction) []byte {
	pairs := func(h map[string][]string) []harPair {
		out := []harPair{}
		for k, vs := range h {
			for _, v := range vs {
				out = append(out, harPair{Name: k, Value: v})
			}
		}
		return out
	}
	req := &harRequest{Method: ix.Method, URL: ix.URL, Headers: pairs(ix.Header)}
	if len(ix.Body) > 0 {
		text := string(ix.Body)
		req.PostData = &harPost{MimeType: ix.Header.Get("Content-Type"), Text: &text}
	}
	text := base64.StdEncoding.EncodeToString(ix.RespBody)
	data, err := json.Marshal(harEntry{Request: req, Response: &harResponse{Status: ix.Status, Headers: pairs(ix.RespHeader),
		Content: &harContent{Size: len(ix.RespBody), Text: &text, Encoding: "base64"}}})
	require.NoError(tb, err)
	return data
}

// cassetteEntryYAML writes one interaction as go-vcr does, strings quoted.
func cassetteEntryYAML(tb testing.TB, id int, ix Interaction) []byte {
	q := func(s string) string {
		b, err := json.Marshal(s)
		require.NoError(tb, err)
		return string(b)
	}
	headers := func(h map[string][]string, indent string) string {
		var b strings.Builder
		for k, vs := range h {
			fmt.Fprintf(&b, "%s%s:\n", indent, q(k))
			for _, v := range vs {
				fmt.Fprintf(&b, "%s  - %s\n", indent, q(v))
			}
		}
		return b.String()
	}
	return []byte(fmt.Sprintf("  - id: %d\n    request:\n      proto: HTTP/1.1\n      body: %s\n      headers:\n%s      url: %s\n      method: %s\n"+
		"    response:\n      proto: HTTP/1.1\n      body: %s\n      headers:\n%s      status: %s\n      code: %d\n      duration: 1ms\n",
		id, q(string(ix.Body)), headers(ix.Header, "        "), q(ix.URL), ix.Method,
		q(string(ix.RespBody)), headers(ix.RespHeader, "        "), q(fmt.Sprint(ix.Status)), ix.Status))
}

// harReadBound is what reading a HAR file may hold at most, measured with
// memprobe.PeakLiveHeap: four times its largest entry, plus a constant for the
// buffers and the garbage the collector lets pile up between cycles.
func harReadBound(largestEntry int) uint64 { return uint64(4*largestEntry) + 4<<20 }

// resultBound is what CheckEntries may keep per interaction, beyond reading: its
// Result without the decoded body (measured: about 1.1 KiB with findings), and
// garbage not yet collected.
const resultBound = 2 << 10

// Reading a HAR file holds one entry at a time: ten times the entries, ten times
// the file, and the peak heap stays within the same bound of the largest entry.
// Checking it adds the results, a bounded amount per interaction.
// BenchmarkLargeRecordings measures 100,000 entries.
func TestHARMemoryFollowsTheEntryNotTheFile(t *testing.T) {
	set := loadReal(t)
	for _, n := range []int{1_000, 10_000} {
		path, largest := largeRecording(t, t.TempDir(), "har", n)
		count := 0
		var err error
		peak := memprobe.PeakLiveHeap(func() {
			err = EachInteraction(path, func(int, Interaction) error { count++; return nil })
		})
		require.NoError(t, err)
		require.Equal(t, n, count)
		info, err := os.Stat(path)
		require.NoError(t, err)
		t.Logf("%d entries: peak live heap %d KiB", n, peak>>10)
		assert.Less(t, peak, harReadBound(largest), "%d entries (%d MiB, largest entry %d KiB): peak heap %d KiB",
			n, info.Size()>>20, largest>>10, peak>>10)

		var results []Result
		peak = memprobe.PeakLiveHeap(func() { results, count, err = set.CheckEntries(path, Options{Strict: true}) })
		require.NoError(t, err)
		require.Len(t, results, n)
		assert.Less(t, peak, harReadBound(largest)+uint64(n*resultBound), "checking %d entries: peak heap %d KiB", n, peak>>10)
		results = nil

		// As acsgen contract checks it: a tally keeps the results with findings,
		// a fixed number per pass over the sources, whatever n is.
		var tally *Tally
		peak = memprobe.PeakLiveHeap(func() {
			tally = set.NewTally(false, true)
			count, err = set.CheckEach(path, Options{Strict: true}, tally.Add)
		})
		require.NoError(t, err)
		failed := tally.Report().Summary().Failed
		require.Equal(t, n, tally.Report().Summary().Interactions)
		t.Logf("%d entries, tallied: peak live heap %d KiB, %d with findings", n, peak>>10, failed)
		assert.Less(t, peak, harReadBound(largest)+uint64(failed*resultBound), "checking %d entries with a tally: peak heap %d KiB", n, peak>>10)
	}
}

// BenchmarkLargeRecordings reports the peak heap (peak-MiB: the largest heap
// above what was live before, garbage included) of reading a HAR file of 100,000
// entries and a cassette of 20,000 (as many as fit in MaxRecordingSize), and of
// checking them with CheckEntries, beside the file's size (file-MiB) and its
// largest entry (entry-KiB).
//
//	go test -run '^$' -bench BenchmarkLargeRecordings -benchtime 1x ./contract
func BenchmarkLargeRecordings(b *testing.B) {
	set, err := Load(realSpecs)
	require.NoError(b, err)
	for _, bc := range []struct {
		kind string
		n    int
	}{{"har", 100_000}, {"yaml", 20_000}} {
		path, largest := largeRecording(b, b.TempDir(), bc.kind, bc.n)
		info, err := os.Stat(path)
		require.NoError(b, err)
		for _, step := range []string{"read", "check"} {
			b.Run(fmt.Sprintf("%s-%d/%s", bc.kind, bc.n, step), func(b *testing.B) {
				var peak uint64
				for b.Loop() {
					count := 0
					peak = max(peak, memprobe.PeakHeap(func() {
						if step == "read" {
							err = EachInteraction(path, func(int, Interaction) error { count++; return nil })
						} else {
							var results []Result
							results, count, err = set.CheckEntries(path, Options{})
							_ = results
						}
					}))
					require.NoError(b, err)
					require.Equal(b, bc.n, count)
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
				b.ReportMetric(float64(info.Size())/(1<<20), "file-MiB")
				b.ReportMetric(float64(largest)/(1<<10), "entry-KiB")
			})
		}
	}
}

// Reading a cassette holds its text once, its notes and one interaction at a
// time beside it: the peak heap stays within four times the file.
func TestCassetteMemoryFollowsTheFile(t *testing.T) {
	path, _ := largeRecording(t, t.TempDir(), "yaml", 2_000)
	info, err := os.Stat(path)
	require.NoError(t, err)
	count := 0
	peak := memprobe.PeakLiveHeap(func() {
		err = EachInteraction(path, func(int, Interaction) error { count++; return nil })
	})
	require.NoError(t, err)
	require.Equal(t, 2_000, count)
	t.Logf("%d KiB cassette: peak live heap %d KiB", info.Size()>>10, peak>>10)
	assert.Less(t, peak, uint64(4*info.Size()), "peak heap %d KiB reading %d KiB", peak>>10, info.Size()>>10)
}
