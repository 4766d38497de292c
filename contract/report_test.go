package contract

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acsgen/acsgen/generator/load"
)

func fixtureReport(t *testing.T, coverage bool) *Report {
	t.Helper()
	set := loadReal(t)
	r := &Report{Recordings: 2, Results: fixtureResults(t, set)}
	if coverage {
		c := set.Coverage(r.Results)
		r.Coverage = &c
	}
	return r
}

func render(t *testing.T, r *Report, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, r.Write(&b, format))
	return b.Bytes()
}

func TestReportGoldens(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			golden(t, "report."+format, render(t, fixtureReport(t, false), format))
		})
	}
	t.Run("coverage", func(t *testing.T) {
		golden(t, "coverage.text", render(t, fixtureReport(t, true), "text"))
	})
	assert.ErrorContains(t, fixtureReport(t, false).Write(&bytes.Buffer{}, "sarif"), `unknown format "sarif"`)
}

func TestJSONReportIsStableAndComplete(t *testing.T) {
	var doc struct {
		Summary  Summary          `json:"summary"`
		Findings []map[string]any `json:"findings"`
		Coverage *Coverage        `json:"coverage"`
	}
	out := render(t, fixtureReport(t, true), "json")
	require.NoError(t, json.Unmarshal(out, &doc))
	assert.Equal(t, Summary{Recordings: 2, Interactions: 7, Failed: 4, Findings: 6,
		ByRule: map[string]int{"enum-drift": 1, "undocumented": 2, "status": 1, "route": 1, "required": 1}}, doc.Summary)
	require.Len(t, doc.Findings, 6)
	for _, f := range doc.Findings {
		for _, k := range []string{"recording", "entry", "rule", "message"} {
			assert.Contains(t, f, k)
		}
	}
	require.NotNil(t, doc.Coverage)
	assert.Equal(t, out, render(t, fixtureReport(t, true), "json"), "the same input gives the same bytes")
}

func TestJUnitReportIsValidXML(t *testing.T) {
	var doc junitSuites
	require.NoError(t, xml.Unmarshal(render(t, fixtureReport(t, false), "junit"), &doc))
	assert.Equal(t, 7, doc.Tests)
	assert.Equal(t, 4, doc.Failures)
	require.Len(t, doc.Suites, 2)
	assert.Equal(t, browserHAR, doc.Suites[0].Name)
	require.Len(t, doc.Suites[0].Cases, 4, "one test case per interaction")
	assert.Equal(t, "#0 GET /v1/plugin-attachments/pa-cvl541em1hkk7n8vq810 (GetPluginAttachment)", doc.Suites[0].Cases[0].Name)
	assert.Nil(t, doc.Suites[0].Cases[1].Failure)
	require.NotNil(t, doc.Suites[0].Cases[0].Failure)
	assert.Equal(t, 3, strings.Count(doc.Suites[0].Cases[0].Failure.Text, "\n")+1)
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			assert.NotContains(t, c.Name, "?", "names leave out the query, which may hold credentials")
		}
	}
}

func TestGitHubAnnotations(t *testing.T) {
	out := strings.TrimSpace(string(render(t, fixtureReport(t, false), "github")))
	lines := strings.Split(out, "\n")
	require.Len(t, lines, 6)
	line := regexp.MustCompile(`^::error file=[^,:]+(,line=\d+,col=\d+)?,title=contract%3A [a-z-]+::\S.*$`)
	for _, l := range lines {
		assert.Regexp(t, line, l)
	}
	spec, err := load.File(apigSpec)
	require.NoError(t, err)
	at := spec.Loc.Pos("components", "schemas", "GatewayInfo") // the object lacking chargeType
	assert.Equal(t, fmt.Sprintf("::error file=../spec/apig-2024-03-27.yaml,line=%d,col=%d,title=contract%%3A undocumented::", at.Line, at.Col)+
		"testdata/har/browser.har#0 GetPluginAttachment response /data/gatewayInfo/chargeType: property is not in the spec", lines[1])
	assert.Equal(t, "::error file=testdata/har/browser.har,title=contract%3A route::testdata/har/browser.har#3 request: no spec declares GET /favicon.ico", lines[4])
	assert.Equal(t, "a%25b%0Ac", ghData("a%b\nc"))
	assert.Equal(t, "x%3Ay%2Cz", ghProperty("x:y,z"))
}

