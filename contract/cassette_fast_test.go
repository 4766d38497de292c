package contract

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v4"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/cassette"
	"gopkg.in/dnaeon/go-vcr.v4/pkg/recorder"
)

// cassetteRead is what reading a cassette gave: the interactions fn saw, in
// order, and the error, if any.
type cassetteRead struct {
	ixs []Interaction
	err string
}

func collect(read func(func(int, Interaction) error) error) cassetteRead {
	var out cassetteRead
	err := read(func(i int, ix Interaction) error {
		if i != len(out.ixs) {
			return fmt.Errorf("interaction %d given as %d", len(out.ixs), i)
		}
		out.ixs = append(out.ixs, ix)
		return nil
	})
	if err != nil {
		out.err = err.Error()
	}
	return out
}

// readFastAndFull reads src, as the file path, with fastCassette and with the
// full parser alone, and reports whether the fast reader took it.
func readFastAndFull(path, src string) (taken bool, fast, full cassetteRead) {
	fast = collect(func(fn func(int, Interaction) error) error {
		var err error
		taken, err = fastCassette(path, []byte(src), nil, fn)
		return err
	})
	full = collect(func(fn func(int, Interaction) error) error {
		return yamlCassette(path, strings.NewReader(src), fn)
	})
	return taken, fast, full
}

// requireAgrees holds the fast reader to the full one on src: it either
// declines without calling fn, or gives what the full reader gives.
func requireAgrees(t *testing.T, src string) bool {
	t.Helper()
	taken, fast, full := readFastAndFull("c.yaml", src)
	if !taken {
		require.Empty(t, fast.ixs, "declined after giving interactions")
		require.Empty(t, fast.err, "declined with an error")
		return false
	}
	require.Equal(t, full, fast, "the fast reader differs from yaml/v4 on\n%s", src)
	requireSizes(t, src)
	return true
}

// requireSizes holds the decoded size the fast reader notes for each value of
// src, which it allocates by, to the value it then decodes.
func requireSizes(t *testing.T, src string) {
	t.Helper()
	r := fastReader{src: []byte(src)}
	require.True(t, r.cassette())
	var vals []fastValue
	for _, ix := range r.ixs {
		vals = append(vals, ix.url, ix.method, ix.body, ix.respBody)
	}
	for _, e := range r.entries {
		vals = append(vals, e.name)
	}
	for _, v := range append(vals, r.vals...) {
		value := r.appendValue(nil, v)
		require.Len(t, value, int(v.size), "the size noted for %q (style %q) in\n%s", value, v.style, src)
	}
}

// seedCassettes are the repository's cassettes and the corpus of FuzzReadCassette.
func seedCassettes(tb testing.TB) map[string]string {
	tb.Helper()
	out := map[string]string{}
	files, _ := filepath.Glob("../contracttests/testdata/*/*.yaml")
	require.NotEmpty(tb, files)
	for _, p := range files {
		data, err := os.ReadFile(p)
		require.NoError(tb, err)
		out[p] = string(data)
	}
	corpus, _ := filepath.Glob("testdata/fuzz/FuzzReadCassette/*")
	for _, p := range corpus {
		data, err := os.ReadFile(p)
		require.NoError(tb, err)
		_, lit, _ := strings.Cut(strings.TrimSpace(string(data)), "[]byte(")
		s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
		require.NoError(tb, err, p)
		out[p] = s
	}
	return out
}

