package contract

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		ByRule: map[string]int{"enum": 1, "undocumented": 2, "status": 1, "route": 1, "required": 1}}, doc.Summary)
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
	assert.Equal(t, "::error file=../spec/apig-2024-03-27.yaml,line=1067,col=5,title=contract%3A undocumented::"+
		"testdata/har/browser.har#0 GetPluginAttachment response /data/gatewayInfo/chargeType: property is not in the spec", lines[1])
	assert.Equal(t, "::error file=testdata/har/browser.har,title=contract%3A route::testdata/har/browser.har#3 request: no spec declares GET /favicon.ico", lines[4])
	assert.Equal(t, "a%25b%0Ac", ghData("a%b\nc"))
	assert.Equal(t, "x%3Ay%2Cz", ghProperty("x:y,z"))
}

func TestCoverage(t *testing.T) {
	set := loadReal(t)
	cov := set.Coverage(fixtureResults(t, set))
	require.Len(t, cov.Specs, 2)
	apig := cov.Specs[0].Operations[0]
	assert.Equal(t, "GetPluginAttachment", apig.Operation)
	assert.Equal(t, 3, apig.Calls)
	assert.Equal(t, []StatusCoverage{{Key: "200", Calls: 1, Seen: []int{200}}, {Key: "4XX", Calls: 1, Seen: []int{404}}, {Key: "5XX"}}, apig.Statuses)
	assert.Equal(t, []int{304}, apig.Undeclared)
	assert.Contains(t, apig.SeenFields, "/data/resourceInfos/*/resourceType", "array indices collapse")
	assert.Contains(t, apig.NeverFields, "/data/environmentInfo/createTimestamp")
	assert.NotContains(t, apig.SeenFields, "/data/gatewayInfo/chargeType", "only declared fields are counted")
	assert.Equal(t, apig.Fields, len(apig.SeenFields)+len(apig.NeverFields))
	assert.Contains(t, apig.NeverFields, "/data/parentResourceInfo/apiInfo/deployCntMap/*/deployedCnt", "map values collapse too")

	capi := cov.Specs[1].Operations[0]
	assert.Equal(t, 3, capi.Calls)
	assert.Equal(t, []StatusCoverage{{Key: "200", Calls: 2, Seen: []int{200}}, {Key: "4XX", Calls: 1, Seen: []int{400}}, {Key: "5XX"}}, capi.Statuses)
	assert.Equal(t, []string{"/Code", "/HostId", "/Message", "/Recommend", "/RequestId"}, capi.SeenFields)
}