func TestCoverage(t *testing.T) {
	set := loadReal(t)
	cov := set.Coverage(fixtureResults(t, set))
	require.Len(t, cov.Specs, 2)
	byName := func(ops []OpCoverage, name string) OpCoverage {
		i := slices.IndexFunc(ops, func(o OpCoverage) bool { return o.Operation == name })
		require.GreaterOrEqual(t, i, 0, "no coverage of %s", name)
		return ops[i]
	}
	apig := byName(cov.Specs[0].Operations, "GetPluginAttachment")
	assert.Equal(t, "GetPluginAttachment", apig.Operation)
	assert.Equal(t, 3, apig.Calls)
	assert.Equal(t, []StatusCoverage{{Key: "200", Calls: 1, Seen: []int{200}}, {Key: "4XX", Calls: 1, Seen: []int{404}}, {Key: "5XX"}}, apig.Statuses)
	assert.Equal(t, []int{304}, apig.Undeclared)
	assert.Contains(t, apig.SeenFields, "/data/resourceInfos/*/resourceType", "array indices collapse")
	assert.Contains(t, apig.NeverFields, "/data/environmentInfo/createTimestamp")
	assert.NotContains(t, apig.SeenFields, "/data/gatewayInfo/chargeType", "only declared fields are counted")
	assert.Equal(t, apig.Fields, len(apig.SeenFields)+len(apig.NeverFields))
	assert.Contains(t, apig.NeverFields, "/data/parentResourceInfo/apiInfo/deployCntMap/*/deployedCnt", "map values collapse too")

	capi := byName(cov.Specs[1].Operations, "AttachPlugin")
	assert.Equal(t, 3, capi.Calls)
	assert.Equal(t, []StatusCoverage{{Key: "200", Calls: 2, Seen: []int{200}}, {Key: "4XX", Calls: 1, Seen: []int{400}}, {Key: "5XX"}}, capi.Statuses)
	assert.Equal(t, []string{"/Code", "/HostId", "/Message", "/Recommend", "/RequestId"}, capi.SeenFields)
}

// hostileNames are recorded strings that try to act on whoever reads a report:
// workflow commands, ANSI and OSC sequences, CR LF that forge lines, NUL, DEL,
// C1 controls (U+009B is CSI), bidi and zero-width characters, a line separator,
// a tag character, a noncharacter, a legacy workflow command.
var hostileNames = []string{
	"::error file=README.md::INJECTED",
	"::add-mask::x",
	"##[add-mask]x",
	"x\x1b[2J\x1b]0;owned\x07\x1b[31mred\r\n::warning::forged line\x00\x7f\u0085\u009b\u202e\u2066\u2069\u200b\ufeff\u2028\U000E0041\ufffe end",
}

func hostileReport() *Report {
	r := &Report{Recordings: len(hostileNames)}
	cov := Coverage{}
	for i, h := range hostileNames {
		r.Results = append(r.Results, Result{Recording: h + ".yaml", Entry: i, Method: "GET", Path: "/" + h, Operation: h,
			Findings: []Finding{{Recording: h + ".yaml", Entry: i, Operation: h, Where: "response", Pointer: "/" + h,
				Schema: "spec/" + h + ".yaml:12:3", Rule: "undocumented" + h, Message: "property " + h + " is not in the spec"}}})
		cov.Specs = append(cov.Specs, SpecCoverage{Spec: h, Operations: []OpCoverage{
			{Operation: h, Calls: 1, Statuses: []StatusCoverage{{Key: h, Calls: 1, Seen: []int{200}}, {Key: h}}, Fields: 2,
				SeenFields: []string{"/" + h}, NeverFields: []string{"/" + h}},
			{Operation: h}}})
	}
	r.Coverage = &cov
	return r
}

// assertNoRawControls checks that out holds no character that acts rather than
// shows, LF (ending lines) aside, and no legacy "##[" workflow command.
func assertNoRawControls(t *testing.T, out []byte) {
	t.Helper()
	assert.True(t, utf8.Valid(out), "valid UTF-8")
	assert.NotContains(t, string(out), "##[", "no legacy workflow command")
	for i, r := range string(out) {
		if r != '\n' && unsafeRune(r) {
			t.Errorf("raw %U at byte %d: %q", r, i, out[max(0, i-40):min(len(out), i+40)])
			return
		}
	}
}

// assertNoCommandLines checks that no line of out is a workflow command, as a
// runner reads one: "::" after leading spaces.
func assertNoCommandLines(t *testing.T, out []byte) {
	t.Helper()
	for _, l := range strings.Split(string(out), "\n") {
		assert.False(t, strings.HasPrefix(strings.TrimSpace(l), "::"), "no line is a workflow command: %q", l)
	}
}