// Every committed cassette was written by go-vcr, so the fast reader takes each
// one, and reads it as yaml/v4 does; so does the reader large cassettes are
// written with in the memory tests.
func TestFastCassetteReadsTheSeeds(t *testing.T) {
	for p, src := range seedCassettes(t) {
		t.Run(p, func(t *testing.T) {
			taken := requireAgrees(t, src)
			if strings.HasSuffix(p, ".yaml") {
				assert.True(t, taken, "declined a committed cassette")
			}
		})
	}
	// The reading pass allocates its scratch space and its notes, slices that
	// grow by doubling: ten times the interactions add a few allocations, not
	// one per interaction.
	var allocs []float64
	for _, n := range []int{60, 600} {
		path, _ := largeRecording(t, t.TempDir(), "yaml", n)
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		allocs = append(allocs, testing.AllocsPerRun(10, func() {
			r := fastReader{src: data}
			require.True(t, r.cassette())
			require.Len(t, r.ixs, n)
		}))
		assert.True(t, requireAgrees(t, string(data)), "declined what cassetteEntryYAML writes")
	}
	t.Logf("allocations reading 60 and 600 interactions: %v", allocs)
	assert.LessOrEqual(t, allocs[0], 32.0)
	assert.LessOrEqual(t, allocs[1], allocs[0]+20) // one per interaction would be 540
}

// Cassettes written by go-vcr's own recorder, with values chosen to need each
// of yaml/v4's styles, are taken by the fast reader and read as yaml/v4 does.
func TestFastCassetteReadsGoVCROutput(t *testing.T) {
	bodies := []string{
		"", "{}", "{\n  \"a\": 1\n}\n", "line\n\n\nthree breaks before\n", "no final break\nx",
		"two final breaks\n\n", " leading space\nx\n", "\n\nleading breaks", "trailing space \nx\n",
		"tab\tinside\n\tand leading\n", "\x00\x01 binary \xff\xfe", "中文 body, 日本語\n",
		"# not a comment\n- not a list\n", "'quoted'", "\"dq\"", "a: b", "key: value\nother: 2\n",
		"null", "true", "123", "2026-03-16", "- x", "*alias", "&anchor", "!tag", "%", "@", "`",
		strings.Repeat("long line ", 500), "crlf\r\nlines\r\n", "\u2028ls\u0085nel\ufeff",
	}
	values := []string{
		"application/json", "2024-03-27", "2026-03-16T08:00:00Z", "*", "- x", "a: b", "#x", "x #y",
		"true", "null", "~", "", " ", "123", "0x1F", "1e3", "-0", ".inf", "'", "\"", "\\", "é", "\t",
		"[a]", "{a}", "a, b", "?x", ":x", "x:", "<<", "=", "yes", "No", "on",
	}
	var handler http.HandlerFunc = func(w http.ResponseWriter, req *http.Request) {
		i, _ := strconv.Atoi(req.URL.Query().Get("i"))
		for j, v := range values {
			w.Header().Add(fmt.Sprintf("X-Value-%d", j), v)
		}
		w.Header()["lower-case"] = []string{"a", "b"}
		w.WriteHeader(200 + i%300)
		io.WriteString(w, bodies[i%len(bodies)])
	}
	srv := httptest.NewServer(handler)
	defer srv.Close()

	dir := t.TempDir()
	name := filepath.Join(dir, "govcr")
	rec, err := recorder.New(name, recorder.WithMode(recorder.ModeRecordOnly), recorder.WithSkipRequestLatency(true))
	require.NoError(t, err)
	client := rec.GetDefaultClient()
	for i := range 2 * len(bodies) {
		body := strings.NewReader(bodies[(i+1)%len(bodies)])
		req, err := http.NewRequest("POST", srv.URL+"/p%20ath/"+strconv.Itoa(i)+"?i="+strconv.Itoa(i)+"&q=a%26b#frag", body)
		require.NoError(t, err)
		req.Header.Set("X-Acs-Date", "2026-03-16T08:00:00Z")
		req.Header.Set("X-Odd", values[i%len(values)])
		resp, err := client.Do(req)
		require.NoError(t, err)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	require.NoError(t, rec.Stop())
	data, err := os.ReadFile(name + ".yaml")
	require.NoError(t, err)
	require.True(t, requireAgrees(t, string(data)), "declined go-vcr's own output")
	ixs, err := ReadCassette(name + ".yaml")
	require.NoError(t, err)
	require.Len(t, ixs, 2*len(bodies))
	assert.Equal(t, bodies[3], string(ixs[3].RespBody))
	assert.Equal(t, bodies[4], string(ixs[3].Body))

	// An empty cassette is "interactions: []".
	c := cassette.New(filepath.Join(dir, "empty"))
	c.MarshalFunc = yaml.Marshal // what the recorder sets
	require.NoError(t, c.Save())
	data, err = os.ReadFile(filepath.Join(dir, "empty.yaml"))
	require.NoError(t, err)
	require.True(t, requireAgrees(t, string(data)), "declined %q", data)
}

// The fields the fast reader knows are go-vcr's, of the kinds it expects.
func TestFastFieldsAreGoVCRs(t *testing.T) {
	kinds := map[reflect.Type]byte{reflect.TypeFor[string](): 's', reflect.TypeFor[int](): 'i', reflect.TypeFor[int64](): 'i',
		reflect.TypeFor[bool](): 'b', reflect.TypeFor[[]string](): 'l', reflect.TypeFor[http.Header](): 'h'}
	for _, c := range []struct {
		typ    reflect.Type
		fields []fastField
	}{{reflect.TypeFor[cassette.Request](), requestFields}, {reflect.TypeFor[cassette.Response](), responseFields}} {
		var want []fastField
		for f := range c.typ.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			kind, ok := kinds[f.Type]
			switch {
			case f.Type.String() == "time.Duration":
				kind = 'd'
			case f.Type.String() == "url.Values":
				kind = 'h'
			case !ok:
				t.Fatalf("%s.%s: a type the fast reader does not know", c.typ, f.Name)
			}
			want = append(want, fastField{name, kind})
		}
		assert.Equal(t, want, c.fields, c.typ.String())
	}
}

