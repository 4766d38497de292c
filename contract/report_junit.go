package contract

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit XML as CI systems read it (Jenkins, GitLab, GitHub test reporters): one
// suite per recording, one test case per interaction, one failure per failing
// interaction carrying all its findings.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit prints the JUnit report. Recorded text is carried faithfully: DEL,
// C1 and format characters as character references, tab, CR and LF as
// encoding/xml writes them (references too); only what XML 1.0 cannot hold at
// all becomes a Go escape (see escapeXMLValue).
func (r *Report) writeJUnit(w io.Writer) error {
	sum := r.Summary()
	doc := junitSuites{Name: "acsgen contract", Tests: sum.Interactions, Failures: sum.Failed}
	for _, res := range r.Results {
		recording := escapeXMLValue(res.Recording)
		if len(doc.Suites) == 0 || doc.Suites[len(doc.Suites)-1].Name != recording {
			doc.Suites = append(doc.Suites, junitSuite{Name: recording})
		}
		s := &doc.Suites[len(doc.Suites)-1]
		s.Tests++
		name := fmt.Sprintf("#%d %s %s", res.Entry, res.Method, res.Path)
		if res.Operation != "" {
			name += " (" + res.Operation + ")"
		}
		c := junitCase{Name: escapeXMLValue(name), Classname: recording}
		if len(res.Findings) > 0 {
			s.Failures++
			var lines []string
			for _, f := range res.Findings {
				lines = append(lines, f.String())
			}
			c.Failure = &junitFailure{
				Message: escapeXMLValue(fmt.Sprintf("%d finding(s); first: %s", len(res.Findings), res.Findings[0].Message)),
				Type:    escapeXMLValue(res.Findings[0].Rule),
				Text:    escapeXMLValue(strings.Join(lines, "\n")),
			}
		}
		s.Cases = append(s.Cases, c)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	b.WriteString("\n")
	_, err := w.Write(escapeEncoded(b.Bytes(), xmlRef))
	return err
}
