package contract

import (
	"fmt"
	"slices"
)

// mergeCoverage adds up the coverage of the shards' reports: calls are summed,
// statuses and fields seen by any shard are seen. The shards checked the same
// specs, so their coverage lists the same operations and response keys; a report
// that does not is refused.
func mergeCoverage(reports []*ShardReport) (*Coverage, error) {
	out := cloneCoverage(*reports[0].coverage)
	for _, r := range reports[1:] {
		if err := addCoverage(&out, *r.coverage); err != nil {
			return nil, fmt.Errorf("%s: coverage: %w, unlike %s's", r.Path, err, reports[0].Path)
		}
	}
	for i := range out.Specs {
		for j := range out.Specs[i].Operations {
			oc := &out.Specs[i].Operations[j]
			never := oc.NeverFields[:0]
			for _, f := range oc.NeverFields {
				if _, seen := slices.BinarySearch(oc.SeenFields, f); !seen {
					never = append(never, f)
				}
			}
			oc.NeverFields = never
		}
	}
	return &out, nil
}

// addCoverage adds c to into. NeverFields are left to the caller, which drops
// those another shard saw once every shard is in.
func addCoverage(into *Coverage, c Coverage) error {
	if len(c.Specs) != len(into.Specs) {
		return fmt.Errorf("lists %d spec(s), not %d", len(c.Specs), len(into.Specs))
	}
	for i, sc := range c.Specs {
		to := &into.Specs[i]
		if sc.Spec != to.Spec || len(sc.Operations) != len(to.Operations) {
			return fmt.Errorf("specs[%d] is %s with %d operation(s), not %s with %d", i, sc.Spec, len(sc.Operations), to.Spec, len(to.Operations))
		}
		for j, oc := range sc.Operations {
			if err := addOpCoverage(&to.Operations[j], oc); err != nil {
				return fmt.Errorf("specs[%d].operations[%d]: %w", i, j, err)
			}
		}
	}
	return nil
}

func addOpCoverage(into *OpCoverage, oc OpCoverage) error {
	if oc.Operation != into.Operation || len(oc.Statuses) != len(into.Statuses) || oc.Fields != into.Fields {
		return fmt.Errorf("%s with %d response key(s) and %d field(s), not %s with %d and %d",
			oc.Operation, len(oc.Statuses), oc.Fields, into.Operation, len(into.Statuses), into.Fields)
	}
	into.Calls += oc.Calls
	for k, st := range oc.Statuses {
		to := &into.Statuses[k]
		if st.Key != to.Key {
			return fmt.Errorf("%s: statuses[%d] is %s, not %s", oc.Operation, k, st.Key, to.Key)
		}
		to.Calls += st.Calls
		to.Seen = union(to.Seen, st.Seen)
	}
	into.Undeclared = union(into.Undeclared, oc.Undeclared)
	into.SeenFields = union(into.SeenFields, oc.SeenFields)
	return nil
}

// union is the sorted union of two sorted lists, nil when both are empty.
func union[T int | string](a, b []T) []T {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// cloneCoverage copies c deeply enough that adding to it leaves c alone.
func cloneCoverage(c Coverage) Coverage {
	out := Coverage{Specs: slices.Clone(c.Specs)}
	for i := range out.Specs {
		ops := slices.Clone(out.Specs[i].Operations)
		for j := range ops {
			ops[j].Statuses = slices.Clone(ops[j].Statuses)
			ops[j].SeenFields = append([]string{}, ops[j].SeenFields...)
			ops[j].NeverFields = append([]string{}, ops[j].NeverFields...)
		}
		out.Specs[i].Operations = ops
	}
	return out
}