// fastBase is a cassette as go-vcr writes it, which the fast reader takes.
const fastBase = `---
version: 2
interactions:
    - id: 0
      request:
        proto: HTTP/1.1
        proto_major: 1
        content_length: 0
        headers:
            Accept:
                - application/json
            X-Acs-Date:
                - "2026-03-16T08:00:00Z"
        url: https://h.example.com/v1/x?a=b
        method: GET
      response:
        body: |
            {"ok": true}
        headers:
            Content-Type:
                - application/json
        status: 200 OK
        code: 200
        duration: 1.5ms
`

// Each construct the fast reader does not read makes it decline before giving
// any interaction, and eachCassette then reads as yaml/v4 does.
func TestFastCassetteDeclines(t *testing.T) {
	require.True(t, requireAgrees(t, fastBase))
	for _, c := range []struct{ name, old, new string }{
		{"anchor and alias", "body: |\n            {\"ok\": true}", "body: &b x\n        trailer:\n            X:\n                - *b"},
		{"tag", "code: 200", "code: !!int 200"},
		{"string tag", "method: GET", "method: !!str GET"},
		{"flow mapping", "      request:\n        proto: HTTP/1.1", "      request: {proto: HTTP/1.1}\n      x:\n        proto: HTTP/1.1"},
		{"flow sequence", "            Accept:\n                - application/json", "            Accept: [application/json]"},
		{"empty flow sequence", "            Accept:\n                - application/json", "            Accept: []"},
		{"folded scalar", "body: |", "body: >"},
		{"literal with a comment", "body: |", "body: | # c"},
		{"literal with a trailing space", "body: |", "body: | "},
		{"literal with a blank line", "{\"ok\": true}", "{\"ok\": true}\n            \n            x"},
		{"literal without content", "body: |\n            {\"ok\": true}", "body: |"},
		{"literal with a tab", "            {\"ok\": true}", "            \t{\"ok\": true}"},
		{"literal too little indented", "            {\"ok\": true}", "        {\"ok\": true}"},
		{"comment line", "        method: GET", "        # c\n        method: GET"},
		{"trailing comment", "method: GET", "method: GET # c"},
		{"blank line", "        method: GET", "\n        method: GET"},
		{"tab", "        method: GET", "\tmethod: GET"},
		{"multi-line plain", "method: GET", "method: GET\n          AND MORE"},
		{"multi-line double-quoted", `- "2026-03-16T08:00:00Z"`, "- \"2026-03-16\n                  T08:00:00Z\""},
		{"line continuation", `- "2026-03-16T08:00:00Z"`, "- \"2026-03-16\\\n                  T08:00:00Z\""},
		{"unknown escape", `- "2026-03-16T08:00:00Z"`, `- "a\/b"`},
		{"surrogate escape", `- "2026-03-16T08:00:00Z"`, `- "\ud800"`},
		{"unknown top-level key", "version: 2", "version: 2\nx: 1"},
		{"unknown key", "method: GET", "method: GET\n        extra: 1"},
		{"repeated key", "method: GET", "method: GET\n        method: PUT"},
		{"repeated header", "            Accept:\n", "            Accept:\n                - a\n            Accept:\n"},
		{"repeated quoted header", "            Accept:\n", "            Accept:\n                - a\n            \"Accept\":\n"},
		{"another version", "version: 2", "version: 1"},
		{"no version", "version: 2\n", ""},
		{"indentless sequence", "    - id: 0\n      request", "- id: 0\n  request"},
		{"indentless header list", "                - application/json", "            - application/json"},
		{"dash with more spaces", "    - id: 0\n      request:", "    -   id: 0\n        request:"},
		{"uneven keys", "      response:", "       response:"},
		{"document end", "duration: 1.5ms\n", "duration: 1.5ms\n...\n"},
		{"second document", "duration: 1.5ms\n", "duration: 1.5ms\n---\nversion: 2\n"},
		{"no final line break", "duration: 1.5ms\n", "duration: 1.5ms"},
		{"carriage returns", "\n", "\r\n"},
		{"byte order mark", "---\n", "\ufeff---\n"},
		{"timestamp as a string", "method: GET", "method: 2026-03-16"},
		{"null", "method: GET", "method: ~"},
		{"empty value", "method: GET", "method:"},
		{"boolean as a string", "method: GET", "method: true"},
		{"quoted int", "code: 200", `code: "200"`},
		{"hex int", "code: 200", "code: 0xC8"},
		{"long int", "code: 200", "code: 2000000000000"},
		{"bad duration", "duration: 1.5ms", "duration: soon"},
		{"float duration", "duration: 1.5ms", "duration: 1.5"},
		{"bad base64", "status: 200 OK", "status: !!binary A"},
		{"quoted base64", "status: 200 OK", `status: !!binary "AAAA"`},
		{"long key", "            Accept:\n", `            "` + strings.Repeat("a", 1001) + "\":\n"},
		{"merge key", "        method: GET", "        <<: {method: GET}"},
		{"null interaction", "    - id: 0\n", "    - ~\n    - id: 0\n"},
		{"no interactions", "interactions:\n", "other:\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.Contains(t, fastBase, c.old)
			src := strings.Replace(fastBase, c.old, c.new, 1)
			assert.False(t, requireAgrees(t, src), "took\n%s", src)
			path := filepath.Join(t.TempDir(), "c.yaml")
			require.NoError(t, os.WriteFile(path, []byte(src), 0o600))
			got := collect(func(fn func(int, Interaction) error) error { return eachCassette(path, fn) })
			want := collect(func(fn func(int, Interaction) error) error {
				return yamlCassette(path, strings.NewReader(src), fn)
			})
			require.Equal(t, want, got)
		})
	}
}