func TestReportsEscapeHostileNames(t *testing.T) {
	r := hostileReport()
	wantLines := len(r.Findings())

	t.Run("text", func(t *testing.T) {
		out := render(t, r, "text")
		assertNoRawControls(t, out)
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		covLines := 0
		for _, sc := range r.Coverage.Specs {
			covLines += 1 + 1 + 3 + len(sc.Operations[0].NeverFields) + 1 // spec, op, statuses x2, fields, never, uncalled op
		}
		require.Len(t, lines, wantLines+covLines, "one line per finding and per coverage item, whatever they quote")
		assert.Contains(t, string(out), `red\r\n::warning::forged line\x00\x7f\u0085\u009b\u202e\u2066\u2069\u200b\ufeff\u2028\U000e0041`+"\ufffe end")
		assert.Contains(t, string(out), `x\x1b[2J\x1b]0;owned\x07\x1b[31m`)
		assert.Contains(t, string(out), "\n\\x3a:add-mask::x.yaml#1 \\x3a:add-mask::x response /::add-mask::x:")
		assert.Contains(t, string(out), "\n  \\x3a:add-mask::x: never called\n")
		assert.Contains(t, string(out), "\n\\x23#[add-mask]x.yaml#2 ")
		assertNoCommandLines(t, out)
	})

	t.Run("github", func(t *testing.T) {
		out := render(t, r, "github")
		assertNoRawControls(t, out)
		lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
		require.Len(t, lines, wantLines)
		for _, l := range lines {
			// Parse as the runner does (actions/runner ActionCommand.TryParseV2):
			// "::" command [" " key=value{,key=value}] "::" data.
			require.True(t, strings.HasPrefix(l, "::error "), l)
			end := strings.Index(l[2:], "::")
			require.GreaterOrEqual(t, end, 0, l)
			info, data := l[2:2+end], l[2+end+2:]
			cmd, props, _ := strings.Cut(info, " ")
			assert.Equal(t, "error", cmd)
			keys := []string{}
			for _, p := range strings.Split(props, ",") {
				k, v, ok := strings.Cut(p, "=")
				require.True(t, ok, "property %q of %q", p, l)
				keys = append(keys, k)
				if k == "line" || k == "col" {
					assert.Regexp(t, `^\d+$`, v)
				}
			}
			assert.Equal(t, []string{"file", "line", "col", "title"}, keys, l)
			assert.False(t, strings.HasPrefix(data, "::"), "data starting with :: is neutralised: %q", data)
		}
		assert.Contains(t, lines[0], `::error file=spec/%3A%3Aerror file=README.md%3A%3AINJECTED.yaml,line=12,col=3,title=contract%3A undocumented%3A%3Aerror file=README.md%3A%3AINJECTED::\x3a:error file=README.md::INJECTED.yaml#0 `)
		assert.Contains(t, lines[3], `red\r\n::warning::forged line\x00\x7f\u0085\u009b\u202e`)
		assert.Equal(t, "%3A%3Ax", ghData("::x"))
	})

	t.Run("json", func(t *testing.T) {
		out := render(t, r, "json")
		assertNoRawControls(t, out)
		assertNoCommandLines(t, out)
		var doc struct {
			Findings []Finding `json:"findings"`
			Coverage *Coverage `json:"coverage"`
		}
		require.NoError(t, json.Unmarshal(out, &doc))
		want := r.Findings()
		for i := range want {
			want[i].schema, want[i].value = nil, nil
		}
		assert.Equal(t, want, doc.Findings, "JSON carries the recorded text faithfully")
		assert.Equal(t, r.Coverage, doc.Coverage)
	})

	t.Run("junit", func(t *testing.T) {
		out := render(t, r, "junit")
		assertNoRawControls(t, out)
		assertNoCommandLines(t, out)
		var doc junitSuites
		require.NoError(t, xml.Unmarshal(out, &doc), "valid XML")
		require.Len(t, doc.Suites, len(hostileNames))
		for i, h := range hostileNames {
			s := doc.Suites[i]
			require.Len(t, s.Cases, 1)
			c := s.Cases[0]
			require.NotNil(t, c.Failure)
			// What XML 1.0 can hold comes back as recorded; the rest (NUL, ESC,
			// BEL, U+FFFE) as Go escapes.
			xh := strings.NewReplacer("\x00", `\x00`, "\x1b", `\x1b`, "\x07", `\x07`, "\ufffe", `\ufffe`).Replace(h)
			assert.Equal(t, xh+".yaml", s.Name)
			assert.Equal(t, xh+".yaml", c.Classname)
			assert.Equal(t, fmt.Sprintf("#%d GET /%s (%s)", i, xh, xh), c.Name)
			assert.Equal(t, "undocumented"+xh, c.Failure.Type)
			assert.Equal(t, "1 finding(s); first: property "+xh+" is not in the spec", c.Failure.Message)
			assert.Contains(t, c.Failure.Text, "/"+xh+": property "+xh+" is not in the spec")
		}
		for _, b := range out {
			// XML 1.0 Char: #x9 | #xA | #xD | [#x20-...]; encoding/xml writes tab
			// and CR as references, so only LF is left raw.
			assert.False(t, b < 0x20 && b != '\n', "raw control byte %#x", b)
		}
	})
}

func TestSplitPosNeedsNumbers(t *testing.T) {
	file, line, col := splitPos("spec.yaml:12:3")
	assert.Equal(t, []string{"spec.yaml", "12", "3"}, []string{file, line, col})
	file, line, col = splitPos("a:1,title=x:2")
	assert.Equal(t, []string{"a:1,title=x:2", "", ""}, []string{file, line, col}, "a line that is not a number stays in the file, where it is escaped")
}
