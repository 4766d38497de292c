// Command recordmem measures the peak memory of `acsgen contract` on large
// recordings: a HAR file of about a gibibyte and go-vcr cassettes of 100,000
// interactions, written from the committed recordings, each checked by the acsgen
// binary in a child process whose peak resident set the kernel reports. It prints
// a Markdown table and exits 1 when a bound of issue 18 does not hold: for HAR,
// peak ≤ 4 × the largest entry + C, C being the peak of checking a HAR of 1 MiB of
// the same entries (what the process needs whatever it reads: the binary, the
// runtime, the specs, the pools and the coverage of every operation the entries
// call) plus a slack of 16 MiB; for a cassette, peak ≤ 4 × the file + C.
//
//	cd bench && go run ./cmd/recordmem [-har-mib 1024] [-cassette 100000]
//
// The files are written under a temporary directory and removed afterwards.
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/yaml.v3"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == measureArg {
		measure(os.Args[2:])
		return
	}
	harMiB := flag.Int("har-mib", 1024, "size of the HAR file, in MiB")
	entries := flag.Int("cassette", 100_000, "interactions in the cassette")
	root := flag.String("root", "..", "the acsgen repository (its spec/ and contracttests/testdata/)")
	keep := flag.String("keep", "", "write the recordings and the binary into `DIR` and keep them (default: a temporary directory, removed)")
	flag.Parse()
	if err := run(*root, *keep, int64(*harMiB)<<20, *entries); err != nil {
		fmt.Fprintln(os.Stderr, "recordmem:", err)
		os.Exit(1)
	}
}

func run(root, dir string, harSize int64, entries int) error {
	sources, err := loadSources(filepath.Join(root, "contracttests", "testdata"))
	if err != nil {
		return err
	}
	if dir == "" {
		if dir, err = os.MkdirTemp("", "recordmem-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(dir, "acsgen")
	build := exec.Command("go", "build", "-o", bin, "./cmd/acsgen")
	build.Dir, build.Stderr = root, os.Stderr // the main module: bench's does not require all acsgen needs
	if err := build.Run(); err != nil {
		return fmt.Errorf("build acsgen: %w", err)
	}
	spec := filepath.Join(root, "spec")

	one := filepath.Join(dir, "small.har")
	smallN, _, err := writeHAR(one, sources, 1<<20)
	if err != nil {
		return err
	}
	base, err := peakRSS(bin, spec, one)
	if err != nil {
		return err
	}
	large := filepath.Join(dir, "large.har")
	n, largest, err := writeHAR(large, sources, harSize)
	if err != nil {
		return err
	}
	harPeak, err := peakRSS(bin, spec, large)
	if err != nil {
		return err
	}
	harInfo, err := os.Stat(large)
	if err != nil {
		return err
	}

	// One cassette is read whole and may hold at most contract.MaxRecordingSize,
	// so the interactions go into cassettes of perCassette each, in a directory
	// of their own: the bound follows the largest.
	casDir := filepath.Join(dir, "cassettes")
	if err := os.MkdirAll(casDir, 0o755); err != nil {
		return err
	}
	var casSize, casLargest int64
	small := smallest(sources)
	for i := 0; i*perCassette < entries; i++ {
		path := filepath.Join(casDir, fmt.Sprintf("part-%03d.yaml", i))
		if err := writeCassette(path, small, min(perCassette, entries-i*perCassette)); err != nil {
			return err
		}
		info, err := os.Stat(path)
		if err != nil {
			return err
		}
		casSize += info.Size()
		casLargest = max(casLargest, info.Size())
	}
	casPeak, err := peakRSS(bin, spec, casDir)
	if err != nil {
		return err
	}

	harBound := 4*uint64(largest) + base + slack
	casBound := 4*uint64(casLargest) + base + slack
	mib := func(v uint64) string { return fmt.Sprintf("%.1f MiB", float64(v)/(1<<20)) }
	fmt.Println("| recording | interactions | size | largest entry or file | peak RSS | bound | verdict |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---|")
	fmt.Printf("| HAR of 1 MiB (C = this + %s) | %d | 1.0 MiB | — | %s | — | — |\n", mib(slack), smallN, mib(base))
	fmt.Printf("| HAR | %d | %s | %.1f KiB | %s | %s | %s |\n", n, mib(uint64(harInfo.Size())), float64(largest)/(1<<10), mib(harPeak), mib(harBound), verdict(harPeak, harBound))
	fmt.Printf("| %d cassettes | %d | %s | %s | %s | %s | %s |\n", (entries+perCassette-1)/perCassette, entries, mib(uint64(casSize)),
		mib(uint64(casLargest)), mib(casPeak), mib(casBound), verdict(casPeak, casBound))
	if harPeak > harBound || casPeak > casBound {
		return errors.New("a bound does not hold")
	}
	return nil
}

// perCassette interactions of the smallest sources make a cassette of about
// 50 MiB, under contract.MaxRecordingSize.
const perCassette = 50_000

// slack is what a long run may hold beyond a short one whatever the file's size:
// more of the binary's code paged in, the runtime's own bookkeeping, and heap
// pages the scavenger has not yet returned. Measured: 1 to 2 MiB for 256 MiB.
const slack = 16 << 20

func verdict(peak, bound uint64) string {
	if peak <= bound {
		return "within"
	}
	return "over"
}

// measureArg makes the command run one acsgen contract and print its peak RSS.
const measureArg = "-measure-child"

// peakRSS runs acsgen contract on recording and returns its peak resident set.
// It goes through a fresh copy of this command: Go starts a child with vfork,
// and Linux then counts the parent's peak (this process holds the cassette it
// wrote) in the child's, so the measuring parent must itself be small. Its few
// MiB are in the one-entry constant as in every other figure.
func peakRSS(bin, spec, recording string) (uint64, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(self, measureArg, bin, "contract", "--spec", spec, recording)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("acsgen contract %s: %w", filepath.Base(recording), err)
	}
	var peak uint64
	if _, err := fmt.Sscan(string(out), &peak); err != nil {
		return 0, fmt.Errorf("acsgen contract %s: peak %q: %w", filepath.Base(recording), out, err)
	}
	return peak, nil
}

// measure runs args and prints the peak RSS in bytes. Findings (exit 1) are
// accepted: they are the report's business. Only exit 2, a failed run, fails.
func measure(args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		fmt.Fprintf(os.Stderr, "%v: %s", err, stderr.String())
		os.Exit(2)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "no resource usage on this system")
		os.Exit(2)
	}
	fmt.Println(uint64(ru.Maxrss) << 10) // KiB on Linux
}

