package contract

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// writeText prints one finding per line, then the coverage if any. Recorded
// text is escaped (see escapeText): a finding is one line whatever it quotes.
func (r *Report) writeText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings() {
		fmt.Fprintln(bw, escapeFinding(f))
	}
	if r.Coverage != nil {
		writeCoverage(bw, *r.Coverage)
	}
	return bw.Flush()
}

// WriteCoverage prints coverage as text.
func WriteCoverage(w io.Writer, c Coverage) error {
	bw := bufio.NewWriter(w)
	writeCoverage(bw, c)
	return bw.Flush()
}

func writeCoverage(w io.Writer, c Coverage) {
	for _, sc := range c.Specs {
		fmt.Fprintf(w, "coverage of %s\n", escapeText(sc.Spec))
		for _, oc := range sc.Operations {
			if oc.Calls == 0 {
				fmt.Fprintf(w, "  %s: never called\n", escapeText(oc.Operation))
				continue
			}
			fmt.Fprintf(w, "  %s: %d call(s)\n", escapeText(oc.Operation), oc.Calls)
			var seen, never []string
			for _, st := range oc.Statuses {
				if st.Calls > 0 {
					seen = append(seen, fmt.Sprintf("%s x%d", escapeText(st.statusText()), st.Calls))
				} else {
					never = append(never, escapeText(st.Key))
				}
			}
			fmt.Fprintf(w, "    statuses seen: %s\n", listOrNone(seen))
			fmt.Fprintf(w, "    statuses never seen: %s\n", listOrNone(never))
			if len(oc.Undeclared) > 0 {
				fmt.Fprintf(w, "    undeclared statuses seen: %s\n", strings.Trim(fmt.Sprint(oc.Undeclared), "[]"))
			}
			fmt.Fprintf(w, "    response fields seen: %d of %d\n", len(oc.SeenFields), oc.Fields)
			for _, f := range oc.NeverFields {
				fmt.Fprintf(w, "      never: %s\n", escapeText(f))
			}
		}
	}
}

func listOrNone(l []string) string {
	if len(l) == 0 {
		return "none"
	}
	return strings.Join(l, ", ")
}