// Aliases are read by the full parser, within the expansion limit.
func TestFastCassetteLeavesAliasesToYAML(t *testing.T) {
	src := aliasCassette(3, 100)
	require.False(t, requireAgrees(t, src))
	path := filepath.Join(t.TempDir(), "c.yaml")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o600))
	ixs, err := ReadCassette(path)
	require.NoError(t, err)
	require.Len(t, ixs, 3)
	assert.Equal(t, strings.Repeat("x", 100), string(ixs[2].RespBody))
}

// The fast reader's errors are the full reader's: a request URL that does not
// parse (its query left out), and fn's own error, after the interactions before.
func TestFastCassetteErrors(t *testing.T) {
	src := strings.Replace(fastBase, "https://h.example.com/v1/x?a=b", "'http://a/%zz?Signature=secret'", 1)
	require.True(t, requireAgrees(t, src))
	_, fast, _ := readFastAndFull("c.yaml", src)
	assert.Equal(t, `c.yaml: interaction 0: request URL "http://a/%zz?…" does not parse: invalid URL escape "%zz"`, fast.err)

	two := strings.Replace(fastBase, "interactions:\n", "interactions:\n"+strings.SplitN(fastBase, "interactions:\n", 2)[1], 1)
	n := 0
	taken, err := fastCassette("c.yaml", []byte(two), nil, func(int, Interaction) error {
		n++
		return io.ErrUnexpectedEOF
	})
	assert.True(t, taken)
	assert.Equal(t, io.ErrUnexpectedEOF, err)
	assert.Equal(t, 1, n)
}

