package contract

import (
	"slices"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
)

// Coverage is what the recordings exercised of each spec and what they never did.
type Coverage struct {
	Specs []SpecCoverage `json:"specs"`
}

// SpecCoverage covers the operations of one spec, in the order the set lists them.
type SpecCoverage struct {
	Spec       string       `json:"spec"`
	Operations []OpCoverage `json:"operations"`
}

// OpCoverage is one operation's share of the traffic.
type OpCoverage struct {
	Operation string `json:"operation"`
	Calls     int    `json:"calls"`
	// Statuses has one entry per declared response key ("200", "4XX", "default").
	Statuses []StatusCoverage `json:"statuses"`
	// Undeclared lists statuses seen that no response key covers.
	Undeclared []int `json:"undeclared,omitempty"`
	// Fields are the response properties the declared schemas describe, as JSON
	// pointers with array indices and map keys collapsed to "*".
	Fields      int      `json:"fields"`
	SeenFields  []string `json:"seenFields"`
	NeverFields []string `json:"neverFields"`
}

// StatusCoverage is one declared response key and the statuses that selected it.
type StatusCoverage struct {
	Key   string `json:"key"`
	Calls int    `json:"calls"`
	Seen  []int  `json:"seen,omitempty"`
}

// Coverage tallies results against every operation of the set.
func (s *Set) Coverage(results []Result) Coverage {
	var seen coverageSeen
	for _, r := range results {
		seen.add(r)
	}
	return s.coverage(seen)
}

// coverageSeen is what coverage needs of the results, folded per operation as
// they come, so that a run keeps none of the results themselves (see Tally).
type coverageSeen map[*operation]*opSeen

// opSeen is one operation's folded results.
type opSeen struct {
	calls      int
	byKey      map[string]*StatusCoverage // statusKey → its calls and statuses, unsorted
	undeclared []int                      // statuses no response key covers
	fields     map[string]bool            // response pointers seen
}

func (c *coverageSeen) add(r Result) {
	if r.op == nil {
		return
	}
	if *c == nil {
		*c = coverageSeen{}
	}
	seen := (*c)[r.op]
	if seen == nil {
		seen = &opSeen{byKey: map[string]*StatusCoverage{}, fields: map[string]bool{}}
		(*c)[r.op] = seen
	}
	seen.calls++
	if r.statusKey == "" {
		if !slices.Contains(seen.undeclared, r.Status) {
			seen.undeclared = append(seen.undeclared, r.Status)
		}
	} else {
		sc := seen.byKey[r.statusKey]
		if sc == nil {
			sc = &StatusCoverage{Key: r.statusKey}
			seen.byKey[r.statusKey] = sc
		}
		sc.Calls++
		if !slices.Contains(sc.Seen, r.Status) {
			sc.Seen = append(sc.Seen, r.Status)
		}
	}
	for _, f := range r.fields {
		seen.fields[f] = true
	}
}

func (s *Set) coverage(seen coverageSeen) Coverage {
	var cov Coverage
	for _, o := range s.ops {
		file := o.spec.Loc.File()
		if len(cov.Specs) == 0 || cov.Specs[len(cov.Specs)-1].Spec != file {
			cov.Specs = append(cov.Specs, SpecCoverage{Spec: file})
		}
		sc := &cov.Specs[len(cov.Specs)-1]
		sc.Operations = append(sc.Operations, o.coverage(seen[o]))
	}
	return cov
}

func (o *operation) coverage(seen *opSeen) OpCoverage {
	if seen == nil {
		seen = &opSeen{}
	}
	oc := OpCoverage{Operation: o.op.ID, Calls: seen.calls, SeenFields: []string{}, NeverFields: []string{}}
	declared := map[string]bool{}
	if rs := o.route.Operation.Responses; rs != nil {
		for _, key := range responseKeys(rs) {
			sc := StatusCoverage{Key: key}
			if got := seen.byKey[key]; got != nil {
				sc.Calls, sc.Seen = got.Calls, slices.Clone(got.Seen)
			}
			slices.Sort(sc.Seen)
			oc.Statuses = append(oc.Statuses, sc)
			schemaFields(o.responseSchema(key), "", nil, declared)
		}
	}
	oc.Undeclared = slices.Clone(seen.undeclared)
	slices.Sort(oc.Undeclared)
	oc.Fields = len(declared)
	for _, f := range sortedNames(declared) {
		if seen.fields[f] {
			oc.SeenFields = append(oc.SeenFields, f)
		} else {
			oc.NeverFields = append(oc.NeverFields, f)
		}
	}
	return oc
}

// responseKeys lists the declared response keys: codes in numeric order, then
// ranges, then default.
func responseKeys(rs *openapi3.Responses) []string {
	keys := sortedNames(rs.Map())
	rank := func(k string) int {
		switch {
		case k == "default":
			return 2
		case len(k) == 3 && k[1:] == "XX":
			return 1
		}
		return 0
	}
	slices.SortStableFunc(keys, func(a, b string) int { return rank(a) - rank(b) })
	return keys
}

// schemaFields adds the property pointers s describes, collapsed like observed
// ones. stack holds the schemas on the current path, so recursive schemas end.
func schemaFields(s *openapi3.Schema, ptr string, stack []*openapi3.Schema, into map[string]bool) {
	if s == nil || slices.Contains(stack, s) || len(stack) > 32 {
		return
	}
	stack = append(stack, s)
	props, ap := collectProps(s)
	for _, k := range sortedNames(props) {
		p := ptr + "/" + escapePointer(k)
		into[p] = true
		schemaFields(props[k], p, stack, into)
	}
	if ap != nil {
		schemaFields(ap, ptr+"/*", stack, into)
	}
	if s.Items != nil {
		schemaFields(s.Items.Value, ptr+"/*", stack, into)
	}
	for _, list := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, sub := range list {
			if sub.Value != nil && sub.Value.Items != nil {
				schemaFields(sub.Value.Items.Value, ptr+"/*", stack, into)
			}
		}
	}
}

// statusText is "200" or "4XX (404, 429)" for a status line of the text report.
func (sc StatusCoverage) statusText() string {
	if len(sc.Seen) == 0 || sc.Key == strconv.Itoa(sc.Seen[0]) {
		return sc.Key
	}
	out := sc.Key + " ("
	for i, st := range sc.Seen {
		if i > 0 {
			out += ", "
		}
		out += strconv.Itoa(st)
	}
	return out + ")"
}