// loadSources reads every interaction of the committed cassettes of documented
// calls under dir (not the negative fixtures: production traffic mostly passes,
// and the results with findings are what a report keeps).
func loadSources(dir string) ([]*cassette.Interaction, error) {
	var out []*cassette.Interaction
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") || strings.Contains(p, "negative") {
			return err
		}
		c, err := cassette.Load(strings.TrimSuffix(p, ".yaml"))
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, c.Interactions...)
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("no cassettes under %s", dir)
	}
	return out, err
}

// smallest keeps the interactions of the smallest bodies, a third of them, with
// only the headers that route and type them, so that 100,000 fit in one cassette
// under contract's size limit (contract.MaxRecordingSize).
func smallest(ixs []*cassette.Interaction) []*cassette.Interaction {
	size := func(ix *cassette.Interaction) int { return len(ix.Request.Body) + len(ix.Response.Body) }
	sorted := slices.Clone(ixs)
	slices.SortStableFunc(sorted, func(a, b *cassette.Interaction) int { return size(a) - size(b) })
	keep := func(h map[string][]string, names ...string) map[string][]string {
		out := map[string][]string{}
		for _, n := range names {
			if v, ok := h[n]; ok {
				out[n] = v
			}
		}
		return out
	}
	var out []*cassette.Interaction
	for _, ix := range sorted[:max(1, len(sorted)/3)] {
		c := *ix
		c.Request.Headers = keep(ix.Request.Headers, "X-Acs-Action", "X-Acs-Version", "Content-Type")
		c.Response.Headers = keep(ix.Response.Headers, "Content-Type")
		out = append(out, &c)
	}
	return out
}

type harPair struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

func pairs(h map[string][]string) []harPair {
	out := []harPair{}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range h {
			if !yield(k) {
				return
			}
		}
	}) {
		for _, v := range h[k] {
			out = append(out, harPair{k, v})
		}
	}
	return out
}

// harEntry is one entry as browsers export it, the response body in base64.
func harEntry(ix *cassette.Interaction) ([]byte, error) {
	req := map[string]any{"method": ix.Request.Method, "url": ix.Request.URL, "httpVersion": "HTTP/1.1",
		"headers": pairs(ix.Request.Headers), "queryString": []any{}, "cookies": []any{}, "headersSize": -1, "bodySize": len(ix.Request.Body)}
	if ix.Request.Body != "" {
		req["postData"] = map[string]any{"mimeType": ix.Request.Headers.Get("Content-Type"), "text": ix.Request.Body}
	}
	resp := map[string]any{"status": ix.Response.Code, "statusText": "", "httpVersion": "HTTP/1.1",
		"headers": pairs(ix.Response.Headers), "cookies": []any{}, "redirectURL": "", "headersSize": -1, "bodySize": len(ix.Response.Body),
		"content": map[string]any{"size": len(ix.Response.Body), "mimeType": ix.Response.Headers.Get("Content-Type"),
			"text": base64.StdEncoding.EncodeToString([]byte(ix.Response.Body)), "encoding": "base64"}}
	return json.Marshal(map[string]any{"startedDateTime": "2026-12-01T00:00:00Z", "time": 1, "request": req, "response": resp,
		"cache": map[string]any{}, "timings": map[string]any{"send": 0, "wait": 1, "receive": 0}})
}

// writeHAR writes entries round-robin from sources until the file reaches size
// bytes (at least one entry), one entry at a time. It returns the number of
// entries and the largest.
func writeHAR(path string, sources []*cassette.Interaction, size int64) (n, largest int, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	written, _ := fmt.Fprint(w, `{"log":{"version":"1.2","creator":{"name":"recordmem","version":"1"},"entries":[`)
	total := int64(written)
	for n == 0 || total < size {
		entry, err := harEntry(sources[n%len(sources)])
		if err != nil {
			return 0, 0, err
		}
		if n > 0 {
			w.WriteString(",\n")
			total += 2
		}
		w.Write(entry)
		total += int64(len(entry))
		largest = max(largest, len(entry))
		n++
	}
	w.WriteString("]}}\n")
	if err := w.Flush(); err != nil {
		return 0, 0, err
	}
	return n, largest, f.Close()
}

// writeCassette writes n interactions round-robin from sources with go-vcr's own
// writer, as its recorder saves them.
func writeCassette(path string, sources []*cassette.Interaction, n int) error {
	c := cassette.New(strings.TrimSuffix(path, ".yaml"))
	c.MarshalFunc = yaml.Marshal // the recorder sets this; a bare cassette has none
	for i := range n {
		ix := *sources[i%len(sources)]
		c.AddInteraction(&ix)
	}
	return c.Save()
}