// FuzzFastCassette holds the fast reader to yaml/v4 on mutations of the seed
// cassettes: it either declines without calling fn, or gives the interactions
// and the error the full parser gives.
func FuzzFastCassette(f *testing.F) {
	for _, src := range seedCassettes(f) {
		f.Add([]byte(src))
	}
	f.Add([]byte(fastBase))
	f.Add([]byte(strings.ReplaceAll(fastBase, "    ", "  ")))
	f.Add([]byte("version: 2\ninteractions: []\n"))
	f.Add([]byte("version: 2\ninteractions:\n  - response:\n      body: |2-\n          x\n\n         y\n      status: !!binary AAEg\n"))
	f.Add([]byte("version: 2\ninteractions:\n  - request:\n      headers:\n        \"a\\tb\\u00e9\\x41\\N\":\n          - 'it''s'\n          - |+\n            z\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		requireAgrees(t, string(data))
	})
}

// Scalars of every style, in every place a cassette has one, are read as
// yaml/v4 reads them or declined.
func TestFastCassetteAgreesOnScalars(t *testing.T) {
	scalars := []string{
		"GET", "200 OK", "a b", "-x", "?x", ":x", "x:y", "x#y", "x,y", "[x", "x]", "{x", "-", "?", ":", "x:", "x :",
		"0", "1", "-1", "+1", "007", "0x1F", "0o17", "1_000", "1e3", "1.5", ".5", "-.5", ".inf", "-.inf", ".nan", "-0", "-0.0",
		"123456789", "1234567890", "-123456789", "2026-03-16", "2026-3-6", "2026-03-16T08:00:00Z", "2026-03-16 08:00:00",
		"20260-1", "1s", "1.5ms", "-2h", "+3m", "1h2m3s", "5µs", "1us", "0s", "1", "soon",
		"true", "True", "TRUE", "false", "yes", "no", "on", "off", "y", "n", "null", "Null", "~", "<<", "=",
		`""`, `"x"`, `"a\"b"`, `"\t\n\\\/"`, `"\x41\u00e9\U0001F600"`, `"\uD800"`, `"\x"`, `"\q"`, `"\ "`, `"\N\_\L\P\0\a\b\v\f\r\e"`,
		`"\'"`, `"é"`, `"a`, `"a" `, `"a"b`, `''`, `'x'`, `'it''s'`, `'a`, `'a''`, `'''`, `'a' `, "\"a\tb\"", "'a\tb'",
		"!!binary AAEg", "!!binary AAE=", "!!binary A", "!!binary", "!!str x", "!x x", "&a x", "*a", "|", "|-", "|+", "|2", "|-2", "|2-",
		"|0", "|10", "|x", "| ", ">", "x # c", "x #", "x ", "é", "中文", "\tx", "x\ty",
	}
	taken, total := 0, 0
	blocks := []string{"\n{x}\n", "\n  indented more\nback\n", "\n\nafter blank\n", "\nlast\n\n\n", "\n\tx\n", "\nx\n\ty\n"}
	for _, place := range []struct{ old, new string }{
		{"method: GET", "method: %s"}, {"- application/json", "- %s"}, {"code: 200", "code: %s"},
		{"duration: 1.5ms", "duration: %s"}, {"proto_major: 1", "proto_major: %s"}, {"            Accept:", "            %s:"},
		{"status: 200 OK", "status: %s"}, {"content_length: 0", "content_length: %s"},
		{"    - id: 0", "    - id: %s"},
	} {
		for _, s := range scalars {
			if requireAgrees(t, strings.Replace(fastBase, place.old, fmt.Sprintf(place.new, s), 1)) {
				taken++
			}
			total++
		}
	}
	for _, hdr := range []string{"|", "|-", "|+", "|2", "|6", "|4-", "|+5"} {
		for _, b := range blocks {
			lines := strings.Split(b, "\n")
			for i, l := range lines {
				if l != "" {
					lines[i] = "            " + l
				}
			}
			body := "body: " + hdr + strings.Join(lines, "\n")
			requireAgrees(t, strings.Replace(fastBase, "body: |\n            {\"ok\": true}\n", body, 1))
			item := "- " + hdr + strings.ReplaceAll(strings.Join(lines, "\n"), "\n            ", "\n                  ")
			requireAgrees(t, strings.Replace(fastBase, "- application/json\n", item, 1))
		}
	}
	t.Logf("the fast reader took %d of %d scalars in place", taken, total)
	assert.Greater(t, taken, total/5)
}

