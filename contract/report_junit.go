package contract

import (
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

func (r *Report) writeJUnit(w io.Writer) error {
	sum := r.Summary()
	doc := junitSuites{Name: "acsgen contract", Tests: sum.Interactions, Failures: sum.Failed}
	for _, res := range r.Results {
		if len(doc.Suites) == 0 || doc.Suites[len(doc.Suites)-1].Name != res.Recording {
			doc.Suites = append(doc.Suites, junitSuite{Name: res.Recording})
		}
		s := &doc.Suites[len(doc.Suites)-1]
		s.Tests++
		name := fmt.Sprintf("#%d %s %s", res.Entry, res.Method, res.Path)
		if res.Operation != "" {
			name += " (" + res.Operation + ")"
		}
		c := junitCase{Name: name, Classname: res.Recording}
		if len(res.Findings) > 0 {
			s.Failures++
			var lines []string
			for _, f := range res.Findings {
				lines = append(lines, f.String())
			}
			c.Failure = &junitFailure{Message: fmt.Sprintf("%d finding(s); first: %s", len(res.Findings), res.Findings[0].Message),
				Type: res.Findings[0].Rule, Text: strings.Join(lines, "\n")}
		}
		s.Cases = append(s.Cases, c)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