// quoteOrBackslash finds what a byte-by-byte search finds, wherever the bytes
// sit in the eight-byte words it reads, next to bytes that borrow.
func TestQuoteOrBackslash(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte{'a', '"', '\\', 0x00, 0x01, 0x21, 0x5b, 0x80, 0xff}
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s, from := string(b), rng.IntN(len(b)+1)
		want := strings.IndexAny(s[from:], "\"\\")
		if want >= 0 {
			want += from
		}
		require.Equal(t, want, quoteOrBackslash(b, from), "%q from %d", s, from)
	}
}

// What shortDuration takes for a duration, time.ParseDuration reads.
func TestShortDurationIsParseDurations(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"0", "1", "9", "5", ".", "-", "+", "ns", "us", "µs", "μs", "ms", "s", "m", "h", "x", "", "e"}
	taken := 0
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if shortDuration([]byte(s)) {
			taken++
			_, err := time.ParseDuration(s)
			require.NoError(t, err, "%q", s)
		}
	}
	for _, s := range []string{"0s", "1.5ms", "123456h", "999999.999999999h", ".5s", "5.s", "1µs", "2μs"} {
		assert.True(t, shortDuration([]byte(s)), s)
	}
	t.Logf("%d taken", taken)
}

// Cassettes read at once, on goroutines that keep what they read while the
// others reuse the pooled buffers, read as each does alone: nothing read
// keeps a buffer's bytes.
func TestReadCassetteConcurrently(t *testing.T) {
	files, _ := filepath.Glob("../contracttests/testdata/*/*.yaml")
	require.NotEmpty(t, files)
	want := map[string][]Interaction{}
	for _, f := range files {
		ixs, err := ReadCassette(f)
		require.NoError(t, err)
		want[f] = ixs
	}
	got := make([]map[string][]Interaction, 8)
	var wg sync.WaitGroup
	for g := range got {
		got[g] = map[string][]Interaction{}
		wg.Go(func() {
			for i := range 3 * len(files) {
				f := files[(i*(g+1))%len(files)]
				ixs, err := ReadCassette(f)
				if err == nil {
					got[g][f] = ixs
				}
			}
		})
	}
	wg.Wait()
	for _, read := range got {
		for f, ixs := range read {
			require.Equal(t, want[f], ixs, f)
		}
	}
}
